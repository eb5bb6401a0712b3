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
        var start = p.Cursor(lo);
        var last = p.Last;
        while (last >= start && last.Token.Kind == TokenKind.Punctuation)
        {
            last.Previous();
        }

        // Every trailing attribution is set off by a comma, a parenthesis or a dash: most sentences are
        // out after this scan of punctuation alone.
        var window = last.Peek(-(DocumentParser.MaxSpeakerWords + DocumentParser.MaxTailWords));
        if (window < start)
        {
            window = start;
        }

        if (!AnySetOffMark(window, last))
        {
            return null;
        }

        // The last cue of the window, outside quotations.
        var found = last;
        while (found >= window && !(found.IsWordToken && !found.IsInQuote && (p.IsAccordingTo(found.Position) || p.CueAt(found.Position, out _))))
        {
            found.Previous();
        }

        // "While Sanders has maintained that …, Clinton has …": the comma closes a subordinate clause.
        if (found < window || found <= start || !IsTrailingShape(p, found, last) || start.IsAnyWord(SubordinateOpeners))
        {
            return null;
        }

        // The earlier cue must report indirectly ("had told police that …"): one followed by a colon, a
        // comma or a quotation ("Obama said: "…" … ," Obama said.") closes its own attribution.
        var earlierCue = false;
        for (var k = start; k < found && !earlierCue; k.Next())
        {
            earlierCue = k.IsWordToken && !k.IsInQuote && !k.IsCapitalised && p.CueAt(k.Position, out _)
                && k.Peek(1) < found && k.Peek(1).IsWordToken;
        }

        if (!earlierCue)
        {
            return null;
        }

        var m = p.IsAccordingTo(found.Position) ? AccordingTo.MatchAt(p, found.Position, lo)
            : p.CueAt(found.Position, out var verb) && !found.IsCapitalised ? SpeechVerb.MatchCue(p, found.Position, verb, lo, previous) : null;

        // Only a match that reports the whole sentence before it, up to the end, is the outer one; and
        // "…, given his previous comments." is a noun after a possessive, not a speaker and a verb.
        return m is { Cue: { } cue, Speaker: { } speaker } && m.Content.Count == 1 && m.Content[0].Start == start.Span.Start
            && m.Content[0].End <= cue.Start && m.LastToken >= last.Position && !p.StartsWithPossessive(speaker) ? m : null;
    }

    // A comma, an opening parenthesis or a dash among the tokens from..to (all of them in the unit).
    private static bool AnySetOffMark(TokenCursor from, TokenCursor to)
    {
        for (var k = from; k <= to; k.Next())
        {
            if (k.IsPunct(',') || k.IsPunct('(') || k.IsDash)
            {
                return true;
            }
        }

        return false;
    }

    // "…, according to X." / "…, said X." / "…, the source added Tuesday." — and not "…, Clinton has
    // nevertheless called his vote a mistake." (a clause of its own) or "…, legal challenges." (a noun).
    private static bool IsTrailingShape(DocumentParser p, TokenCursor cue, TokenCursor last)
    {
        if (p.IsAccordingTo(cue.Position) || cue.Peek(-1).IsPunct(','))
        {
            // "…," said Jones. — a quotation just before belongs to the trailing cue alone.
            return !cue.Peek(-2).IsQuoteClose;
        }

        if (!p.CueAt(cue.Position, out var verb))
        {
            return false;
        }

        // Only adjuncts (and a listener) may follow: "…, he told reporters on Tuesday." — not "…, Teck
        // wants the gap narrowed.", whose verb opens a clause of its own.
        var next = cue.Peek(1);
        foreach (var particle in verb.Particles)
        {
            if (next.IsWord(particle))
            {
                next = cue.Peek(2); // "…, the union called for." — the particle is part of the cue
                break;
            }
        }

        var tail = p.SkipAdjuncts(next.Position);
        if (verb.TakesObject)
        {
            tail = p.SkipAdjuncts(p.SkipObject(tail));
        }

        if (tail <= last.Position)
        {
            return false;
        }

        var before = cue.Peek(-1);
        while (before.Position > 0 && p.Lexicon.Lookup(WordLists.CueModifiers).Contains(before.Word))
        {
            before.Previous();
        }

        // A cue that is also a noun needs a subject that cannot be its adjective: a name or a pronoun.
        if (verb.IsAlsoNoun && !before.IsCapitalised && !p.Lexicon.PronounLookup.ContainsKey(before.Word))
        {
            return false;
        }

        // Back to the comma or dash that sets the speaker off, within a speaker's length.
        for (var k = before; k.Position >= 0 && before - k <= DocumentParser.MaxSpeakerWords; k.Previous())
        {
            // DuVernay said she felt … because "most people don’t know," she said. — the quotation is the
            // trailing cue's content, and the attribution before it stands on its own.
            if (k.IsQuoteClose || k.Peek(-1).IsQuoteClose)
            {
                return false;
            }

            if (k.IsPunct(',') || k.IsDash)
            {
                return k < before;
            }

            // "…, have sparked legal challenges." / "…, making air quotes.": a verb phrase, not a speaker.
            if (k.IsInQuote || (k.IsWordToken && !k.IsCapitalised
                && (p.CueAt(k.Position, out _) || p.IsAuxiliary(k.Position) || k.Word.EndsWith("ing", StringComparison.OrdinalIgnoreCase))))
            {
                return false;
            }
        }

        return false;
    }
}
