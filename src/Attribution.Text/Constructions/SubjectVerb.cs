using static Attribution.Text.WordLists;

namespace Attribution.Text.Constructions;

/// <summary>X said (that) …  /  X, who …, said …  /  He added: "…"  /  As the Times noted, … — the speaker before the verb, what was said after it.</summary>
internal sealed class SubjectVerb : VerbConstruction
{
    /// <inheritdoc/>
    public override string Name => "subject-verb";

    /// <inheritdoc/>
    public override Match? Match(DocumentParser p, in VerbCue cue, int lo, Match? previous)
    {
        // X said (that) …  /  X, who …, said …  /  He added: "…"
        if (p.SpeakerBefore(cue.Start, lo) is not { } speaker)
        {
            return null;
        }

        // "Mr. Grassley and Mr. Leahy say …": both sides speak.
        var agrees = p.BaseFormAgrees(cue.Verb, cue.Start, cue.Index, speaker);
        speaker = p.WithCoordinatedSpeaker(speaker, lo, !agrees);
        if (!agrees && !p.BaseFormAgrees(cue.Verb, cue.Start, cue.Index, speaker))
        {
            return null;
        }

        var verb = p.Cursor(cue.Index);
        var speakerSpan = p.TokenSpan(speaker.Start, speaker.End);
        var beforeSpeaker = p.Cursor(speaker.Start).Peek(-1);

        // As the Times noted, Clinton raised … : the content follows the comma.
        var comma = p.Cursor(p.SkipAdjuncts(verb.Position + 1));
        if (beforeSpeaker.Position >= lo && beforeSpeaker.IsWord("as") && comma.IsPunct(','))
        {
            var from = comma.Peek(1);
            var end = p.ContentEnd(from);
            if (end > comma && p.CountWords(from.Position, end.Position) >= 2)
            {
                var asContent = from.SpanTo(end);
                return new Match(p.KindOf([asContent]), [asContent], cue.Span, cue.Verb, speakerSpan, p.TrailingPunctuation(end).Position, -1);
            }
        }

        // "… a presence that officials described as a turning point": a relative clause whose object
        // is the noun before "that", not reported words.
        var afterVerb = verb.Peek(1);
        if (beforeSpeaker.Position >= 0 && beforeSpeaker.IsAnyWord(ObjectRelatives) && (p.IsPreposition(afterVerb.Position) || afterVerb.IsWord("as")))
        {
            return null;
        }

        // "Polls show a close race", "A 2014 study found 31 cases of …": a document reports with a bare clause or
        // object, where a person's "showed" or "found" needs "that".
        var reportVerb = cue.Verb.NeedsComplement && p.Lexicon.Words(DocumentReportLemmas).Contains(cue.Verb.Lemma) && p.HeadsWithDocument(speaker) ? cue.Verb with { NeedsComplement = false } : cue.Verb;
        var content = p.ContentAfter(verb.Position, reportVerb, out var lastToken);
        if (reportVerb != cue.Verb && content is { } bare && p.ContainsRegion(bare))
        {
            content = p.ContentAfter(verb.Position, cue.Verb, out lastToken); // "The ad shows the mayor asking, "…"": she speaks
        }

        if (content is { } reported)
        {
            // "The mayor did not say when the lanes would open." / "A spokesperson declined to comment.":
            // nothing was said.
            return SaysNothing(p, cue.Start, cue.Index, cue.Verb, reported) ? null
                : new Match(p.KindOf([reported]), [reported], cue.Span, cue.Verb, speakerSpan, lastToken, -1);
        }

        // He said: ¶ "…" — the quotation opens the next paragraph.
        if (p.EndsWithColonAfter(verb.Position) && p.NextParagraphQuote() is { } region)
        {
            return new Match(QuotationKind.Direct, [p.Regions[region].Span], cue.Span, cue.Verb, speakerSpan, p.Last.Position, -1);
        }

        return null;
    }

    // Negated speech with no words reported ("did not say when …", "would not say whether …") and a refusal
    // to speak ("declined to comment", "refused to comment further").
    private static bool SaysNothing(DocumentParser p, int cueStart, int c, CueVerb verb, TextSpan content)
    {
        var first = p.Cursor(p.IndexOfToken(content.Start));
        var second = first.Peek(1);
        if (p.Lexicon.Words(RefusalLemmas).Contains(verb.Lemma))
        {
            // "declined to comment", "refused to say whether …", "declined to be named": a verb of speaking
            // and at most a word or two, or a question word; not "refused to endorse Trump".
            if (!first.IsWord("to") || !(p.CueAt(second.Position, out _) || second.IsAnyWord(RefusalComplements)))
            {
                return false;
            }

            var last = first;
            while (last.HasNext && last.Peek(1).Span.End <= content.End)
            {
                last.Next();
            }

            var third = second.Peek(1);
            return p.CountWords(third.Position, last.Position) <= 2 || third.IsAnyWord(QuestionWords);
        }

        var negated = false;
        for (var k = p.Cursor(cueStart); k.Position < c && !negated; k.Next())
        {
            negated = k.IsAnyWord(Negations) || k.Word.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || k.Word.EndsWith("n\u2019t", StringComparison.OrdinalIgnoreCase);
        }

        return negated && (first.IsAnyWord(QuestionWords) || first.IsAnyWord(EmptyObjects));
    }
}
