namespace Attribution.Text.Constructions;

/// <summary>
/// Kasich shot back: "…"  /  She thanked the crew: "…" — a colon before a quotation marks speech even when the
/// verb is not in the lexicon: the subject at the sentence start is the speaker, the words up to the colon the cue.
/// </summary>
internal sealed class ColonLeadIn : QuotationConstruction
{
    /// <inheritdoc/>
    public override string Name => "colon-lead-in";

    /// <inheritdoc/>
    public override (TextSpan Cue, TextSpan Speaker)? Match(DocumentParser p, QuoteRegion region)
    {
        var open = p.Cursor(p.IndexOfToken(region.Span.Start));
        var colon = open.Peek(-1);
        if (open.Position < 3 || !colon.IsPunct(':'))
        {
            return null;
        }

        // The subject opens the sentence, and at least a word stands between it and the colon.
        if (p.LeadingNounPhrase(0, colon.Position) is not { } subject || subject.End + 1 >= colon.Position)
        {
            return null;
        }

        for (var k = p.Cursor(0); k < colon; k.Next())
        {
            if (k.IsInQuote || k.IsTerminal)
            {
                return null;
            }
        }

        // The cue is the words up to the colon when they are few ("shot back"), else the first of them.
        var cueStart = p.Cursor(subject.End).Peek(1);
        var cueEnd = colon - cueStart <= 3 ? colon.Peek(-1) : cueStart;
        if (!cueStart.IsWordToken || p.IsStopWord(cueStart.Position))
        {
            return null;
        }

        return (cueStart.SpanTo(cueEnd), p.TokenSpan(subject.Start, subject.End));
    }
}
