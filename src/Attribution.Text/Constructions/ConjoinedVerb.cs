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
        var (c, cueStart, verb, span) = (cue.Index, cue.Start, cue.Verb, cue.Span);

        // He is comparing the actions … and says Obama is flouting … : the subject of the first verb.
        var conj = p.SkipModifiersBack(cueStart - 1, lo);
        if (conj >= 0 && p.IsAnyWord(conj, Conjunctions) && !p.Tokens[conj].InQuote)
        {
            if (p.ContentAfter(c, verb, out var conjLast) is not { } conjContent)
            {
                return Text.Match.Declined;
            }

            if (previous is { Speaker: not null })
            {
                return new Match(p.KindOf([conjContent]), [conjContent], span, verb, previous.Speaker, conjLast, p.QuoteCount - 1);
            }

            return p.LeadingNounPhrase(0, conj) is { } subject
                ? new Match(p.KindOf([conjContent]), [conjContent], span, verb, p.TokenSpan(subject.Start, subject.End), conjLast, -1)
                : Text.Match.Declined;
        }

        return null;
    }
}
