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
        var k = a + 1;
        var words = 0;
        while (k + 1 < p.N && !(p.IsWord(k, "put") && p.IsWord(k + 1, "it")))
        {
            if (p.Tokens[k].Kind == TokenKind.QuoteOpen || p.Tokens[k].InQuote || p.IsTerminal(k) || p.IsPunct(k, ';') || p.IsPunct(k, ':') || ++words > 20)
            {
                return null;
            }

            k++;
        }

        if (k + 1 >= p.N || words == 0)
        {
            return null;
        }

        var cueStart = k;
        while (cueStart - 1 > a + 1 && p.Tokens[cueStart - 1].Kind == TokenKind.Word && (p.Lexicon.Lookup(WordLists.CueModifiers).Contains(p.Word(cueStart - 1)) || p.IsMannerAdverb(cueStart - 1)))
        {
            cueStart--;
        }

        var speakerEnd = p.LastNonPunctuation(a + 1, cueStart - 1);
        if (speakerEnd < a + 1 || p.Tokens[a + 1].Kind != TokenKind.Word)
        {
            return null;
        }

        var speaker = p.TokenSpan(a + 1, speakerEnd);
        var cue = new TextSpan(p.Tokens[cueStart].Start, p.Tokens[k + 1].End);

        // As X put it, … .  The clause after the idiom is what X said; skip an adjunct such as "in a statement".
        var after = k + 2;
        while (after < p.N && !p.IsPunct(after, ',') && !p.IsTerminal(after) && p.Tokens[after].Kind != TokenKind.QuoteOpen)
        {
            after++;
        }

        if (a == lo && after + 1 < p.N && (p.IsPunct(after, ',') || p.Tokens[after].Kind == TokenKind.QuoteOpen))
        {
            var from = p.IsPunct(after, ',') ? after + 1 : after;
            var end = p.ContentEnd(from);
            if (end < from)
            {
                return null;
            }

            var content = p.TokenSpan(from, end);
            return new Match(p.KindOf([content]), [content], cue, null, speaker, p.TrailingPunctuation(end), -1);
        }

        // …, as X put it.  /  "…," as X put it.
        var beforeEnd = p.Tokens[Math.Max(a - 1, 0)].Kind == TokenKind.QuoteClose ? a - 1 : a - 2;
        if (a - 1 >= lo && (p.IsPunct(a - 1, ',') || p.Tokens[a - 1].Kind == TokenKind.QuoteClose) && p.ContentBefore(lo, beforeEnd) is { } before)
        {
            return new Match(p.KindOf([before]), [before], cue, null, speaker, p.TrailingPunctuation(k + 1), -1);
        }

        return null;
    }
}
