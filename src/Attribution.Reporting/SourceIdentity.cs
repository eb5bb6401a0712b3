using System.Collections.Frozen;
using System.Collections.Immutable;
using Attribution.Analysis;
using Attribution.Analysis.Configuration;
using Attribution.Text;

namespace Attribution.Reporting;

/// <summary>One source as a story quotes it, with what an archive needs to tell who it is.</summary>
/// <param name="Name">The name the story gives ("Mr Howard", "Michael Howard", "The Treasury").</param>
/// <param name="Key">
/// The canonical name: a person's name without role or honorific ("Michael Howard"), a surname given alone
/// ("Howard", with <paramref name="Surname"/>), or anything else without its article ("Treasury").
/// </param>
/// <param name="Surname">True when <paramref name="Key"/> is a surname given alone that the story did not join to a full name.</param>
/// <param name="Gender">What the honorific or given name says, for joining a surname to a full name.</param>
/// <param name="Role">The role given with the name ("opposition leader"), or empty.</param>
/// <param name="Type">The source's type.</param>
/// <param name="Quotes">Quotations attributed to it in the story.</param>
public sealed record QuotedSource(string Name, string Key, bool Surname, Gender Gender, string Role, SourceType Type, int Quotes)
{
    /// <summary>A surname given alone in a story that holds several full names it could be ("Mr Brown" beside Gordon and Nick Brown): never joined.</summary>
    public bool Ambiguous { get; init; }

    /// <summary>True for a person (a named source), whose surname may join a full name.</summary>
    public bool IsPerson => Type == SourceType.Named;
}

/// <summary>
/// Canonical names for a story's sources, from the rule pack's lexicon (honorifics with their gender, given
/// names). Within the story a surname given alone ("Mr Howard", "Howard") joins the one full name of the
/// same surname and a compatible gender ("Michael Howard"); with none or several it is left for the archive.
/// </summary>
public sealed class SourceNames
{
    private readonly FrozenSet<string> _honorifics;
    private readonly FrozenDictionary<string, Gender> _titles;
    private readonly FrozenDictionary<string, Gender> _givenNames;

    /// <summary>Reads the honorifics, titles and given names of <paramref name="lexicons"/>.</summary>
    public SourceNames(LexiconSet lexicons)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        _honorifics = lexicons.Sources.Words(WordLists.Honorifics);
        _titles = lexicons.Parser.Titles;
        _givenNames = lexicons.Sources.GivenNames;
    }

    /// <summary>The story's quoted sources (pronoun-only and unknown ones, and those with no quotation, left out), in source order.</summary>
    public ImmutableArray<QuotedSource> Of(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var quoted = ImmutableArray.CreateBuilder<QuotedSource>();
        foreach (var s in analysis.Sources)
        {
            if (s.Facts.IsPronounOnly || s.Type == SourceType.Unknown || s.Quotes.Length == 0)
            {
                continue;
            }

            quoted.Add(Canonical(s.Name.Trim(), s.Facts.Role, s.Type, s.Quotes.Length));
        }

        // Full names by their last word, so each surname looks only at its own ("Howard": Michael Howard).
        var byLastWord = new Dictionary<string, List<QuotedSource>>(StringComparer.OrdinalIgnoreCase);
        foreach (var q in quoted)
        {
            if (q.IsPerson && !q.Surname && q.Key.LastIndexOf(' ') is > 0 and var space)
            {
                var last = q.Key[(space + 1)..];
                if (!byLastWord.TryGetValue(last, out var list))
                {
                    byLastWord[last] = list = [];
                }

                list.Add(q);
            }
        }

        for (var i = 0; i < quoted.Count; i++)
        {
            if (quoted[i].Surname && byLastWord.TryGetValue(quoted[i].Key, out var people))
            {
                var candidates = Candidates(quoted[i], people);
                if (candidates.Count == 1)
                {
                    quoted[i] = quoted[i] with { Key = candidates[0].Key, Surname = false, Gender = candidates[0].Gender };
                }
                else if (candidates.Count > 1)
                {
                    quoted[i] = quoted[i] with { Ambiguous = true };
                }
            }
        }

        return quoted.ToImmutable();
    }

    /// <summary>The canonical form of one name: honorifics dropped from a person, the article from anything else.</summary>
    public QuotedSource Canonical(string name, string role, SourceType type, int quotes)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (type != SourceType.Named)
        {
            return new QuotedSource(name, WithoutArticle(name), false, Gender.Unknown, role, type, quotes);
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = 0;
        var gender = Gender.Unknown;
        while (start < words.Length - 1 && _honorifics.Contains(words[start].TrimEnd('.')))
        {
            if (gender == Gender.Unknown && _titles.TryGetValue(words[start].TrimEnd('.'), out var g))
            {
                gender = g;
            }

            start++;
        }

        if (words.Length - start == 1)
        {
            return new QuotedSource(name, words[start], words.Length > 0, gender, role, type, quotes);
        }

        if (gender == Gender.Unknown && start < words.Length && _givenNames.TryGetValue(words[start], out var given))
        {
            gender = given;
        }

        return new QuotedSource(name, words.Length == 0 ? name : string.Join(' ', words, start, words.Length - start), false, gender, role, type, quotes);
    }

    /// <summary>True when a surname given alone may stand for <paramref name="person"/>: the last word matches and the genders do not disagree.</summary>
    internal static bool Joins(QuotedSource surname, QuotedSource person) =>
        person.Key.EndsWith(surname.Key, StringComparison.OrdinalIgnoreCase)
        && person.Key.Length > surname.Key.Length && person.Key[person.Key.Length - surname.Key.Length - 1] == ' '
        && (surname.Gender == Gender.Unknown || person.Gender == Gender.Unknown || surname.Gender == person.Gender);

    /// <summary>"Treasury" of "the Treasury", "spokesman" of "a spokesman".</summary>
    internal static string WithoutArticle(string name)
    {
        foreach (var article in (ReadOnlySpan<string>)["the ", "a ", "an "])
        {
            if (name.Length > article.Length && name.StartsWith(article, StringComparison.OrdinalIgnoreCase))
            {
                return name[article.Length..].TrimStart();
            }
        }

        return name;
    }

    // The distinct full names of the story a surname could be.
    private static List<QuotedSource> Candidates(QuotedSource surname, IEnumerable<QuotedSource> story)
    {
        var found = new List<QuotedSource>();
        foreach (var person in story)
        {
            if (person.IsPerson && !person.Surname && Joins(surname, person) && !found.Exists(f => string.Equals(f.Key, person.Key, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(person);
            }
        }

        return found;
    }
}
