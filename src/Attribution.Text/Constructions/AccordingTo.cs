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
        var according = p.Cursor(a);
        var from = according.Peek(2);

        // The speaker runs to a comma, a sentence's end, a quotation, a semicolon or a colon.
        var stop = from;
        var words = 0;
        while (stop.InRange && !stop.IsPunct(',') && !stop.IsTerminal && !stop.IsQuoteOpen && !stop.IsPunct(';') && !stop.IsPunct(':'))
        {
            if (stop.IsWordOrNumber)
            {
                words++;
            }

            stop.Next();
        }

        if (words == 0 || words > 14)
        {
            return null;
        }

        var speaker = from.SpanTo(p.LastNonPunctuation(from, stop.Peek(-1)));
        var cue = according.SpanTo(according.Peek(1));
        var commaAfter = stop.IsPunct(',');

        // According to X, … .
        if (according.Position == lo && commaAfter)
        {
            var start = stop.Peek(1);
            var end = p.ContentEnd(start);
            if (end < start)
            {
                return null;
            }

            var content = start.SpanTo(end);
            return new Match(p.KindOf([content]), [content], cue, null, speaker, p.TrailingPunctuation(end).Position, -1);
        }

        // …, according to X.  /  …, according to X, … .
        var before = according.Peek(-1);
        var setOff = before.IsPunct(',') || before.IsPunct('(') || before.IsDash || before.IsQuoteClose;
        var contentEnd = before.IsQuoteClose ? before : before.Peek(-1);
        if (before.Position >= lo && setOff && p.ContentBefore(lo, contentEnd) is { } reported)
        {
            var parts = new List<TextSpan> { reported };
            var last = stop.Peek(-1);
            if (commaAfter && stop.HasNext)
            {
                var start = stop.Peek(1);
                var end = p.ContentEnd(start);
                if (end >= start)
                {
                    parts.Add(start.SpanTo(end));
                    last = end;
                }
            }

            return new Match(p.KindOf(parts), parts, cue, null, speaker, p.TrailingPunctuation(last).Position, -1);
        }

        // "Since last November, according to X, security forces have killed …": after an opening phrase, the clause
        // that follows is what X reports, and the phrase is part of it.
        if (before.Position > lo && before.IsPunct(',') && commaAfter && stop.HasNext && p.IsBarePhrase(lo, before.Position - 1))
        {
            var start = stop.Peek(1);
            var end = p.ContentEnd(start);
            if (end >= start && p.CountWords(start.Position, end.Position) >= 3)
            {
                List<TextSpan> parts = [p.TokenSpan(lo, before.Position - 1), start.SpanTo(end)];
                return new Match(p.KindOf(parts), parts, cue, null, speaker, p.TrailingPunctuation(end).Position, -1);
            }
        }

        return null;
    }
}
