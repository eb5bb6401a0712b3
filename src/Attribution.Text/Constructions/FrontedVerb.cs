namespace Attribution.Text.Constructions;

/// <summary>Said Dorothy Poynter, who grew up with him, "We were all so proud of him." — the verb first, then the speaker and the quotation.</summary>
internal sealed class FrontedVerb : VerbConstruction
{
    /// <inheritdoc/>
    public override string Name => "fronted-verb";

    /// <inheritdoc/>
    public override Match? Match(DocumentParser p, in VerbCue cue, int lo, Match? previous)
    {
        var (c, cueStart, verb, span) = (cue.Index, cue.Start, cue.Verb, cue.Span);

        // Said Dorothy Poynter, who grew up with him, "We were all so proud of him."
        if (c == lo && p.NounPhraseAfter(c + 1, true) is { } fronted)
        {
            var k = fronted.End + 1;
            while (k + 1 < p.N && k - fronted.End < 20 && p.Tokens[k + 1].Kind != TokenKind.QuoteOpen && !p.IsTerminal(k))
            {
                k++;
            }

            if (k + 1 < p.N && (p.IsPunct(k, ',') || p.IsPunct(k, ':')) && p.Tokens[k + 1].Kind == TokenKind.QuoteOpen)
            {
                fronted = (fronted.Start, p.LastNonPunctuation(fronted.Start, k - 1));
                var quoted = p.Regions[p.Tokens[k + 1].Region];
                var close = p.CloseTokenOf(quoted);
                return new Match(QuotationKind.Direct, [quoted.Span], span, verb, p.TokenSpan(fronted.Start, fronted.End), close >= 0 ? p.TrailingPunctuation(close) : p.N - 1, -1);
            }
        }

        return null;
    }
}
