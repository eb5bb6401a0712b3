using static Attribution.Text.WordLists;

namespace Attribution.Text.Constructions;

/// <summary>He is comparing the actions … and says Obama is flouting … — the second verb of a subject's two: the subject of the first speaks.</summary>
internal sealed class ConjoinedVerb : VerbConstruction
{
    /// <inheritdoc/>
    public override string Name => "conjoined-verb";

    /// <inheritdoc/>
    public override Match? Match(DocumentParser p, in VerbCue cue, int lo, Match? previous)
    {
        // The conjunction right before the cue (its adverbs aside), outside quotation marks.
        var conjunction = p.Cursor(p.SkipModifiersBack(cue.Start - 1, lo));
        if (conjunction.Position < 0 || !conjunction.IsAnyWord(Conjunctions) || conjunction.IsInQuote)
        {
            return null;
        }

        if (p.ContentAfter(cue.Index, cue.Verb, out var last) is not { } content)
        {
            return Text.Match.Declined;
        }

        // X said …, and adds … : the same speaker as the attribution before, else the subject of the sentence.
        if (previous is { Speaker: not null })
        {
            return new Match(p.KindOf([content]), [content], cue.Span, cue.Verb, previous.Speaker, last, p.QuoteCount - 1);
        }

        return p.LeadingNounPhrase(0, conjunction.Position) is { } subject
            ? new Match(p.KindOf([content]), [content], cue.Span, cue.Verb, p.TokenSpan(subject.Start, subject.End), last, -1)
            : Text.Match.Declined;
    }
}
