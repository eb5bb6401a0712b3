namespace Attribution.Text.Constructions;

/// <summary>Graham: Trump Is Destroying the Party  /  TAPPER: Do you think … — a headline or a transcript turn.</summary>
internal sealed class ColonLabel : SentenceConstruction
{
    /// <inheritdoc/>
    public override string Name => "colon-label";

    // Graham: Trump Is Destroying the Party  /  TAPPER: Do you think … — a headline or a transcript turn.
    /// <inheritdoc/>
    public override Match? Match(DocumentParser p, int lo, Match? previous)
    {
        // A transcript printed as one long quotation opens each turn with a quotation mark:
        // "WALLACE: If I may, sir, … — then the label must be in capitals, as transcripts print it.
        var first = p.N > 3 && p.Tokens[0].Kind == TokenKind.QuoteOpen ? 1 : 0;
        var k = first;
        var words = 0;
        while (k < p.N && k <= first + 7 && p.Tokens[k].Kind is TokenKind.Word or TokenKind.Number && (first == 1 || !p.Tokens[k].InQuote))
        {
            if (p.Tokens[k].Kind == TokenKind.Word && !p.IsCapitalised(k) && !p.IsPreposition(k) && !p.IsDeterminer(k))
            {
                return null;
            }

            if (first == 1 && p.Tokens[k].Kind == TokenKind.Word && p.Word(k).ContainsAnyInRange('a', 'z'))
            {
                return null;
            }

            words++;
            k++;
            while (k < p.N && ((p.IsJoiner(k) && k + 1 < p.N && p.Tokens[k + 1].Start == p.Tokens[k].End) || p.IsAbbreviationDot(k)))
            {
                k++;
            }
        }

        if (words == 0 || words > 6 || k >= p.N - 1 || !p.IsPunct(k, ':') || !p.IsCapitalised(first)
            || p.Lexicon.Lookup(WordLists.ColonLabels).Contains(p.Word(first)) || p.CueAt(k - 1, out _) || IsSectionLabel(p, first, k - 1))
        {
            return null;
        }

        var end = p.ContentEnd(k + 1);
        if (first == 1)
        {
            // The turn ends with its paragraph, even where the quotation runs on into the next turn.
            var paragraphEnd = p.Paragraphs[p.ParagraphOf(p.Tokens[k].Start)].End;
            while (end > k + 1 && (p.Tokens[end].End > paragraphEnd || p.Tokens[end].Kind == TokenKind.QuoteClose))
            {
                end--;
            }
        }

        if (end < k + 1 || p.CountWords(k + 1, end) < 2)
        {
            return null;
        }

        var content = p.TokenSpan(k + 1, end);
        return new Match(first == 1 ? QuotationKind.Direct : p.KindOf([content]), [content], p.Tokens[k].Span, null, p.TokenSpan(first, p.LastNonPunctuation(first, k - 1)), p.TrailingPunctuation(end), -1);
    }

    // "KEEPING SCORE: The Canucks beat …", "ENERGY: Oil rose …": a label in capitals that names no one the
    // story names. A transcript's "TAPPER: …" is a speaker: the story gives the name as a name too
    // ("CNN's Jake Tapper"), or the label opens a quotation.
    private static bool IsSectionLabel(DocumentParser p, int first, int last)
    {
        if (first > 0 || p.Text.AsSpan(p.Tokens[first].Start, p.Tokens[last].End - p.Tokens[first].Start).ContainsAnyInRange('a', 'z'))
        {
            return false;
        }

        var name = p.Word(p.LastNonPunctuation(first, last));
        if (name.Length < 2 || p.Lexicon.TitleLookup.ContainsKey(name))
        {
            return false;
        }

        // The same word in Title Case, as a whole word, anywhere in the story: the story's Title Case words are
        // gathered once, on the first label in capitals, so a transcript of many turns reads the text once.
        return !p.TitleCaseWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);
    }
}
