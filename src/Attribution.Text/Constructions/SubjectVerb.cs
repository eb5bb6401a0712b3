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
        var (c, cueStart, verb, span) = (cue.Index, cue.Start, cue.Verb, cue.Span);

        // X said (that) …  /  X, who …, said …  /  He added: "…"
        if (p.SpeakerBefore(cueStart, lo) is not { } speaker || !p.BaseFormAgrees(verb, cueStart, c, speaker))
        {
            return null;
        }

        // As the Times noted, Clinton raised … : the content follows the comma.
        var afterCue = p.SkipAdjuncts(c + 1);
        if (speaker.Start - 1 >= lo && p.IsAnyWord(speaker.Start - 1, "as") && afterCue < p.N && p.IsPunct(afterCue, ','))
        {
            var end = p.ContentEnd(afterCue + 1);
            if (end > afterCue && p.CountWords(afterCue + 1, end) >= 2)
            {
                var asContent = p.TokenSpan(afterCue + 1, end);
                return new Match(p.KindOf([asContent]), [asContent], span, verb, p.TokenSpan(speaker.Start, speaker.End), p.TrailingPunctuation(end), -1);
            }
        }

        // "… a presence that officials described as a turning point": a relative clause whose object
        // is the noun before "that", not reported words.
        if (speaker.Start - 1 >= 0 && p.IsAnyWord(speaker.Start - 1, ObjectRelatives) && (p.IsPreposition(c + 1) || p.IsAnyWord(c + 1, "as")))
        {
            return null;
        }

        if (p.ContentAfter(c, verb, out var lastToken) is { } content)
        {
            // "The mayor did not say when the lanes would open." / "A spokesperson declined to comment.":
            // nothing was said.
            return SaysNothing(p, cueStart, c, verb, content) ? null
                : new Match(p.KindOf([content]), [content], span, verb, p.TokenSpan(speaker.Start, speaker.End), lastToken, -1);
        }

        // He said: ¶ "…" — the quotation opens the next paragraph.
        if (p.EndsWithColonAfter(c) && p.NextParagraphQuote() is { } region)
        {
            return new Match(QuotationKind.Direct, [p.Regions[region].Span], span, verb, p.TokenSpan(speaker.Start, speaker.End), p.N - 1, -1);
        }

        return null;
    }

    // Negated speech with no words reported ("did not say when …", "would not say whether …") and a refusal
    // to speak ("declined to comment", "refused to comment further").
    private static bool SaysNothing(DocumentParser p, int cueStart, int c, CueVerb verb, TextSpan content)
    {
        var first = p.IndexOfToken(content.Start);
        if (p.Lexicon.Words(RefusalLemmas).Contains(verb.Lemma))
        {
            // "declined to comment", "refused to say whether …", "declined to be named": a verb of speaking
            // and at most a word or two, or a question word; not "refused to endorse Trump".
            if (!p.IsWord(first, "to") || !(p.CueAt(first + 1, out _) || p.IsAnyWord(first + 1, RefusalComplements)))
            {
                return false;
            }

            var last = first;
            while (last + 1 < p.N && p.Tokens[last + 1].End <= content.End)
            {
                last++;
            }

            return p.CountWords(first + 2, last) <= 2 || p.IsAnyWord(first + 2, QuestionWords);
        }

        var negated = false;
        for (var k = cueStart; k < c && !negated; k++)
        {
            negated = p.IsAnyWord(k, Negations) || p.Word(k).EndsWith("n't", StringComparison.OrdinalIgnoreCase) || p.Word(k).EndsWith("n\u2019t", StringComparison.OrdinalIgnoreCase);
        }

        return negated && (p.IsAnyWord(first, QuestionWords) || p.IsAnyWord(first, EmptyObjects));
    }
}
