namespace Attribution.Text.Constructions;

/// <summary>"…," said Mr Smith.  /  …, said the official. — the speaker after the verb (not "…," told Vatican Radio: that is the listener).</summary>
internal sealed class InvertedVerb : VerbConstruction
{
    /// <inheritdoc/>
    public override string Name => "inverted-verb";

    /// <inheritdoc/>
    public override Match? Match(DocumentParser p, in VerbCue cue, int lo, Match? previous)
    {
        var (c, cueStart, verb, span) = (cue.Index, cue.Start, cue.Verb, cue.Span);

        // "…," said Mr Smith.  /  …, said the official.  (Not "…," told Vatican Radio: that is the listener.)
        if (c - 1 >= lo && !verb.TakesObject && (p.IsPunct(c - 1, ',') || p.Tokens[c - 1].Kind == TokenKind.QuoteClose))
        {
            var afterQuote = p.Tokens[c - 1].Kind == TokenKind.QuoteClose || (c - 2 >= 0 && p.Tokens[c - 2].Kind == TokenKind.QuoteClose);
            var np = p.NounPhraseAfter(c + 1, afterQuote);
            var contentEnd = p.Tokens[c - 1].Kind == TokenKind.QuoteClose ? c - 1 : c - 2;
            if (np is { } after && p.ContentBefore(lo, contentEnd) is { } before)
            {
                var parts = new List<TextSpan> { before };
                var last = p.SplitContinuation(after.End + 1, parts) ?? after.End;
                return new Match(p.KindOf(parts), parts, span, verb, p.TokenSpan(after.Start, after.End), Math.Max(last, p.TrailingPunctuation(last)), -1);
            }
        }

        return null;
    }
}
