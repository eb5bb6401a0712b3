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
/// The lexicon: cue verbs, titles, pronouns and every word list of <see cref="WordLists"/>. They are data (YAML under
/// <c>rules/lexicon/</c>), loaded once by <c>Attribution.Analysis</c> and frozen here; lookups take spans and never
/// allocate.
/// </summary>
public sealed class Lexicon
{
    private readonly IReadOnlyList<string>[] _entries;
    private readonly FrozenSet<string>[] _words;
    private readonly WordSet[] _lookups;

    /// <summary>Freezes the word lists of <paramref name="data"/> for fast lookups.</summary>
    public Lexicon(LexiconData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        CueVerbs = data.CueVerbs.GroupBy(v => v.Form, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        Titles = data.Titles.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Pronouns = data.Pronouns.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        var lists = WordLists.All;
        _entries = new IReadOnlyList<string>[lists.Count];
        _words = new FrozenSet<string>[lists.Count];
        _lookups = new WordSet[lists.Count];
        foreach (var list in lists)
        {
            var entries = data.Lists.TryGetValue(list, out var given) ? given : [];
            _entries[list.Index] = entries;
            _words[list.Index] = entries.ToFrozenSet(list.CaseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
            _lookups[list.Index] = new WordSet(_words[list.Index]);
        }

        CueLookup = new(CueVerbs);
        var nested = Words(WordLists.NestedSpeechLemmas);
        NestedSpeechForms = new WordSet(CueVerbs.Values.Where(v => nested.Contains(v.Lemma)).Select(v => v.Form).ToFrozenSet(StringComparer.OrdinalIgnoreCase));
        TitleLookup = new(Titles);
        PronounLookup = new(Pronouns);
    }

    /// <summary>Attribution verb forms by surface form.</summary>
    public FrozenDictionary<string, CueVerb> CueVerbs { get; }

    /// <summary>Honorifics, ranks and titles ("Brig", "Sen", "Mr") with the gender they imply.</summary>
    public FrozenDictionary<string, Gender> Titles { get; }

    /// <summary>Personal pronouns that can be speakers, with gender.</summary>
    public FrozenDictionary<string, Gender> Pronouns { get; }

    internal WordMap<CueVerb> CueLookup { get; }

    /// <summary>The forms of the verbs of <see cref="WordLists.NestedSpeechLemmas"/>: a filter before the cue look-up.</summary>
    internal WordSet NestedSpeechForms { get; }

    /// <summary><see cref="Titles"/> looked up by a slice of the text, without making a string.</summary>
    public WordMap<Gender> TitleLookup { get; }

    internal WordMap<Gender> PronounLookup { get; }

    /// <summary>The words of <paramref name="list"/>, as a set (case ignored unless the list says otherwise).</summary>
    public FrozenSet<string> Words(WordList list) => _words[list.Index];

    /// <summary>The words of <paramref name="list"/> looked up by a slice of the text, without making a string.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public WordSet Lookup(WordList list) => _lookups[list.Index];

    /// <summary>The entries of <paramref name="list"/> in the order the files give them (phrases matched in turn).</summary>
    public IReadOnlyList<string> Entries(WordList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return _entries[list.Index];
    }

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

    /// <summary>Personal pronouns with gender.</summary>
    public IReadOnlyDictionary<string, Gender> Pronouns { get; init; } = new Dictionary<string, Gender>();

    /// <summary>The entries of each word list; a list not given is empty.</summary>
    public IReadOnlyDictionary<WordList, IReadOnlyList<string>> Lists { get; init; } = new Dictionary<WordList, IReadOnlyList<string>>();
}
