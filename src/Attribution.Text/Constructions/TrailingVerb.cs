namespace Attribution.Text.Constructions;

/// <summary>…, officials said Tuesday.  /  "…," she said, "…"  /  "…," the spokesman, Josh Earnest, said. — the attribution after what it reports.</summary>
internal sealed class TrailingVerb : VerbConstruction
{
    /// <inheritdoc/>
    public override string Name => "trailing-verb";

    /// <inheritdoc/>
    public override Match? Match(DocumentParser p, in VerbCue cue, int lo, Match? previous)
    {
        // The speaker right before the cue (its adverbs aside): a noun phrase, or one set off with appositives.
        var beforeCue = p.Cursor(p.SkipModifiersBack(cue.Start - 1, lo));
        var speaker = beforeCue.Position < lo ? null
            : beforeCue.IsWordOrNumber || beforeCue.IsPunct(')') ? p.NounPhraseBefore(beforeCue.Position, lo)
            : beforeCue.IsPunct(',') ? p.SpeakerBefore(cue.Start, lo) : null;
        if (speaker is not { } found)
        {
            return null;
        }

        // A comma, a closing quotation mark or a dash sets the attribution off from what it reports.
        var mark = p.Cursor(found.Start).Peek(-1);
        if (mark.Position < lo || !(mark.IsPunct(',') || mark.IsQuoteClose || mark.IsDash))
        {
            return null;
        }

        // Only adjuncts (and a listener) may follow the cue: "…, he told reporters on Tuesday."
        var contentEnd = mark.IsQuoteClose ? mark : mark.Peek(-1);
        var tail = p.SkipAdjuncts(cue.Index + 1);
        if (cue.Verb.TakesObject)
        {
            tail = p.SkipAdjuncts(p.SkipObject(tail));
        }

        // "Campaigning in 2012, he barely mentioned climate change.": an object after the verb makes it no
        // trailing attribution; the words before the comma are an opening phrase, not what was said. (After a
        // quotation, "…," he told the host, the listener is no object of that kind.)
        if (!contentEnd.IsQuoteClose && !cue.Verb.TakesObject && p.IsObjectAfterCue(tail))
        {
            return null;
        }

        if (p.ContentBefore(lo, contentEnd) is not { } reported || !p.IsTail(tail, contentEnd.IsQuoteClose, out var last, out var split))
        {
            return null;
        }

        List<TextSpan> parts = split is { } rest ? [reported, rest] : [reported];
        return new Match(p.KindOf(parts), parts, cue.Span, cue.Verb, p.TokenSpan(found.Start, found.End), last, -1);
    }
}
