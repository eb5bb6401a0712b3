using static Attribution.Text.WordLists;

namespace Attribution.Text.Constructions;

/// <summary>
/// Reid has gone after Trump as a "spoiled brat."  /  The council branded the fee "a tax by another name." — a
/// quotation inside a sentence with no verb of saying is the words of the sentence's subject when that subject is
/// someone who can speak: a name, a personal pronoun, or a description whose head is a person, an institution or a
/// document. The cue is the subject's verb, and what it reports runs from after the verb to the quotation's end
/// ("Trump as a "spoiled brat."").
/// </summary>
internal sealed class SubjectFrame : QuotationConstruction
{
    /// <inheritdoc/>
    public override string Name => "subject-frame";

    /// <inheritdoc/>
    public override bool ReportsFromCue => true;

    /// <inheritdoc/>
    public override (TextSpan Cue, TextSpan Speaker)? Match(DocumentParser p, QuoteRegion region)
    {
        var open = p.Cursor(p.IndexOfToken(region.Span.Start));
        if (open.Position < 2)
        {
            return null;
        }

        // "But Reid …": a conjunction before the subject stays out of it.
        var lo = p.Cursor(0).IsAnyWord(Conjunctions) ? 1 : 0;
        if (p.SpeakingSubject(lo, open.Position) is not { } subject)
        {
            return null;
        }

        // The verb: auxiliaries and adverbs, then one word, all before the quotation and in one clause with it; not a
        // noun that goes on the subject ("US firm", "Huggy Bear actor", "The TV couple's").
        var verb = p.Cursor(p.SkipModifiersForward(subject.End + 1));
        if (verb >= open || !verb.IsWordToken || verb.IsInQuote || verb.IsCapitalised || p.IsStopWord(verb.Position)
            || p.IsPreposition(verb.Position) || p.IsDeterminer(verb.Position) || verb.IsAnyWord(RelativePronouns)
            || p.IsSourceNoun(verb.Position) || verb.Word.EndsWith("'s", StringComparison.Ordinal) || verb.Word.EndsWith("\u2019s", StringComparison.Ordinal))
        {
            return null;
        }

        // It reads as a verb: a form in -ed or -s, a common irregular past, an auxiliary, a verb of the cues, or a word
        // after an auxiliary or adverb.
        var w = verb.Word;
        var verbLike = w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || (w.EndsWith("s", StringComparison.OrdinalIgnoreCase) && !w.EndsWith("ss", StringComparison.OrdinalIgnoreCase))
            || verb.IsAnyWord(IrregularPastVerbs) || p.IsAuxiliary(verb.Position) || p.CueAt(verb.Position, out _)
            || verb.Position > subject.End + 1; // after an auxiliary or an adverb: "will face", "openly admires"
        if (!verbLike || (w.EndsWith("s", StringComparison.OrdinalIgnoreCase) && p.IsSourceNoun(verb.Position)))
        {
            return null;
        }

        for (var k = verb.Peek(1); k < open; k.Next())
        {
            if (k.IsInQuote || k.IsTerminal || k.IsPunct(';') || k.IsPunct(':'))
            {
                return null;
            }
        }

        return (p.Cursor(subject.End + 1).SpanTo(verb), p.TokenSpan(subject.Start, subject.End));
    }
}
