using System.Collections.Frozen;

namespace Attribution.Text;

/// <summary>How an attribution verb colours what it reports (DESIGN.md: neutral, loaded, non-speech, mental).</summary>
public enum CueClass
{
    /// <summary>Plain reporting: said, told, added.</summary>
    Neutral,

    /// <summary>Verbs that editorialise: claimed, admitted, insisted.</summary>
    Loaded,

    /// <summary>Actions that are not speech: smiled, laughed, shrugged.</summary>
    NonSpeech,

    /// <summary>Thought and intention: believes, hopes, fears.</summary>
    Mental,

    /// <summary>A position or act rather than words: criticized, endorsed, called for.</summary>
    Stance,
}

/// <summary>One inflected form of an attribution verb.</summary>
/// <param name="Form">The surface form in lower case ("claimed").</param>
/// <param name="Lemma">The base form ("claim").</param>
/// <param name="Class">The neutrality class.</param>
/// <param name="Tense">Which inflection this form is.</param>
/// <param name="NeedsComplement">
/// True for verbs that only report speech when a clause follows them ("found that …", "believes that …"),
/// false for verbs that report speech on their own ("said", "told").
/// </param>
/// <param name="TakesObject">True when a listener may follow the verb before what was said ("told reporters …").</param>
public sealed record CueVerb(string Form, string Lemma, CueClass Class, VerbTense Tense, bool NeedsComplement, bool TakesObject)
{
    /// <summary>Particles that join the cue when they follow it ("called for", "pointed out").</summary>
    public IReadOnlyList<string> Particles { get; init; } = [];

    /// <summary>True when this form is also a common noun ("tweets", "attacks", "calls").</summary>
    public bool IsAlsoNoun { get; init; }
}

/// <summary>The inflection of a cue verb form.</summary>
public enum VerbTense
{
    /// <summary>Base form: say.</summary>
    Base,

    /// <summary>Third person present: says.</summary>
    Present,

    /// <summary>Past tense or participle: said.</summary>
    Past,

    /// <summary>Present participle: saying.</summary>
    Participle,
}

/// <summary>Grammatical gender a title or pronoun implies.</summary>
public enum Gender
{
    /// <summary>Not implied.</summary>
    Unknown,

    /// <summary>he, Mr.</summary>
    Male,

    /// <summary>she, Mrs.</summary>
    Female,

    /// <summary>they, it: not a person's gender.</summary>
    Neuter,
}

/// <summary>
/// The word lists the parser reads. They are data (YAML under <c>rules/lexicon/</c>), loaded once
/// by <c>Attribution.Analysis</c> and frozen here; lookups take spans and never allocate.
/// </summary>
public sealed class Lexicon
{
    /// <summary>Freezes the word lists of <paramref name="data"/> for fast lookups.</summary>
    public Lexicon(LexiconData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        CueVerbs = data.CueVerbs.GroupBy(v => v.Form, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        Titles = data.Titles.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Abbreviations = data.Abbreviations.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        SentenceStarters = data.SentenceStarters.ToFrozenSet(StringComparer.Ordinal);
        ClauseBoundaries = data.ClauseBoundaries.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        CueModifiers = data.CueModifiers.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        PassiveAuxiliaries = data.PassiveAuxiliaries.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        AdjunctPrepositions = data.AdjunctPrepositions.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        AdjunctHeads = data.AdjunctHeads.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Pronouns = data.Pronouns.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Determiners = data.Determiners.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Prepositions = data.Prepositions.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        ColonLabels = data.ColonLabels.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        FurnitureLines = data.FurnitureLines.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        PromoLabels = data.PromoLabels.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        FiniteAuxiliaries = data.FiniteAuxiliaries.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        FiniteAuxiliaryLookup = new(FiniteAuxiliaries);
        ColonLabelLookup = new(ColonLabels);
        CueLookup = new(CueVerbs);
        TitleLookup = new(Titles);
        AbbreviationLookup = new(Abbreviations);
        SentenceStarterLookup = new(SentenceStarters);
        ClauseBoundaryLookup = new(ClauseBoundaries);
        CueModifierLookup = new(CueModifiers);
        PassiveAuxiliaryLookup = new(PassiveAuxiliaries);
        AdjunctPrepositionLookup = new(AdjunctPrepositions);
        AdjunctHeadLookup = new(AdjunctHeads);
        PronounLookup = new(Pronouns);
        DeterminerLookup = new(Determiners);
        PrepositionLookup = new(Prepositions);
    }

    /// <summary>Attribution verb forms by surface form.</summary>
    public FrozenDictionary<string, CueVerb> CueVerbs { get; }

    /// <summary>Honorifics, ranks and titles ("Brig", "Sen", "Mr") with the gender they imply.</summary>
    public FrozenDictionary<string, Gender> Titles { get; }

    /// <summary>Abbreviations whose period does not end a sentence ("Gen", "U.S", "Dec").</summary>
    public FrozenSet<string> Abbreviations { get; }

    /// <summary>Capitalised words that begin a new sentence after an abbreviation that may end one ("U.S. The …").</summary>
    public FrozenSet<string> SentenceStarters { get; }

    /// <summary>Auxiliaries that make a cue passive ("was told", "is said"), which is not an attribution.</summary>
    public FrozenSet<string> PassiveAuxiliaries { get; }

    /// <summary>Words that start a clause, so a speaker phrase never reaches past them ("that", "because").</summary>
    public FrozenSet<string> ClauseBoundaries { get; }

    /// <summary>Adverbs and auxiliaries that may stand between a speaker and the cue ("also", "has").</summary>
    public FrozenSet<string> CueModifiers { get; }

    /// <summary>Prepositions that open an adjunct after a cue ("said on Tuesday", "in a statement").</summary>
    public FrozenSet<string> AdjunctPrepositions { get; }

    /// <summary>Heads that close such an adjunct ("Tuesday", "statement", "interview").</summary>
    public FrozenSet<string> AdjunctHeads { get; }

    /// <summary>Personal pronouns that can be speakers, with gender.</summary>
    public FrozenDictionary<string, Gender> Pronouns { get; }

    /// <summary>Determiners ("the", "a", "another").</summary>
    public FrozenSet<string> Determiners { get; }

    /// <summary>Prepositions, which never end a speaker phrase.</summary>
    public FrozenSet<string> Prepositions { get; }

    /// <summary>Labels that end in a colon without naming a speaker ("Update:", "Photo:").</summary>
    public FrozenSet<string> ColonLabels { get; }

    /// <summary>Auxiliaries and modals that mark a finite clause ("was", "would").</summary>
    public FrozenSet<string> FiniteAuxiliaries { get; }

    /// <summary>Whole paragraphs that are web page furniture ("Skip to main content", "Recommended Videos").</summary>
    public FrozenSet<string> FurnitureLines { get; }

    /// <summary>Labels before a colon that open a link to other content ("READ MORE", "WATCH").</summary>
    public FrozenSet<string> PromoLabels { get; }

    internal WordSet FiniteAuxiliaryLookup { get; }

    internal WordSet ColonLabelLookup { get; }

    internal WordMap<CueVerb> CueLookup { get; }

    /// <summary><see cref="Titles"/> looked up by a slice of the text, without making a string.</summary>
    public WordMap<Gender> TitleLookup { get; }

    internal WordSet AbbreviationLookup { get; }

    internal WordSet ClauseBoundaryLookup { get; }

    internal WordSet SentenceStarterLookup { get; }

    internal WordSet PassiveAuxiliaryLookup { get; }

    internal WordSet CueModifierLookup { get; }

    /// <summary><see cref="AdjunctPrepositions"/> looked up by a slice of the text.</summary>
    public WordSet AdjunctPrepositionLookup { get; }

    /// <summary><see cref="AdjunctHeads"/> looked up by a slice of the text.</summary>
    public WordSet AdjunctHeadLookup { get; }

    internal WordMap<Gender> PronounLookup { get; }

    internal WordSet DeterminerLookup { get; }

    internal WordSet PrepositionLookup { get; }

    /// <summary>Looks up a cue verb form without allocating.</summary>
    public bool TryGetCue(ReadOnlySpan<char> word, out CueVerb verb) => CueLookup.TryGetValue(word, out verb);
}

/// <summary>The raw word lists a <see cref="Lexicon"/> is built from (what the YAML files hold).</summary>
public sealed record LexiconData
{
    /// <summary>Attribution verb forms.</summary>
    public IReadOnlyList<CueVerb> CueVerbs { get; init; } = [];

    /// <summary>Honorifics and titles with implied gender.</summary>
    public IReadOnlyDictionary<string, Gender> Titles { get; init; } = new Dictionary<string, Gender>();

    /// <summary>Abbreviations (without the final period).</summary>
    public IReadOnlyList<string> Abbreviations { get; init; } = [];

    /// <summary>Words that begin sentences.</summary>
    public IReadOnlyList<string> SentenceStarters { get; init; } = [];

    /// <summary>Clause-opening words.</summary>
    public IReadOnlyList<string> ClauseBoundaries { get; init; } = [];

    /// <summary>Words allowed between speaker and cue.</summary>
    public IReadOnlyList<string> CueModifiers { get; init; } = [];

    /// <summary>Passive auxiliaries.</summary>
    public IReadOnlyList<string> PassiveAuxiliaries { get; init; } = [];

    /// <summary>Adjunct-opening prepositions.</summary>
    public IReadOnlyList<string> AdjunctPrepositions { get; init; } = [];

    /// <summary>Adjunct heads.</summary>
    public IReadOnlyList<string> AdjunctHeads { get; init; } = [];

    /// <summary>Personal pronouns with gender.</summary>
    public IReadOnlyDictionary<string, Gender> Pronouns { get; init; } = new Dictionary<string, Gender>();

    /// <summary>Determiners.</summary>
    public IReadOnlyList<string> Determiners { get; init; } = [];

    /// <summary>Prepositions.</summary>
    public IReadOnlyList<string> Prepositions { get; init; } = [];

    /// <summary>Labels that end in a colon without naming a speaker.</summary>
    public IReadOnlyList<string> ColonLabels { get; init; } = [];

    /// <summary>Auxiliaries and modals that mark a finite clause.</summary>
    public IReadOnlyList<string> FiniteAuxiliaries { get; init; } = [];

    /// <summary>Whole paragraphs that are web page furniture.</summary>
    public IReadOnlyList<string> FurnitureLines { get; init; } = [];

    /// <summary>Labels before a colon that open a link to other content.</summary>
    public IReadOnlyList<string> PromoLabels { get; init; } = [];
}
