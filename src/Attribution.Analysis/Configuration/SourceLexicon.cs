using System.Collections.Immutable;
using System.Collections.Frozen;
using Attribution.Text;

namespace Attribution.Analysis.Configuration;

/// <summary>The parser's lexicon and the binder's, loaded together from <c>rules/lexicon/</c>.</summary>
/// <param name="Parser">Cue verbs, titles and function words.</param>
/// <param name="Sources">Nouns and phrases the binder and the source facts read.</param>
public sealed record LexiconSet(Lexicon Parser, SourceLexicon Sources)
{
    /// <summary>What loading found wrong but not fatal (AT0001 warnings): duplicate entries, unknown lists.</summary>
    public ImmutableArray<LoadError> Warnings { get; init; } = [];
}

/// <summary>Word lists for binding mentions and computing source facts.</summary>
public sealed class SourceLexicon
{
    /// <summary>Freezes the lists.</summary>
    public SourceLexicon(
        IEnumerable<string> institutionNouns,
        IEnumerable<string> roleNouns,
        IEnumerable<string> spokespersonNouns,
        IEnumerable<string> documentNouns,
        IEnumerable<string> anonymousNouns,
        IEnumerable<string> anonymityGrants,
        IEnumerable<string> boilerplateReasons,
        IEnumerable<string> maleNames,
        IEnumerable<string> femaleNames)
    {
        InstitutionNouns = Freeze(institutionNouns);
        RoleNouns = Freeze(roleNouns);
        SpokespersonNouns = Freeze(spokespersonNouns);
        DocumentNouns = Freeze(documentNouns);
        AnonymousNouns = Freeze(anonymousNouns);
        var kinds = new Dictionary<string, NounKinds>(StringComparer.OrdinalIgnoreCase);
        foreach (var (list, kind) in new[]
        {
            (InstitutionNouns, NounKinds.Institution), (RoleNouns, NounKinds.Role), (SpokespersonNouns, NounKinds.Spokesperson),
            (AnonymousNouns, NounKinds.Anonymous),
        })
        {
            foreach (var word in list)
            {
                kinds[word] = kinds.GetValueOrDefault(word) | kind;
            }
        }

        _nounKinds = kinds.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        AnonymityGrants = [.. anonymityGrants.OrderByDescending(p => p.Length)];
        AnonymityGrantSearch = System.Buffers.SearchValues.Create(Anchors(AnonymityGrants), StringComparison.OrdinalIgnoreCase);
        AnonymityGrantPhraseSearch = System.Buffers.SearchValues.Create([.. AnonymityGrants], StringComparison.OrdinalIgnoreCase);
        BoilerplateReasons = [.. boilerplateReasons];
        var names = new Dictionary<string, Gender>(StringComparer.OrdinalIgnoreCase);
        foreach (var n in maleNames)
        {
            names[n] = Gender.Male;
        }

        foreach (var n in femaleNames)
        {
            names[n] = names.ContainsKey(n) ? Gender.Unknown : Gender.Female;
        }

        GivenNames = names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        GivenNameLookup = new(GivenNames);
        InstitutionNounLookup = new(InstitutionNouns);
    }

    /// <summary>Organisation head nouns.</summary>
    public FrozenSet<string> InstitutionNouns { get; }

    /// <summary>Office and role nouns.</summary>
    public FrozenSet<string> RoleNouns { get; }

    /// <summary>Spokesperson nouns.</summary>
    public FrozenSet<string> SpokespersonNouns { get; }

    /// <summary>Document nouns.</summary>
    public FrozenSet<string> DocumentNouns { get; }

    /// <summary>Nouns that withhold identity.</summary>
    public FrozenSet<string> AnonymousNouns { get; }

    // The four noun lists a mention's words are looked up in, as one look-up a word. (The document nouns stay
    // apart: one of them is beyond ASCII, which would make every look-up here hash the slower way.)
    private readonly FrozenDictionary<string, NounKinds> _nounKinds;

    /// <summary>Which of the institution, role, spokesperson and anonymous noun lists hold <paramref name="noun"/>.</summary>
    internal NounKinds KindsOf(string noun) => _nounKinds.TryGetValue(noun, out var kinds) ? kinds : NounKinds.None;

    /// <summary>Phrases granting anonymity, longest first.</summary>
    public IReadOnlyList<string> AnonymityGrants { get; }

    /// <summary>
    /// A few words of the grant phrases ("named", "anonymity", "authorized") that every phrase holds one of, for
    /// one pass over a story that finds the sentences worth checking for the phrases: a sentence with a phrase
    /// has its word. The phrases themselves start with words as common as "on", "not" and "was".
    /// </summary>
    public System.Buffers.SearchValues<string> AnonymityGrantSearch { get; }

    /// <summary>All grant phrases at once, to tell whether a sentence found by <see cref="AnonymityGrantSearch"/> holds one.</summary>
    public System.Buffers.SearchValues<string> AnonymityGrantPhraseSearch { get; }

    /// <summary>Boilerplate anonymity reasons.</summary>
    public IReadOnlyList<string> BoilerplateReasons { get; }

    /// <summary>Organisations, outlets, countries and capitals named by a single word ("Reuters", "China").</summary>
    public FrozenSet<string> OrganizationNames { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Family relations ("mother", "ex-wife").</summary>
    public FrozenSet<string> KinshipNouns { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Titles that are courtesies, not offices ("Mr", "Ms", "Umm"): they stay with a surname given alone.</summary>
    public FrozenSet<string> Honorifics { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Descriptors that say nothing of who the source is.</summary>
    public FrozenSet<string> VagueDescriptors { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Words of judgement or attack.</summary>
    public FrozenSet<string> OpinionWords { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Given names with gender.</summary>
    public FrozenDictionary<string, Gender> GivenNames { get; }

    /// <summary><see cref="GivenNames"/> looked up by a slice of the story, without making a string.</summary>
    internal WordMap<Gender> GivenNameLookup { get; }

    /// <summary><see cref="InstitutionNouns"/> looked up by a slice of the story.</summary>
    internal WordSet InstitutionNounLookup { get; }

    private static FrozenSet<string> Freeze(IEnumerable<string> words) => words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Few words such that every phrase holds one: of each phrase's words of five letters or more (all of them
    // when it has none that long), the word most phrases left hold is taken first, the longer on a tie. "named"
    // serves six phrases, "anonymity" five: nine words for the bundled 23 phrases, where the longest word of
    // each took 14, among them "without" and "declined", common enough to stop the search in many stories
    // for nothing.
    internal static string[] Anchors(IReadOnlyList<string> phrases)
    {
        var left = phrases.Distinct(StringComparer.OrdinalIgnoreCase).Select(Words).ToList();
        var anchors = new List<string>();
        while (left.Count > 0)
        {
            var best = left
                .SelectMany(words => words.Where(w => w.Length >= Math.Min(5, words.Max(x => x.Length))))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(w => (Word: w, Holds: left.Count(words => words.Contains(w, StringComparer.OrdinalIgnoreCase))))
                .OrderByDescending(c => c.Holds).ThenByDescending(c => c.Word.Length).ThenBy(c => c.Word, StringComparer.OrdinalIgnoreCase)
                .First().Word;
            anchors.Add(best);
            left.RemoveAll(words => words.Contains(best, StringComparer.OrdinalIgnoreCase));
        }

        return [.. anchors];

        static string[] Words(string phrase) => phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } words ? words : [phrase];
    }
}

/// <summary>The noun lists of <see cref="SourceLexicon"/> a word is in.</summary>
[Flags]
internal enum NounKinds : byte
{
    /// <summary>In none.</summary>
    None = 0,

    /// <summary><see cref="SourceLexicon.InstitutionNouns"/>.</summary>
    Institution = 1,

    /// <summary><see cref="SourceLexicon.RoleNouns"/>.</summary>
    Role = 2,

    /// <summary><see cref="SourceLexicon.SpokespersonNouns"/>.</summary>
    Spokesperson = 4,

    /// <summary><see cref="SourceLexicon.AnonymousNouns"/>.</summary>
    Anonymous = 8,
}
