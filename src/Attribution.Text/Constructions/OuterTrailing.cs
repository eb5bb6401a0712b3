using static Attribution.Text.WordLists;

namespace Attribution.Text.Constructions;

/// <summary>
/// Clinton had told police that she did not want an escort, the source added. — the attribution at the end of a
/// sentence is the outer one: it reports everything before it, "told" included.
/// </summary>
internal sealed class OuterTrailing : SentenceConstruction
{
    /// <inheritdoc/>
    public override string Name => "outer-trailing";

    // "…, the source added." / "…, according to a CNN tally." when an earlier cue verb would otherwise
    // claim the sentence: the last cue in the sentence, outside quotations, followed only by its
    // speaker and adjuncts. Null when there is no such cue or no earlier one it would displace.
    /// <inheritdoc/>
    public override Match? Match(DocumentParser p, int lo, Match? previous)
    {
        var last = p.N - 1;
        while (last >= lo && p.Tokens[last].Kind == TokenKind.Punctuation)
        {
            last--;
        }

        // Every trailing attribution is set off by a comma, a parenthesis or a dash: most sentences are
        // out after this scan of punctuation alone.
        var window = Math.Max(lo, last - DocumentParser.MaxSpeakerWords - DocumentParser.MaxTailWords);
        if (!AnySetOffMark(p, window, last))
        {
            return null;
        }

        var earlierCue = false;
        var found = -1;
        for (var i = last; i >= window && found < 0; i--)
        {
            if (p.Tokens[i].Kind == TokenKind.Word && !p.Tokens[i].InQuote && (p.IsAccordingTo(i) || p.CueAt(i, out _)))
            {
                found = i;
            }
        }

        // "While Sanders has maintained that …, Clinton has …": the comma closes a subordinate clause.
        if (found <= lo || !IsTrailingShape(p, found, last) || p.IsAnyWord(lo, SubordinateOpeners))
        {
            return null;
        }

        // The earlier cue must report indirectly ("had told police that …"): one followed by a colon, a
        // comma or a quotation ("Obama said: "…" … ," Obama said.") closes its own attribution.
        for (var i = lo; i < found && !earlierCue; i++)
        {
            earlierCue = p.Tokens[i].Kind == TokenKind.Word && !p.Tokens[i].InQuote && !p.IsCapitalised(i) && p.CueAt(i, out _)
                && i + 1 < found && p.Tokens[i + 1].Kind == TokenKind.Word;
        }

        if (!earlierCue)
        {
            return null;
        }

        var m = p.IsAccordingTo(found) ? AccordingTo.MatchAt(p, found, lo)
            : p.CueAt(found, out var verb) && !p.IsCapitalised(found) ? SpeechVerb.MatchCue(p, found, verb, lo, previous) : null;

        // Only a match that reports the whole sentence before it, up to the end, is the outer one; and
        // "…, given his previous comments." is a noun after a possessive, not a speaker and a verb.
        return m is { Cue: { } cue, Speaker: { } speaker } && m.Content.Count == 1 && m.Content[0].Start == p.Tokens[lo].Start
            && m.Content[0].End <= cue.Start && m.LastToken >= last && !p.StartsWithPossessive(speaker) ? m : null;
    }

    // A comma, an opening parenthesis or a dash among the tokens from..to (all of them in the unit).
    private static bool AnySetOffMark(DocumentParser p, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            var t = p.Tokens[i];
            if (t.Kind == TokenKind.Punctuation && p.Text[t.Start] is ',' or '(' or '\u2014' or '\u2013' or '\u2015' or '-')
            {
                return true;
            }
        }

        return false;
    }

    // "…, according to X." / "…, said X." / "…, the source added Tuesday." — and not "…, Clinton has
    // nevertheless called his vote a mistake." (a clause of its own) or "…, legal challenges." (a noun).
    private static bool IsTrailingShape(DocumentParser p, int cue, int last)
    {
        if (p.IsAccordingTo(cue) || p.IsPunct(cue - 1, ','))
        {
            // "…," said Jones. — a quotation just before belongs to the trailing cue alone.
            return !(cue - 2 >= 0 && p.Tokens[cue - 2].Kind == TokenKind.QuoteClose);
        }

        if (!p.CueAt(cue, out var verb))
        {
            return false;
        }

        // Only adjuncts (and a listener) may follow: "…, he told reporters on Tuesday." — not "…, Teck
        // wants the gap narrowed.", whose verb opens a clause of its own.
        var next = cue + 1;
        foreach (var particle in verb.Particles)
        {
            if (p.IsWord(cue + 1, particle))
            {
                next = cue + 2; // "…, the union called for." — the particle is part of the cue
                break;
            }
        }

        next = p.SkipAdjuncts(next);
        if (verb.TakesObject)
        {
            next = p.SkipAdjuncts(p.SkipObject(next));
        }

        if (next <= last)
        {
            return false;
        }

        var before = cue - 1;
        while (before > 0 && p.Lexicon.Lookup(WordLists.CueModifiers).Contains(p.Word(before)))
        {
            before--;
        }

        // A cue that is also a noun needs a subject that cannot be its adjective: a name or a pronoun.
        if (verb.IsAlsoNoun && !p.IsCapitalised(before) && !p.Lexicon.PronounLookup.ContainsKey(p.Word(before)))
        {
            return false;
        }

        for (var i = before; i >= 0 && i >= before - DocumentParser.MaxSpeakerWords; i--)
        {
            // DuVernay said she felt … because "most people don’t know," she said. — the quotation is the
            // trailing cue's content, and the attribution before it stands on its own.
            if (p.Tokens[i].Kind == TokenKind.QuoteClose || (i > 0 && p.Tokens[i - 1].Kind == TokenKind.QuoteClose))
            {
                return false;
            }

            if (p.IsPunct(i, ',') || p.IsDash(i))
            {
                return i < before;
            }

            // "…, have sparked legal challenges." / "…, making air quotes.": a verb phrase, not a speaker.
            if (p.Tokens[i].InQuote || (p.Tokens[i].Kind == TokenKind.Word && !p.IsCapitalised(i)
                && (p.CueAt(i, out _) || p.IsAuxiliary(i) || p.Word(i).EndsWith("ing", StringComparison.OrdinalIgnoreCase))))
            {
                return false;
            }
        }

        return false;
    }
}
