using static Attribution.Text.WordLists;

namespace Attribution.Text.Constructions;

/// <summary>
/// A verb of the lexicon's cues ("said", "told", "claimed"): finds the cue around it and hands it to the verb shapes
/// (<see cref="VerbConstruction"/>) in the order <see cref="Registry.VerbShapes"/> lists them.
/// </summary>
internal sealed class SpeechVerb : WordConstruction
{
    /// <inheritdoc/>
    public override string Name => "speech-verb";

    /// <inheritdoc/>
    public override IEnumerable<string> Triggers(Lexicon lexicon) => lexicon.CueVerbs.Keys;

    /// <inheritdoc/>
    public override IEnumerable<string> Anchors(Lexicon lexicon) => lexicon.CueVerbs.Keys;

    /// <inheritdoc/>
    public override Match? Match(DocumentParser p, int at, int lo, Match? previous) =>
        p.CueAt(at, out var verb) && (!p.IsCapitalised(at) || at == 0 || p.IsHeadline()) ? MatchCue(p, at, verb, lo, previous) : null;

    /// <summary>
    /// The match around the speech verb <paramref name="verb"/> at token <paramref name="c"/>: its cue (auxiliaries,
    /// adverbs, a particle, a colon), then the first of <see cref="Registry.VerbShapes"/> that fits.
    /// </summary>
    public static Match? MatchCue(DocumentParser p, int c, CueVerb verb, int lo, Match? previous)
    {
        // "was said" is passive; "was saying" is a progressive and is matched below. "…, which advocates
        // say …": a cue word right before a base or past cue verb is that verb's subject, a noun (but
        // "announced plans", "cited reports": there the second word is the noun).
        if ((verb.Tense != VerbTense.Participle && p.IsPassive(c, lo)) || p.IsInfinitive(c, lo) || p.ReadsAsNoun(c, verb)
            || (p.CueAt(c + 1, out var following) && following.Tense is VerbTense.Base or VerbTense.Past && !following.IsAlsoNoun && !p.IsCapitalised(c + 1))
            || IsOtherSense(p, c, verb, lo))
        {
            return null;
        }

        // "has also said", "would later say": auxiliaries and adverbs next to the verb belong to the cue.
        // Before an -ing form a form of "be" makes a progressive ("is calling", "has been saying"): a
        // finite verb, not a participle.
        var cueStart = c;
        var progressive = false;
        var contraction = -1;
        while (cueStart - 1 >= lo && p.Tokens[cueStart - 1].Kind == TokenKind.Word && !p.Tokens[cueStart - 1].InQuote
            && !p.IsAnyWord(cueStart - 1, CueStoppers))
        {
            if (verb.Tense == VerbTense.Participle && p.IsAnyWord(cueStart - 1, FormsOfBe))
            {
                progressive = true;
            }
            else if (p.ContractedAuxiliary(cueStart - 1) is var apostrophe and >= 0)
            {
                // "he’s claiming", "they’ve suggested": the contracted auxiliary belongs to the cue and the
                // pronoun stays the speaker; before an -ing form it makes a progressive.
                contraction = apostrophe;
                progressive |= verb.Tense == VerbTense.Participle && !p.Text.AsSpan(apostrophe + 1, p.Tokens[cueStart - 1].End - apostrophe - 1).Equals("ve", StringComparison.OrdinalIgnoreCase);
                break;
            }
            else if ((!p.Lexicon.Lookup(WordLists.CueModifiers).Contains(p.Word(cueStart - 1)) && !p.IsMannerAdverb(cueStart - 1))
                || p.IsNameInside(cueStart - 1, lo))
            {
                // Manner adverbs join the cue as the lexicon's modifiers do ("sharply criticized"); a capitalised
                // word inside the sentence is a name, not a modal ("Ms. May said", "Will Smith said").
                break;
            }

            cueStart--;
        }

        var cueEnd = c;

        // called for / pointed out / warned of: the particle belongs to the cue.
        if (verb.Particles.Count > 0 && c + 1 < p.N && p.Tokens[c + 1].Kind == TokenKind.Word && !p.Tokens[c + 1].InQuote)
        {
            foreach (var particle in verb.Particles)
            {
                if (p.Word(c + 1).Equals(particle, StringComparison.OrdinalIgnoreCase))
                {
                    cueEnd = c + 1;
                    break;
                }
            }
        }

        // He added: "…" — the colon belongs to the cue.
        if (cueEnd + 1 < p.N && p.IsPunct(cueEnd + 1, ':') && p.Tokens[cueEnd + 1].Start == p.Tokens[cueEnd].End)
        {
            cueEnd++;
        }

        var cue = new TextSpan(contraction >= 0 ? contraction : p.Tokens[cueStart].Start, p.Tokens[cueEnd].End);
        c = cueEnd == c || p.IsPunct(cueEnd, ':') && cueEnd == c + 1 ? c : cueEnd;

        var found = new VerbCue(c, cueStart, verb, cue, progressive);
        foreach (var shape in Registry.VerbShapes)
        {
            if (shape.Match(p, found, lo, previous) is { } m)
            {
                return Text.Match.OrNull(m);
            }
        }

        return null;
    }

    // A cue word in a sense that reports no speech:
    //   a campaign called "Safer Streets Now" / a group called Parents First — naming;
    //   the index added 0.4 per cent / Matthews added another goal — a figure or a tally;
    //   Jana Whitford writes about city hall — a byline's bio.
    private static bool IsOtherSense(DocumentParser p, int c, CueVerb verb, int lo)
    {
        if (verb.Lemma == "call" && c + 1 < p.N && (p.Tokens[c + 1].Kind == TokenKind.QuoteOpen || (p.IsCapitalised(c + 1) && !p.IsAnyWord(c + 1, ClauseSubjects))))
        {
            // "a campaign called", "an app called": an indefinite noun phrase right before the verb.
            for (var k = c - 1; k >= lo && k >= c - 3 && p.Tokens[k].Kind == TokenKind.Word && !p.IsCapitalised(k); k--)
            {
                if (p.IsAnyWord(k, IndefiniteArticles))
                {
                    return true;
                }
            }
        }

        if (verb.Lemma == "add" && c + 1 < p.N && (p.Tokens[c + 1].Kind == TokenKind.Number || p.IsWord(c + 1, "another")))
        {
            return true;
        }

        return verb.Lemma == "write" && verb.Tense == VerbTense.Present && p.IsAnyWord(c + 1, BylineLinks);
    }
}
