using static Attribution.Text.WordLists;

namespace Attribution.Text.Constructions;

/// <summary>
/// Mr. Sanders has been criticized for vague answers.  /  The bridge was described as unsafe by inspectors. — a
/// passive cue reports its subject and what follows the verb; the speaker is the agent after "by", and with no
/// agent the source is unknown: a claim the story does not attribute.
/// </summary>
internal sealed class PassiveVerb : VerbConstruction
{
    /// <inheritdoc/>
    public override string Name => "passive-verb";

    /// <inheritdoc/>
    public override bool ReadsPassive => true;

    /// <inheritdoc/>
    public override Match? Match(DocumentParser p, in VerbCue cue, int lo, Match? previous)
    {
        if (!p.Lexicon.Words(PassiveReportLemmas).Contains(cue.Verb.Lemma))
        {
            return null;
        }

        // The auxiliaries join the cue: "has been criticized", "was widely reported".
        var first = p.Cursor(cue.Start);
        while (first.Peek(-1).Position >= lo && first.Peek(-1).IsWordToken && !first.Peek(-1).IsInQuote
            && (first.Peek(-1).IsAnyWord(PassiveAuxiliaries) || first.Peek(-1).IsAnyWord(CueModifiers)))
        {
            first.Previous();
        }

        if (first.Position == cue.Start && !first.IsAnyWord(PassiveAuxiliaries))
        {
            return null;
        }

        // The subject: a noun phrase (with its appositives) right before the auxiliaries; "It was reported that …"
        // has none.
        if (p.SpeakerBefore(first.Position, lo) is not { } subject || !p.HasWord(subject.Start, subject.End) || p.IsAnyWord(subject.Start, "there"))
        {
            return null;
        }

        var expletive = subject.Start == subject.End && p.IsWord(subject.Start, "it");

        // The agent: "… by the Washington Post" ("by" joins the cue); a preposition right after the verb joins it too
        // ("was accused of").
        var verb = p.Cursor(cue.Index);
        var next = verb.Peek(1);
        var cueEnd = cue.Span.End;
        (int Start, int End)? agent = null;
        if (next.IsWord("by") && p.AgentAfter(next.Position + 1) is { } by)
        {
            agent = by;
            cueEnd = next.Span.End;
            next = p.Cursor(by.End).Peek(1);
        }
        else if (next.IsWordToken && !next.IsInQuote && next.Span.Start >= cueEnd && next.IsAnyWord(PassiveParticles) && next.Peek(1).IsWordOrNumber)
        {
            cueEnd = next.Span.End;
            next = next.Peek(1);
        }

        var parts = new List<TextSpan>();
        if (!expletive)
        {
            parts.Add(p.TokenSpan(subject.Start, subject.End));
        }

        var last = agent?.End ?? verb.Position;
        if (next.InRange && !next.IsTerminal && !next.IsPunct(',') && !next.IsPunct(';') && p.ContentEnd(next.Position) is var end && end >= next.Position
            && p.CountWords(next.Position, end) >= 1)
        {
            parts.Add(p.TokenSpan(next.Position, end));
            last = end;
        }

        // "The closure was expected." reports no claim of its own: a complement or an agent must follow.
        if (parts.Count == (expletive ? 0 : 1) && agent is null)
        {
            return null;
        }

        if (parts.Count == 0 || (expletive && !p.IsWord(next.Position, "that")))
        {
            return null;
        }

        var cueSpan = new TextSpan(first.Span.Start, cueEnd);
        return new Match(p.KindOf(parts), parts, cueSpan, cue.Verb, agent is { } a ? p.TokenSpan(a.Start, a.End) : null, p.TrailingPunctuation(last), -1);
    }
}
