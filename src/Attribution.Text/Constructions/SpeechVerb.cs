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
    public override IEnumerable<string> Anchors(Lexicon lexicon) => [];

    /// <inheritdoc/>
    public override bool AnchorsOnCueVerbs => true;

    /// <inheritdoc/>
    public override Match? Match(DocumentParser p, int at, int lo, Match? previous) =>
        p.CueAt(at, out var verb) && (!p.IsCapitalised(at) || at == 0 || p.IsHeadline()) ? MatchCue(p, at, verb, lo, previous) : null;

    /// <summary>
    /// The match around the speech verb <paramref name="verb"/> at token <paramref name="c"/>: its cue (auxiliaries,
    /// adverbs, a particle, a colon), then the first of <see cref="Registry.VerbShapes"/> that fits.
    /// </summary>
    public static Match? MatchCue(DocumentParser p, int c, CueVerb verb, int lo, Match? previous)
    {
        var at = p.Cursor(c);
        var next = at.Peek(1);

        // "was said" is passive (PassiveVerb reads it); "was saying" is a progressive. "…, which advocates
        // say …": a cue word right before a base or past cue verb is that verb's subject, a noun (but
        // "announced plans", "cited reports": there the second word is the noun).
        var passive = verb.Tense != VerbTense.Participle && p.IsPassive(c, lo);
        if (p.IsInfinitive(c, lo) || p.ReadsAsNoun(c, verb)
            || (p.CueAt(next.Position, out var following) && following.Tense is VerbTense.Base or VerbTense.Past && !following.IsAlsoNoun && !next.IsCapitalised)
            || IsOtherSense(p, at, verb, lo))
        {
            return null;
        }

        // "has also said", "would later say": auxiliaries and adverbs next to the verb belong to the cue.
        // Before an -ing form a form of "be" makes a progressive ("is calling", "has been saying"): a
        // finite verb, not a participle.
        var first = at;
        var progressive = false;
        var contraction = -1;
        while (first.Peek(-1).Position >= lo && first.Peek(-1).IsWordToken && !first.Peek(-1).IsInQuote && !first.Peek(-1).IsAnyWord(CueStoppers))
        {
            var word = first.Peek(-1);
            if (p.IsRaisedInfinitive(first.Position, lo))
            {
                first.Previous(); // "appeared to suggest": the raising verb and "to" join the cue
                first.Previous();
                continue;
            }

            if (verb.Tense == VerbTense.Participle && word.IsAnyWord(FormsOfBe))
            {
                progressive = true;
            }
            else if (p.ContractedAuxiliary(word.Position) is var apostrophe and >= 0)
            {
                // "he’s claiming", "they’ve suggested": the contracted auxiliary belongs to the cue and the
                // pronoun stays the speaker; before an -ing form it makes a progressive.
                contraction = apostrophe;
                progressive |= verb.Tense == VerbTense.Participle && !p.Text.AsSpan(apostrophe + 1, word.Span.End - apostrophe - 1).Equals("ve", StringComparison.OrdinalIgnoreCase);
                break;
            }
            else if ((!word.IsAnyWord(CueModifiers) && !p.IsMannerAdverb(word.Position)) || p.IsNameInside(word.Position, lo))
            {
                // Manner adverbs join the cue as the lexicon's modifiers do ("sharply criticized"); a capitalised
                // word inside the sentence is a name, not a modal ("Ms. May said", "Will Smith said").
                break;
            }

            first.Previous();
        }

        // called for / pointed out / warned of: the particle belongs to the cue.
        var last = at;
        if (verb.Particles.Count > 0 && next.IsWordToken && !next.IsInQuote)
        {
            foreach (var particle in verb.Particles)
            {
                if (next.Word.Equals(particle, StringComparison.OrdinalIgnoreCase))
                {
                    last = next;
                    break;
                }
            }
        }

        // "expressed concern about …", "voiced his doubts that …", "expressed deep concern": the attitude noun (past one
        // adjective), and a preposition after it,
        // belong to the cue; what follows is what was said, with or without "that".
        if (last == at && p.Lexicon.Words(AttitudeLemmas).Contains(verb.Lemma))
        {
            var noun = next.IsAnyWord(Possessives) ? next.Peek(1) : next;
            if (noun.IsWordToken && !noun.IsInQuote && !noun.IsAnyWord(AttitudeNouns) && !noun.IsCapitalised && noun.Peek(1).IsAnyWord(AttitudeNouns)
                && !p.IsPreposition(noun.Position) && !p.IsStopWord(noun.Position))
            {
                noun = noun.Peek(1); // "expressed deep concern about", "voiced serious doubts"
            }

            if (noun.IsWordToken && !noun.IsInQuote && noun.IsAnyWord(AttitudeNouns))
            {
                last = noun;
                verb = verb with { NeedsComplement = false };
                if (noun.Peek(1).IsWordToken && p.IsPreposition(noun.Peek(1).Position) && !noun.Peek(1).IsWord("to"))
                {
                    last = noun.Peek(1);
                }
            }
        }

        // He added: "…" — the colon belongs to the cue.
        var colon = last.Peek(1);
        if (colon.IsPunct(':') && colon.Span.Start == last.Span.End)
        {
            last = colon;
        }

        var cue = new TextSpan(contraction >= 0 ? contraction : first.Span.Start, last.Span.End);

        // The shapes read on from the particle ("called for"), not from a colon.
        var verbEnd = last == at || (last.IsPunct(':') && last == next) ? at : last;
        var found = new VerbCue(verbEnd.Position, first.Position, verb, cue, progressive, passive);
        foreach (var shape in Registry.VerbShapes)
        {
            if (shape.ReadsPassive == passive && shape.Match(p, found, lo, previous) is { } m)
            {
                return Text.Match.OrNull(m);
            }
        }

        return null;
    }

    // A cue word in a sense that reports no speech:
    //   a campaign called "Safer Streets Now" / a group called Parents First — naming;
    //   the index added 0.4 per cent / Matthews added another goal — a figure or a tally;
    //   Jana Whitford writes about city hall — a byline's bio;
    //   she called into a radio program — a telephone call;
    //   $98,000, compared with $93,000 — a comparison.
    private static bool IsOtherSense(DocumentParser p, TokenCursor verbAt, CueVerb verb, int lo)
    {
        var next = verbAt.Peek(1);
        if (verb.Lemma == "call" && next.InRange && (next.IsQuoteOpen || (next.IsCapitalised && !next.IsAnyWord(ClauseSubjects))))
        {
            // "a campaign called", "an app called": an indefinite noun phrase right before the verb.
            for (var k = verbAt.Peek(-1); k.Position >= lo && verbAt - k <= 3 && k.IsWordToken && !k.IsCapitalised; k.Previous())
            {
                if (k.IsAnyWord(IndefiniteArticles))
                {
                    return true;
                }
            }
        }

        // "she called into a radio program", "called in to the town hall": a telephone call.
        if (verb.Lemma == "call" && next.InRange && (next.IsWord("into") || (next.IsWord("in") && next.Peek(1).IsWord("to"))))
        {
            return true;
        }

        if (verb.Lemma == "add" && next.InRange && (next.Token.Kind == TokenKind.Number || next.IsWord("another")))
        {
            return true;
        }

        // "earned $98,000, compared with $93,000", "as compared to last year": a comparison of figures.
        var before = verbAt.Peek(-1);
        if (verb.Lemma == "compare" && verb.Tense == VerbTense.Past && (next.IsWord("with") || next.IsWord("to"))
            && (before.Position < lo || before.IsPunct(',') || before.IsWord("as") || before.IsPunct('(')))
        {
            return true;
        }

        return verb.Lemma == "write" && verb.Tense == VerbTense.Present && next.IsAnyWord(BylineLinks);
    }
}
