using System.Collections.Immutable;
using Attribution.Analysis;
using Attribution.Text;

namespace Attribution.Reporting;

/// <summary>
/// The sources of an archive by canonical name, built a story at a time. People are one source per name
/// ("Michael Howard" however the role around it reads); a surname given alone joins the one full name of
/// that surname and a compatible gender known in the archive, and stays apart, marked ambiguous, when
/// several are. Everything else merges across case and article ("the Treasury" = "Treasury").
/// </summary>
public sealed class ArchiveSources
{
    private readonly Dictionary<string, Identity> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Identity> _surnames = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool _keepStories;
    private int _rows;

    /// <summary>An empty directory; with <paramref name="keepStories"/>, each source keeps the paths of its stories (for <see cref="Explain"/>).</summary>
    public ArchiveSources(bool keepStories = false) => _keepStories = keepStories;

    /// <summary>Adds one story's quoted sources: each canonical name counts the story once.</summary>
    public void Add(string path, ImmutableArray<QuotedSource> quoted)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ordinal = _rows++;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var seenNames = new HashSet<(string, string)>();
        foreach (var q in quoted)
        {
            // "Mr Blair" and "Mrs Blair" are two people; a surname with no honorific is a third.
            var table = q.Surname ? _surnames : _names;
            var key = q.Surname ? $"{q.Key} {q.Gender}{(q.Ambiguous ? " ?" : "")}" : q.Key;
            if (!table.TryGetValue(key, out var identity))
            {
                table[key] = identity = new Identity(q.Key, q.Surname, q.Gender) { AmbiguousInStory = q.Ambiguous };
            }

            // The story counts once for the source, and once for each way it writes the name.
            var scoped = (q.Surname ? "surname " : "name ") + key;
            var first = seen.Add(scoped);
            var firstName = seenNames.Add((scoped.ToUpperInvariant(), q.Name));
            identity.Add(q, first, firstName, _keepStories ? (ordinal, path) : null);
        }
    }

    /// <summary>The <paramref name="count"/> sources quoted most often, surnames joined where they can be.</summary>
    public IReadOnlyList<TopSource> Top(int count) =>
        [.. Resolve().OrderByDescending(s => s.Quotes).ThenByDescending(s => s.Stories).ThenBy(s => s.Name, StringComparer.Ordinal).Take(count)];

    /// <summary>
    /// The source that <paramref name="name"/> names (its canonical name or any variant, ignoring case), with
    /// the variants merged into it and its stories; null when no source goes by it.
    /// </summary>
    public TopSource? Explain(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var wanted = name.Trim();
        var all = Resolve();
        return all.FirstOrDefault(s => string.Equals(s.Name, wanted, StringComparison.OrdinalIgnoreCase))
            ?? all.FirstOrDefault(s => s.Variants.Any(v => string.Equals(v.Name, wanted, StringComparison.OrdinalIgnoreCase)
                || string.Equals(SourceNames.WithoutArticle(v.Name), wanted, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Every source's name and the names merged into it, most quoted first (for a "did you mean" when <see cref="Explain"/> finds none).</summary>
    public IEnumerable<string> Names() =>
        Resolve().OrderByDescending(s => s.Quotes).SelectMany(s => s.Variants.Select(v => v.Name).Prepend(s.Name)).Distinct(StringComparer.OrdinalIgnoreCase);

    private List<TopSource> Resolve()
    {
        var byLastWord = new Dictionary<string, List<Identity>>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in _names.Values)
        {
            if (person.IsPerson && person.Key.LastIndexOf(' ') is > 0 and var space)
            {
                var last = person.Key[(space + 1)..];
                if (!byLastWord.TryGetValue(last, out var list))
                {
                    byLastWord[last] = list = [];
                }

                list.Add(person);
            }
        }

        var joined = new Dictionary<Identity, List<(Identity Part, string Why)>>();
        var result = new List<TopSource>();
        foreach (var surname in _surnames.Values)
        {
            var probe = surname.Probe;
            var candidates = surname.AmbiguousInStory || !byLastWord.TryGetValue(surname.Key, out var list)
                ? [] : list.Where(c => SourceNames.Joins(probe, c.Probe)).ToList();
            if (Prevailing(candidates) is { } target)
            {
                if (!joined.TryGetValue(target, out var parts))
                {
                    joined[target] = parts = [];
                }

                var why = candidates.Count == 1
                    ? $"the only full name with the surname {surname.Key} in the archive"
                    : $"quoted in {target.Stories} of the {candidates.Sum(c => c.Stories)} stories that quote the {candidates.Count} full names with the surname {surname.Key}";
                parts.Add((surname, why));
            }
            else
            {
                result.Add(surname.ToTop(surname.MostFrequentVariant, [], surname.AmbiguousInStory || candidates.Count > 1));
            }
        }

        foreach (var identity in _names.Values)
        {
            var parts = joined.TryGetValue(identity, out var p) ? p : [];
            var name = identity.IsPerson ? identity.Key : SourceNames.WithoutArticle(identity.MostFrequentVariant);
            result.Add(identity.ToTop(name, parts, ambiguous: false));
        }

        return result;
    }

    /// <summary>
    /// The full name a surname joins: the only one of that surname (and a compatible gender) in the archive, or
    /// the one that holds at least <see cref="PrevailingShare"/> of their stories ("Mr Brown" in a politics archive
    /// where Gordon Brown is quoted in 42 stories and five other Browns in 7); none when no name prevails.
    /// </summary>
    private static Identity? Prevailing(List<Identity> candidates)
    {
        if (candidates.Count <= 1)
        {
            return candidates.Count == 1 ? candidates[0] : null;
        }

        var top = candidates.MaxBy(c => c.Stories)!;
        return top.Stories >= PrevailingShare * candidates.Sum(c => c.Stories) ? top : null;
    }

    /// <summary>The share of the stories of a surname's full names that one must hold for the surname to join it.</summary>
    public const double PrevailingShare = 0.75;

    private sealed class Identity(string key, bool surname, Gender gender)
    {
        private readonly bool _surname = surname;
        private readonly List<(string Name, int Quotes, int Stories)> _variants = [];
        private readonly List<(string Role, int Stories)> _roles = [];
        private readonly int[] _typeStories = new int[5];
        private readonly List<(int Ordinal, string Path)> _stories = [];

        public string Key { get; } = key;

        public bool AmbiguousInStory { get; init; }

        public bool IsPerson => _typeStories[(int)SourceType.Named] > 0;

        public QuotedSource Probe => new(Key, Key, _surname, Gender, "", SourceType.Named, 0);

        public Gender Gender { get; private set; } = gender;

        // A surname's gender is part of its identity; a full name takes the first one its stories give.
        private bool GenderFixed => _surname;

        public int Quotes { get; private set; }

        public int Stories { get; private set; }

        public string MostFrequentVariant => _variants.OrderByDescending(v => v.Stories).ThenByDescending(v => v.Quotes).First().Name;

        // newStory: the story's first mention of this source; newName: its first under this name.
        public void Add(QuotedSource q, bool newStory, bool newName, (int Ordinal, string Path)? story)
        {
            Quotes += q.Quotes;
            if (Gender == Gender.Unknown && !GenderFixed)
            {
                Gender = q.Gender;
            }

            var v = _variants.FindIndex(x => string.Equals(x.Name, q.Name, StringComparison.Ordinal));
            if (v < 0)
            {
                _variants.Add((q.Name, 0, 0));
                v = _variants.Count - 1;
            }

            _variants[v] = (q.Name, _variants[v].Quotes + q.Quotes, _variants[v].Stories + (newName ? 1 : 0));
            if (!newStory)
            {
                return;
            }

            Stories++;
            _typeStories[(int)q.Type]++;
            if (story is { } kept)
            {
                _stories.Add(kept);
            }

            if (q.Role.Length > 0)
            {
                Count(_roles, q.Role, 1);
            }
        }

        public TopSource ToTop(string name, List<(Identity Part, string Why)> joined, bool ambiguous)
        {
            var all = (List<Identity>)[this, .. joined.Select(j => j.Part)];
            var types = new int[5];
            var roles = new List<(string Role, int Stories)>();
            foreach (var part in all)
            {
                for (var t = 0; t < 5; t++)
                {
                    types[t] += part._typeStories[t];
                }

                foreach (var (role, stories) in part._roles)
                {
                    Count(roles, role, stories);
                }
            }

            var type = (SourceType)Array.IndexOf(types, types.Max());
            var mostFrequentRole = roles.Count == 0 ? "" : roles.OrderByDescending(r => r.Stories).First().Role;
            return new TopSource(name, type)
            {
                Quotes = all.Sum(p => p.Quotes),
                Stories = all.Sum(p => p.Stories),
                Role = mostFrequentRole,
                Roles = [.. roles.OrderByDescending(r => r.Stories)],
                Ambiguous = ambiguous,
                Variants = [.. _variants.Select(v => new SourceVariant(v.Name, v.Quotes, v.Stories, "")),
                    .. joined.SelectMany(j => j.Part._variants.Select(v => new SourceVariant(v.Name, v.Quotes, v.Stories, j.Why)))],
                StoryPaths = [.. all.SelectMany(p => p._stories).OrderBy(s => s.Ordinal).Select(s => s.Path)],
            };
        }

        // Adds stories to a role, roles compared ignoring case ("Opposition leader" = "opposition leader"); the first form seen is kept.
        private static void Count(List<(string Role, int Stories)> roles, string role, int stories)
        {
            var r = roles.FindIndex(x => string.Equals(x.Role, role, StringComparison.OrdinalIgnoreCase));
            if (r < 0)
            {
                roles.Add((role, stories));
            }
            else
            {
                roles[r] = (roles[r].Role, roles[r].Stories + stories);
            }
        }
    }
}

/// <summary>A source quoted across an archive, under its canonical name.</summary>
/// <param name="Name">The canonical name ("Michael Howard", "Treasury"), or a surname's commonest form ("Mr Howard") when it joined no full name.</param>
/// <param name="Type">The type most of its stories give it.</param>
public sealed record TopSource(string Name, SourceType Type)
{
    /// <summary>Quotations attributed to it.</summary>
    public int Quotes { get; init; }

    /// <summary>Stories that quote it.</summary>
    public int Stories { get; init; }

    /// <summary>The role its stories give it most often ("opposition leader"), or empty.</summary>
    public string Role { get; init; } = "";

    /// <summary>A surname given alone that several full names in the archive could be.</summary>
    public bool Ambiguous { get; init; }

    /// <summary>Every role its stories give it, with the number of stories, most frequent first.</summary>
    public ImmutableArray<(string Role, int Stories)> Roles { get; init; } = [];

    /// <summary>The names merged into it as the stories wrote them.</summary>
    public ImmutableArray<SourceVariant> Variants { get; init; } = [];

    /// <summary>The stories that quote it (kept only when the report explains sources).</summary>
    public ImmutableArray<string> StoryPaths { get; init; } = [];
}

/// <summary>One way the stories wrote a source's name.</summary>
/// <param name="Name">The name as written ("Mr Howard").</param>
/// <param name="Quotes">Quotations under it.</param>
/// <param name="Stories">Stories that use it.</param>
/// <param name="JoinedBecause">Why a surname given alone joined this source across the archive, or empty for the source's own names.</param>
public sealed record SourceVariant(string Name, int Quotes, int Stories, string JoinedBecause);
