using System.Collections.Immutable;
using System.Globalization;
using Attribution.Analysis;
using Humanizer;

namespace Attribution.Reporting;

/// <summary>How <c>attribution report --by</c> groups stories.</summary>
public enum ArchiveGrouping
{
    /// <summary>No groups: one row per story.</summary>
    None,

    /// <summary>The record's <c>desk</c> field.</summary>
    Desk,

    /// <summary>The record's <c>author</c> (or <c>byline</c>) field.</summary>
    Author,

    /// <summary>The year and month of the record's <c>date</c> field.</summary>
    Month,

    /// <summary>The folder part of the story's path or id ("business" of "business/001.txt").</summary>
    Folder,
}

/// <summary>Counts over any set of stories: one story, a desk, a month, the whole archive.</summary>
public sealed class Tally
{
    private readonly int[] _byType = new int[5];
    private readonly int[] _bySeverity = new int[5];

    /// <summary>Stories analysed.</summary>
    public int Stories { get; private set; }

    /// <summary>Inputs that could not be read.</summary>
    public int Unreadable { get; private set; }

    /// <summary>Quotations and attributions.</summary>
    public int Quotes { get; private set; }

    /// <summary>Quotations with no source found (unattributed).</summary>
    public int Unattributed { get; private set; }

    /// <summary>Source entities.</summary>
    public int Sources { get; private set; }

    /// <summary>Anonymous sources with no stated reason.</summary>
    public int UnexplainedAnonymous { get; private set; }

    /// <summary>Sources of a type.</summary>
    public int OfType(SourceType type) => _byType[(int)type];

    /// <summary>Active findings of a severity (suppressed and baselined ones excluded, as in <c>check</c>).</summary>
    public int OfSeverity(Severity severity) => _bySeverity[(int)severity];

    /// <summary>Anonymous sources as a share of named, official and anonymous ones (<see cref="SourceMix.AnonymousShare"/>).</summary>
    public double AnonymousShare => SourceMix.FromCounts(_byType).AnonymousShare;

    /// <summary>Adds one analysed story.</summary>
    public void Add(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        Stories++;
        Quotes += analysis.Document.Quotations.Length;
        Unattributed += analysis.QuoteSources.Count(s => s < 0);
        Sources += analysis.Sources.Length;
        foreach (var s in analysis.Sources)
        {
            _byType[(int)s.Type]++;
            if (s.Type == SourceType.Anonymous && s.Facts.IsExplicitlyAnonymous && !s.Facts.HasAnonymityReason)
            {
                UnexplainedAnonymous++;
            }
        }

        foreach (var d in analysis.Diagnostics)
        {
            if (d.IsActive)
            {
                _bySeverity[(int)d.Severity]++;
            }
        }
    }

    /// <summary>Adds another tally's counts.</summary>
    public void Add(Tally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Stories += other.Stories;
        Unreadable += other.Unreadable;
        Quotes += other.Quotes;
        Unattributed += other.Unattributed;
        Sources += other.Sources;
        UnexplainedAnonymous += other.UnexplainedAnonymous;
        for (var i = 0; i < 5; i++)
        {
            _byType[i] += other._byType[i];
            _bySeverity[i] += other._bySeverity[i];
        }
    }

    /// <summary>Counts an input that could not be read.</summary>
    public void AddUnreadable() => Unreadable++;

    /// <summary>A tally from the counts a report wrote (<see cref="ArchiveColumns.JsonNames"/>), for merging reports of parts.</summary>
    internal static Tally FromCounts(Func<string, int> count)
    {
        var t = new Tally
        {
            Stories = count("stories"),
            Unreadable = count("unreadable"),
            Quotes = count("quotes"),
            Unattributed = count("unattributedQuotes"),
            Sources = count("sources"),
            UnexplainedAnonymous = count("anonymousWithoutReason"),
        };
        for (var i = 0; i < ArchiveColumns.Types.Length; i++)
        {
            t._byType[(int)ArchiveColumns.Types[i]] = count(Analyzer.TypeName(ArchiveColumns.Types[i]));
        }

        t._bySeverity[(int)Severity.Error] = count("errors");
        t._bySeverity[(int)Severity.Warning] = count("warnings");
        t._bySeverity[(int)Severity.Suggestion] = count("suggestions");
        return t;
    }

    /// <summary>"0 errors, 5 warnings, 4 suggestions".</summary>
    public string Findings() =>
        $"{"error".ToQuantity(OfSeverity(Severity.Error))}, {"warning".ToQuantity(OfSeverity(Severity.Warning))}, {"suggestion".ToQuantity(OfSeverity(Severity.Suggestion))}";
}

/// <summary>One story's line in an archive report.</summary>
/// <param name="Path">The file path or JSONL id.</param>
/// <param name="Fields">desk, author and date as the record gives them (empty when absent).</param>
/// <param name="Counts">The story's counts (a single story, or a single unreadable input).</param>
/// <param name="Error">Why the input could not be read, or null.</param>
/// <param name="Quoted">
/// The sources the story quotes with their canonical names, for the top sources; sources known only by a
/// pronoun ("he", "I") are left out, as their name means nothing outside the story.
/// </param>
public sealed record StoryRow(string Path, StoryFields Fields, Tally Counts, string? Error, ImmutableArray<QuotedSource> Quoted)
{
    /// <summary>The row of an analysed story.</summary>
    public static StoryRow Of(DocumentAnalysis analysis, IReadOnlyDictionary<string, string>? metadata, SourceNames names)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(names);
        var counts = new Tally();
        counts.Add(analysis);
        return new StoryRow(analysis.Document.Source.Path, StoryFields.From(metadata), counts, null, names.Of(analysis));
    }

    /// <summary>The row of an input that could not be read.</summary>
    public static StoryRow Unreadable(string path, string error, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var counts = new Tally();
        counts.AddUnreadable();
        return new StoryRow(path, StoryFields.From(metadata), counts, error, []);
    }

    /// <summary>True when the story lacks the field <paramref name="grouping"/> groups by (no desk, author or readable date).</summary>
    public bool Lacks(ArchiveGrouping grouping) => grouping switch
    {
        ArchiveGrouping.Desk => Fields.Desk.Length == 0,
        ArchiveGrouping.Author => Fields.Author.Length == 0,
        ArchiveGrouping.Month => StoryFields.Month(Fields.Date) is null,
        _ => false,
    };

    /// <summary>The story's group under <paramref name="grouping"/>.</summary>
    public string GroupKey(ArchiveGrouping grouping) => grouping switch
    {
        ArchiveGrouping.Desk => Fields.Desk.Length > 0 ? Fields.Desk : "(no desk)",
        ArchiveGrouping.Author => Fields.Author.Length > 0 ? Fields.Author : "(no author)",
        ArchiveGrouping.Month => StoryFields.Month(Fields.Date) ?? "(no date)",
        ArchiveGrouping.Folder => Path.LastIndexOfAny(['/', '\\']) is var slash and > 0 ? Path[..slash] : "(top)",
        _ => "",
    };
}

/// <summary>The record fields an archive report groups by.</summary>
/// <param name="Desk">The <c>desk</c> field.</param>
/// <param name="Author">The <c>author</c> field, or <c>byline</c>.</param>
/// <param name="Date">The <c>date</c> field as given.</param>
public sealed record StoryFields(string Desk, string Author, string Date)
{
    private static readonly StoryFields Empty = new("", "", "");

    /// <summary>Reads the fields from a JSONL record's metadata.</summary>
    public static StoryFields From(IReadOnlyDictionary<string, string>? metadata) => metadata is null
        ? Empty
        : new StoryFields(Get(metadata, "desk"), Get(metadata, "author") is { Length: > 0 } a ? a : Get(metadata, "byline"), Get(metadata, "date"));

    /// <summary>"2024-03" for "2024-03-14T09:00:00Z", "20240314T090000Z" (NITF), "March 14, 2024" or "2024-03"; null when not a date.</summary>
    public static string? Month(string date)
    {
        ArgumentNullException.ThrowIfNull(date);
        if (date.Length >= 8 && !date.AsSpan(0, 8).ContainsAnyExceptInRange('0', '9') && date[4] is '0' or '1')
        {
            return $"{date[..4]}-{date[4..6]}";
        }

        if (date.Length >= 7 && char.IsAsciiDigit(date[0]) && char.IsAsciiDigit(date[3]) && date[4] is '-' or '/' && char.IsAsciiDigit(date[5]) && char.IsAsciiDigit(date[6]))
        {
            return $"{date[..4]}-{date[5..7]}";
        }

        // RFC 1123 and ISO dates with an offset, "7 December 2026" and the like: the month on the writer's clock, as
        // written (not moved to this machine's zone). RSS's RFC 822 zone names (EST, PDT, UT) are dropped first.
        var trimmed = date.Trim();
        var space = trimmed.LastIndexOf(' ');
        if (space > 0 && trimmed.Length - space - 1 is >= 1 and <= 4 && trimmed.AsSpan(space + 1).ContainsAnyExceptInRange('A', 'Z') is false)
        {
            trimmed = trimmed[..space];
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToString("yyyy-MM", CultureInfo.InvariantCulture)
            : null;
    }

    private static string Get(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) ? value.Trim() : "";
}

/// <summary>An archive's totals, groups and most-quoted sources, built one story row at a time.</summary>
public sealed class ArchiveReport
{
    private readonly SortedDictionary<string, Tally> _groups = new(StringComparer.Ordinal);

    /// <summary>Starts a report grouped by <paramref name="grouping"/>; <paramref name="keepStories"/> keeps each source's stories for <see cref="Sources"/>' explanations.</summary>
    public ArchiveReport(ArchiveGrouping grouping, bool keepStories = false)
    {
        Grouping = grouping;
        Sources = new ArchiveSources(keepStories);
    }

    /// <summary>How the stories are grouped.</summary>
    public ArchiveGrouping Grouping { get; }

    /// <summary>The whole archive.</summary>
    public Tally Totals { get; } = new();

    /// <summary>Stories that lack the field they are grouped by (no desk, no author, no date a month can be read from).</summary>
    public int Ungrouped { get; private set; }

    /// <summary>
    /// What a reader must know about the groups, said out loud: "412 of 2,225 stories have no desk" when some
    /// lack the field (empty when none do, or without grouping).
    /// </summary>
    public IReadOnlyList<string> Notes =>
        Ungrouped == 0 ? []
            : [$"{Ungrouped.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} of {Totals.Stories.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} {(Totals.Stories == 1 ? "story has" : "stories have")} no {(Grouping == ArchiveGrouping.Month ? "date a month can be read from" : Grouping.ToString().ToLowerInvariant())}; they are grouped under \"(no {(Grouping == ArchiveGrouping.Month ? "date" : Grouping.ToString().ToLowerInvariant())})\""];

    /// <summary>The archive's sources by canonical name.</summary>
    public ArchiveSources Sources { get; }

    /// <summary>The groups in key order (empty without grouping).</summary>
    public IEnumerable<KeyValuePair<string, Tally>> Groups => _groups;

    /// <summary>Adds a story.</summary>
    public void Add(StoryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Totals.Add(row.Counts);
        if (Grouping != ArchiveGrouping.None)
        {
            var key = row.GroupKey(Grouping);
            if (row.Lacks(Grouping))
            {
                Ungrouped++;
            }

            if (!_groups.TryGetValue(key, out var group))
            {
                _groups[key] = group = new Tally();
            }

            group.Add(row.Counts);
        }

        Sources.Add(row.Path, row.Quoted);
    }

    /// <summary>The <paramref name="count"/> sources quoted most often across the archive, by canonical name.</summary>
    public IReadOnlyList<TopSource> TopSources(int count) => Sources.Top(count);
}
