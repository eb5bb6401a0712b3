namespace Attribution.Text.Constructions;

/// <summary>"…, according to X." / "According to X, …" / "…, according to X, …": information attributed without a verb.</summary>
internal sealed class AccordingTo : WordConstruction
{
    /// <inheritdoc/>
    public override string Name => "according-to";

    /// <inheritdoc/>
    public override IEnumerable<string> Triggers(Lexicon lexicon) => ["according"];

    /// <inheritdoc/>
    public override IEnumerable<string> Anchors(Lexicon lexicon) => ["according"];

    /// <inheritdoc/>
    public override Match? Match(DocumentParser p, int at, int lo, Match? previous) =>
        p.IsWord(at + 1, "to") ? MatchAt(p, at, lo) ?? Text.Match.Declined : null;

    /// <summary>The match of "according to" at token <paramref name="a"/>, or null.</summary>
    public static Match? MatchAt(DocumentParser p, int a, int lo)
    {
        var from = a + 2;
        var k = from;
        var words = 0;
        while (k < p.N && !p.IsPunct(k, ',') && !p.IsTerminal(k) && p.Tokens[k].Kind != TokenKind.QuoteOpen && !p.IsPunct(k, ';') && !p.IsPunct(k, ':'))
        {
            if (p.Tokens[k].Kind is TokenKind.Word or TokenKind.Number)
            {
                words++;
            }

            k++;
        }

        if (words == 0 || words > 14)
        {
            return null;
        }

        var speaker = p.TokenSpan(from, p.LastNonPunctuation(from, k - 1));
        var cue = new TextSpan(p.Tokens[a].Start, p.Tokens[a + 1].End);

        // According to X, … .
        if (a == lo && k < p.N && p.IsPunct(k, ','))
        {
            var end = p.ContentEnd(k + 1);
            if (end < k + 1)
            {
                return null;
            }

            var content = p.TokenSpan(k + 1, end);
            return new Match(p.KindOf([content]), [content], cue, null, speaker, p.TrailingPunctuation(end), -1);
        }

        // …, according to X.  /  …, according to X, … .
        var beforeEnd = p.Tokens[Math.Max(a - 1, 0)].Kind == TokenKind.QuoteClose ? a - 1 : a - 2;
        if (a - 1 >= lo && (p.IsPunct(a - 1, ',') || p.IsPunct(a - 1, '(') || p.IsDash(a - 1) || p.Tokens[a - 1].Kind == TokenKind.QuoteClose) && p.ContentBefore(lo, beforeEnd) is { } before)
        {
            var parts = new List<TextSpan> { before };
            var last = k - 1;
            if (k < p.N && p.IsPunct(k, ',') && k + 1 < p.N)
            {
                var end = p.ContentEnd(k + 1);
                if (end >= k + 1)
                {
                    parts.Add(p.TokenSpan(k + 1, end));
                    last = end;
                }
            }

            return new Match(p.KindOf(parts), parts, cue, null, speaker, p.TrailingPunctuation(last), -1);
        }

        return null;
    }
}
