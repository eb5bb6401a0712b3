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

/// <summary>
/// What the binder and the source facts read of the lexicon: its word lists (<see cref="Words"/>, declared in
/// <see cref="WordLists"/>) and what is built from them once: which noun lists a word is in, the anonymity phrases
/// longest first with the searches that find them, and given names with their gender.
/// </summary>
public sealed class SourceLexicon
{
    private readonly Lexicon _lexicon;

    /// <summary>Builds what the binder reads from <paramref name="lexicon"/>'s lists.</summary>
    public SourceLexicon(Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
        var kinds = new Dictionary<string, NounKinds>(StringComparer.OrdinalIgnoreCase);
        foreach (var (list, kind) in new[]
        {
            (WordLists.InstitutionNouns, NounKinds.Institution), (WordLists.RoleNouns, NounKinds.Role), (WordLists.SpokespersonNouns, NounKinds.Spokesperson),
            (WordLists.AnonymousNouns, NounKinds.Anonymous),
        })
        {
            foreach (var word in Words(list))
            {
                kinds[word] = kinds.GetValueOrDefault(word) | kind;
            }
        }

        _nounKinds = kinds.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        AnonymityGrants = [.. lexicon.Entries(WordLists.AnonymityGrants).OrderByDescending(p => p.Length)];
        AnonymityGrantSearch = System.Buffers.SearchValues.Create(Anchors(AnonymityGrants), StringComparison.OrdinalIgnoreCase);
        AnonymityGrantPhraseSearch = System.Buffers.SearchValues.Create([.. AnonymityGrants], StringComparison.OrdinalIgnoreCase);
        var names = new Dictionary<string, Gender>(StringComparer.OrdinalIgnoreCase);
        foreach (var n in lexicon.Entries(WordLists.MaleNames))
        {
            names[n] = Gender.Male;
        }

        foreach (var n in lexicon.Entries(WordLists.FemaleNames))
        {
            names[n] = names.ContainsKey(n) ? Gender.Unknown : Gender.Female;
        }

        GivenNames = names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        GivenNameLookup = new(GivenNames);
        OneWordOrganizations = Words(WordLists.OrganizationNames).Concat(Words(WordLists.OrganizationHeads)).Concat(Words(WordLists.CountryNames))
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The words of <paramref name="list"/>.</summary>
    public FrozenSet<string> Words(WordList list) => _lexicon.Words(list);

    /// <summary>The words of <paramref name="list"/> looked up by a slice of the story.</summary>
    public WordSet Lookup(WordList list) => _lexicon.Lookup(list);

    /// <summary>The entries of <paramref name="list"/> in file order.</summary>
    public IReadOnlyList<string> Entries(WordList list) => _lexicon.Entries(list);

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

    /// <summary>Organisations, outlets, countries and capitals named by a single word ("Reuters", "China"), and the words that end an organisation's name.</summary>
    public FrozenSet<string> OneWordOrganizations { get; }

    /// <summary>Given names with gender.</summary>
    public FrozenDictionary<string, Gender> GivenNames { get; }

    /// <summary><see cref="GivenNames"/> looked up by a slice of the story, without making a string.</summary>
    internal WordMap<Gender> GivenNameLookup { get; }

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

    /// <summary><see cref="WordLists.InstitutionNouns"/>.</summary>
    Institution = 1,

    /// <summary><see cref="WordLists.RoleNouns"/>.</summary>
    Role = 2,

    /// <summary><see cref="WordLists.SpokespersonNouns"/>.</summary>
    Spokesperson = 4,

    /// <summary><see cref="WordLists.AnonymousNouns"/>.</summary>
    Anonymous = 8,
}
