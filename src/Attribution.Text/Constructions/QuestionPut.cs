namespace Attribution.Text.Constructions;

/// <summary>
/// Asked whether he would run, Smith said … / When asked about the budget, she … — a participle of questioning
/// that opens the sentence puts a question; the question is what was asked, by someone the text does not name.
/// </summary>
internal sealed class QuestionPut : VerbConstruction
{
    /// <inheritdoc/>
    public override string Name => "question-put";

    /// <inheritdoc/>
    public override Match? Match(DocumentParser p, in VerbCue cue, int lo, Match? previous)
    {
        var verb = p.Cursor(cue.Index);
        var opens = cue.Start == lo || (cue.Start == lo + 1 && p.Cursor(lo).IsAnyWord(WordLists.SubordinateOpeners));
        if (!opens || cue.Verb.Tense != VerbTense.Past || cue.Progressive || !p.Lexicon.Words(WordLists.QuestionLemmas).Contains(cue.Verb.Lemma))
        {
            return null;
        }

        // "Asked later", "Asked on Monday whether …": adverbs and a day before the question.
        var from = p.Cursor(p.SkipAdjuncts(verb.Position + 1));
        if (from.IsWordToken && p.IsPreposition(from.Position) && from.Peek(1).IsWordToken && p.IsTimeWord(from.Peek(1).Position))
        {
            from = from.Peek(2);
        }

        // "Asked about his speeches": the particle is the cue's, and what follows it is the question.
        var particle = verb.IsWord("about") || verb.IsWord("on");
        if (!from.IsWordToken || from.IsInQuote || !(particle || from.IsAnyWord(WordLists.QuestionWords) || from.IsWord("about") || from.IsWord("to") || from.IsWord("on")))
        {
            return null;
        }

        // The question runs to the comma before the clause that answers it.
        var comma = from.Peek(1);
        while (comma.InRange && !comma.IsTerminal && !(comma.IsPunct(',') && !comma.IsInQuote))
        {
            comma.Next();
        }

        if (!comma.InRange || !comma.IsPunct(',') || !comma.HasNext || !comma.Peek(1).IsWordOrNumber)
        {
            return null;
        }

        var content = from.SpanTo(comma.Peek(-1));
        return new Match(p.KindOf([content]), [content], cue.Span, cue.Verb, null, comma.Position, -1);
    }
}
