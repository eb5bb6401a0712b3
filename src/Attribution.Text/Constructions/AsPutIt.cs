namespace Attribution.Text.Constructions;

/// <summary>
/// "…," as the memo put it.  /  As Ms. Simonyan put it in a statement, "…" — the idiom names a speaker without a
/// speech verb of its own; "put it" (with any adverb before it) is the cue.
/// </summary>
internal sealed class AsPutIt : WordConstruction
{
    /// <inheritdoc/>
    public override string Name => "as-put-it";

    /// <inheritdoc/>
    public override IEnumerable<string> Triggers(Lexicon lexicon) => ["put"];

    /// <inheritdoc/>
    public override IEnumerable<string> Anchors(Lexicon lexicon) => ["as"];

    // "…," as the memo put it.  /  As Ms. Simonyan put it in a statement, "…"  — the idiom names a speaker
    // without a speech verb of its own; "put it" (with any adverb before it) is the cue.
    /// <inheritdoc/>
    public override Match? Match(DocumentParser p, int a, int lo, Match? previous)
    {
        var asWord = p.Cursor(a);

        // "put it" within twenty words, with no quotation, sentence end, semicolon or colon before it.
        var put = asWord.Peek(1);
        var words = 0;
        while (put.HasNext && !(put.IsWord("put") && put.Peek(1).IsWord("it")))
        {
            if (put.IsQuoteOpen || put.IsInQuote || put.IsTerminal || put.IsPunct(';') || put.IsPunct(':') || ++words > 20)
            {
                return null;
            }

            put.Next();
        }

        if (!put.HasNext || words == 0)
        {
            return null;
        }

        // Adverbs before "put" belong to the cue: "as the memo bluntly put it".
        var speakerStart = asWord.Peek(1);
        var cueStart = put;
        while (cueStart.Peek(-1) > speakerStart && cueStart.Peek(-1).IsWordToken
            && (cueStart.Peek(-1).IsAnyWord(WordLists.CueModifiers) || p.IsMannerAdverb(cueStart.Peek(-1).Position)))
        {
            cueStart.Previous();
        }

        var speakerEnd = p.LastNonPunctuation(speakerStart, cueStart.Peek(-1));
        if (speakerEnd < speakerStart || !speakerStart.IsWordToken)
        {
            return null;
        }

        var speaker = speakerStart.SpanTo(speakerEnd);
        var it = put.Peek(1);
        var cue = cueStart.SpanTo(it);

        // As X put it, … .  The clause after the idiom is what X said; skip an adjunct such as "in a statement".
        var after = it.Peek(1);
        while (after.InRange && !after.IsPunct(',') && !after.IsTerminal && !after.IsQuoteOpen)
        {
            after.Next();
        }

        if (asWord.Position == lo && after.HasNext && (after.IsPunct(',') || after.IsQuoteOpen))
        {
            var from = after.IsPunct(',') ? after.Peek(1) : after;
            var end = p.ContentEnd(from);
            if (end < from)
            {
                return null;
            }

            var content = from.SpanTo(end);
            return new Match(p.KindOf([content]), [content], cue, null, speaker, p.TrailingPunctuation(end).Position, -1);
        }

        // …, as X put it.  /  "…," as X put it.
        var before = asWord.Peek(-1);
        var contentEnd = before.IsQuoteClose ? before : before.Peek(-1);
        if (before.Position >= lo && (before.IsPunct(',') || before.IsQuoteClose) && p.ContentBefore(lo, contentEnd) is { } reported)
        {
            return new Match(p.KindOf([reported]), [reported], cue, null, speaker, p.TrailingPunctuation(it).Position, -1);
        }

        return null;
    }
}
