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
        var open = p.IndexOfToken(region.Span.Start);
        if (open < 3 || !p.IsPunct(open - 1, ':'))
        {
            return null;
        }

        var colon = open - 1;
        if (p.LeadingNounPhrase(0, colon) is not { } subject || subject.End + 1 >= colon)
        {
            return null;
        }

        for (var k = 0; k < colon; k++)
        {
            if (p.Tokens[k].InQuote || p.IsTerminal(k))
            {
                return null;
            }
        }

        var cueStart = subject.End + 1;
        var cueEnd = colon - cueStart <= 3 ? colon - 1 : cueStart;
        if (p.Tokens[cueStart].Kind != TokenKind.Word || p.IsStopWord(cueStart))
        {
            return null;
        }

        return (p.TokenSpan(cueStart, cueEnd), p.TokenSpan(subject.Start, subject.End));
    }
}
