using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Attribution.Analysis;
using Attribution.Text;

namespace Attribution.Reporting;

/// <summary>Writes an archive report (<c>attribution report</c>): story rows as they come, then the totals.</summary>
public interface IArchiveReportWriter : IDisposable
{
    /// <summary>Writes (or holds) one story's row.</summary>
    void WriteStory(StoryRow row);

    /// <summary>Writes the groups, totals and top sources and finishes the report.</summary>
    void Complete(ArchiveReport report);
}

/// <summary>The columns every archive format shares, in order.</summary>
internal static class ArchiveColumns
{
    public static readonly string[] Names =
    [
        "stories", "unreadable", "quotes", "unattributed_quotes", "sources", "named", "official", "anonymous", "document", "unknown",
        "anonymous_share", "anonymous_without_reason", "errors", "warnings", "suggestions",
    ];

    public static readonly SourceType[] Types = [SourceType.Named, SourceType.Official, SourceType.Anonymous, SourceType.Document, SourceType.Unknown];

    /// <summary>The values as a page shows them to people: the share as a percentage with one decimal, as everywhere else.</summary>
    public static string[] Shown(Tally t)
    {
        var values = Values(t);
        values[Array.IndexOf(Names, "anonymous_share")] = SourceMix.Percent(t.AnonymousShare);
        return values;
    }

    public static string[] Values(Tally t) =>
    [
        Int(t.Stories), Int(t.Unreadable), Int(t.Quotes), Int(t.Unattributed), Int(t.Sources),
        Int(t.OfType(SourceType.Named)), Int(t.OfType(SourceType.Official)), Int(t.OfType(SourceType.Anonymous)),
        Int(t.OfType(SourceType.Document)), Int(t.OfType(SourceType.Unknown)),
        t.AnonymousShare.ToString("0.###", CultureInfo.InvariantCulture), Int(t.UnexplainedAnonymous),
        Int(t.OfSeverity(Severity.Error)), Int(t.OfSeverity(Severity.Warning)), Int(t.OfSeverity(Severity.Suggestion)),
    ];

    public static readonly string[] JsonNames = [.. Names.Select(n => string.Concat(n.Split('_').Select((p, i) => i == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..])))];

    public static string GroupName(ArchiveGrouping grouping) => grouping.ToString().ToLowerInvariant();

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// CSV (RFC 4180) for a spreadsheet: one row per story, or per group with <c>--by</c>, then a
/// <c>(total)</c> row. Text cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
/// </summary>
public sealed class CsvArchiveWriter : IArchiveReportWriter
{
    private readonly TextWriter _out;
    private readonly ArchiveGrouping _grouping;

    /// <summary>Writes to <paramref name="output"/>; the header follows <paramref name="grouping"/>.</summary>
    public CsvArchiveWriter(TextWriter output, ArchiveGrouping grouping)
    {
        _out = output;
        _grouping = grouping;
        string[] keys = grouping == ArchiveGrouping.None ? ["path", "desk", "author", "date"] : [ArchiveColumns.GroupName(grouping)];
        WriteRow([.. keys, .. ArchiveColumns.Names, .. grouping == ArchiveGrouping.None ? (string[])["error"] : []]);
    }

    /// <inheritdoc/>
    public void WriteStory(StoryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (_grouping == ArchiveGrouping.None)
        {
            WriteRow([row.Path, row.Fields.Desk, row.Fields.Author, row.Fields.Date, .. ArchiveColumns.Values(row.Counts), row.Error ?? ""]);
        }
    }

    /// <inheritdoc/>
    public void Complete(ArchiveReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (_grouping == ArchiveGrouping.None)
        {
            WriteRow(["(total)", "", "", "", .. ArchiveColumns.Values(report.Totals), ""]);
        }
        else
        {
            foreach (var (key, tally) in report.Groups)
            {
                WriteRow([key, .. ArchiveColumns.Values(tally)]);
            }

            WriteRow(["(total)", .. ArchiveColumns.Values(report.Totals)]);
        }

        _out.Flush();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private void WriteRow(string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                _out.Write(',');
            }

            _out.Write(Cell(cells[i]));
        }

        _out.Write("\r\n");
    }

    /// <summary>One CSV cell: quoted when it holds a comma, quote or line break; formula-like text prefixed with an apostrophe.</summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}

/// <summary>
/// JSON: <c>stories</c> streamed as they are analysed, then <c>groups</c>, <c>totals</c> and
/// <c>topSources</c>, and <c>errors</c> for inputs that could not be read.
/// </summary>
public sealed class JsonArchiveWriter : IArchiveReportWriter
{
    private readonly Utf8JsonWriter _json;

    /// <summary>Starts a report on <paramref name="output"/>.</summary>
    public JsonArchiveWriter(Stream output, ArchiveGrouping grouping)
    {
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _json.WriteStartObject();
        _json.WriteStartObject("tool");
        _json.WriteString("name", ToolInfo.Name);
        _json.WriteString("version", ToolInfo.Version);
        _json.WriteEndObject();
        if (grouping == ArchiveGrouping.None)
        {
            _json.WriteNull("by");
        }
        else
        {
            _json.WriteString("by", ArchiveColumns.GroupName(grouping));
        }

        _json.WriteStartArray("stories");
    }

    /// <inheritdoc/>
    public void WriteStory(StoryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _json.WriteStartObject();
        _json.WriteString("path", row.Path);
        WriteOptional("desk", row.Fields.Desk);
        WriteOptional("author", row.Fields.Author);
        WriteOptional("date", row.Fields.Date);
        if (row.Error is not null)
        {
            _json.WriteString("error", row.Error);
        }

        WriteCounts(row.Counts);
        _json.WriteStartArray("quoted");
        foreach (var q in row.Quoted)
        {
            _json.WriteStartObject();
            _json.WriteString("name", q.Name);
            _json.WriteString("key", q.Key);
            if (q.Surname)
            {
                _json.WriteBoolean("surname", true);
            }

            if (q.Ambiguous)
            {
                _json.WriteBoolean("ambiguous", true);
            }

            if (q.Gender != Gender.Unknown)
            {
                _json.WriteString("gender", q.Gender == Gender.Male ? "male" : "female");
            }

            WriteOptional("role", q.Role);
            _json.WriteString("type", Analyzer.TypeName(q.Type));
            _json.WriteNumber("quotes", q.Quotes);
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        if (_json.BytesPending > 1 << 16)
        {
            _json.Flush();
        }
    }

    /// <inheritdoc/>
    public void Complete(ArchiveReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _json.WriteEndArray();
        _json.WriteStartArray("groups");
        foreach (var (key, tally) in report.Groups)
        {
            _json.WriteStartObject();
            _json.WriteString("key", key);
            WriteCounts(tally);
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteStartArray("notes");
        foreach (var note in report.Notes)
        {
            _json.WriteStringValue(note);
        }

        _json.WriteEndArray();
        _json.WriteStartObject("totals");
        WriteCounts(report.Totals);
        _json.WriteEndObject();
        _json.WriteStartArray("topSources");
        foreach (var s in report.TopSources(25))
        {
            _json.WriteStartObject();
            _json.WriteString("name", s.Name);
            _json.WriteString("type", Analyzer.TypeName(s.Type));
            WriteOptional("role", s.Role);
            _json.WriteNumber("quotes", s.Quotes);
            _json.WriteNumber("stories", s.Stories);
            if (s.Ambiguous)
            {
                _json.WriteBoolean("ambiguous", true);
            }

            _json.WriteStartArray("variants");
            foreach (var v in s.Variants)
            {
                _json.WriteStartObject();
                _json.WriteString("name", v.Name);
                _json.WriteNumber("quotes", v.Quotes);
                _json.WriteNumber("stories", v.Stories);
                _json.WriteEndObject();
            }

            _json.WriteEndArray();
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
    }

    /// <inheritdoc/>
    public void Dispose() => _json.Dispose();

    private void WriteOptional(string name, string value)
    {
        if (value.Length > 0)
        {
            _json.WriteString(name, value);
        }
    }

    private void WriteCounts(Tally t)
    {
        var values = ArchiveColumns.Values(t);
        for (var i = 0; i < values.Length; i++)
        {
            _json.WritePropertyName(ArchiveColumns.JsonNames[i]);
            _json.WriteRawValue(values[i], skipInputValidation: true);
        }
    }
}
