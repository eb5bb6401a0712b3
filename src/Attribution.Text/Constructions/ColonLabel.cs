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
        var quoted = p.N > 3 && p.Cursor(0).IsQuoteOpen;
        var first = p.Cursor(quoted ? 1 : 0);

        // Up to six words in Title Case (or capitals, in a transcript), prepositions and determiners between.
        var colon = first;
        var words = 0;
        while (colon.IsWordOrNumber && colon - first <= 7 && (quoted || !colon.IsInQuote))
        {
            if (colon.IsWordToken && !colon.IsCapitalised && !p.IsPreposition(colon.Position) && !p.IsDeterminer(colon.Position))
            {
                return null;
            }

            if (quoted && colon.IsWordToken && colon.Word.ContainsAnyInRange('a', 'z'))
            {
                return null;
            }

            words++;
            colon.Next();

            // "U.S.-China", "AT&T", "Gov.": joined marks and abbreviation dots stay inside the label.
            while (colon.InRange && ((p.IsJoiner(colon.Position) && colon.HasNext && colon.Peek(1).Span.Start == colon.Span.End) || p.IsAbbreviationDot(colon.Position)))
            {
                colon.Next();
            }
        }

        var label = colon.Peek(-1);
        if (words == 0 || words > 6 || !colon.HasNext || !colon.IsPunct(':') || !first.IsCapitalised
            || first.IsAnyWord(WordLists.ColonLabels) || label.IsAnyWord(WordLists.ColonLabels) || p.CueAt(label.Position, out _)
            || IsSectionLabel(p, first, label))
        {
            return null;
        }

        var start = colon.Peek(1);
        var end = p.ContentEnd(start);
        if (quoted)
        {
            // The turn ends with its paragraph, even where the quotation runs on into the next turn.
            var paragraphEnd = p.Paragraphs[p.ParagraphOf(colon.Span.Start)].End;
            while (end > start && (end.Span.End > paragraphEnd || end.IsQuoteClose))
            {
                end.Previous();
            }
        }

        if (end < start || p.CountWords(start.Position, end.Position) < 2)
        {
            return null;
        }

        var content = start.SpanTo(end);
        var kind = quoted ? QuotationKind.Direct : p.KindOf([content]);
        return new Match(kind, [content], colon.Span, null, first.SpanTo(p.LastNonPunctuation(first, label)), p.TrailingPunctuation(end).Position, -1);
    }

    // "KEEPING SCORE: The Canucks beat …", "ENERGY: Oil rose …": a label in capitals that names no one the
    // story names. A transcript's "TAPPER: …" is a speaker: the story gives the name as a name too
    // ("CNN's Jake Tapper"), or the label opens a quotation.
    private static bool IsSectionLabel(DocumentParser p, TokenCursor first, TokenCursor last)
    {
        var label = first.SpanTo(last);
        if (first.Position > 0 || p.Text.AsSpan(label.Start, label.Length).ContainsAnyInRange('a', 'z'))
        {
            return false;
        }

        var name = p.LastNonPunctuation(first, last).Word;
        if (name.Length < 2 || p.Lexicon.TitleLookup.ContainsKey(name))
        {
            return false;
        }

        // The same word in Title Case, as a whole word, anywhere in the story: the story's Title Case words are
        // gathered once, on the first label in capitals, so a transcript of many turns reads the text once.
        return !p.TitleCaseWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);
    }
}
