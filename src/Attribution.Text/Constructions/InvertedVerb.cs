namespace Attribution.Text.Constructions;

/// <summary>"…," said Mr Smith.  /  …, said the official. — the speaker after the verb (not "…," told Vatican Radio: that is the listener).</summary>
internal sealed class InvertedVerb : VerbConstruction
{
    /// <inheritdoc/>
    public override string Name => "inverted-verb";

    /// <inheritdoc/>
    public override Match? Match(DocumentParser p, in VerbCue cue, int lo, Match? previous)
    {
        var verb = p.Cursor(cue.Index);
        var before = verb.Peek(-1);
        // "The program, called EB-5, …" names the program: "called" after a comma is never "…," called Smith.
        if (before.Position < lo || cue.Verb.TakesObject || !(before.IsPunct(',') || before.IsQuoteClose) || (cue.Verb.Lemma == "call" && before.IsPunct(',')))
        {
            return null;
        }

        // "…," said X: the quotation ends right before the verb, or before its comma.
        var afterQuote = before.IsQuoteClose || before.Peek(-1).IsQuoteClose;
        var contentEnd = before.IsQuoteClose ? before : before.Peek(-1);
        if (p.NounPhraseAfter(verb.Position + 1, afterQuote) is not { } after || p.ContentBefore(lo, contentEnd) is not { } reported)
        {
            return null;
        }

        var parts = new List<TextSpan> { reported };
        var last = p.SplitContinuation(after.End + 1, parts) ?? after.End;
        return new Match(p.KindOf(parts), parts, cue.Span, cue.Verb, p.TokenSpan(after.Start, after.End), Math.Max(last, p.TrailingPunctuation(last)), -1);
    }
}
