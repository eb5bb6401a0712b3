using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Attribution.Analysis;
using Attribution.Text;
using Humanizer;

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

/// <summary>
/// One self-contained HTML page for a standards desk: the archive's totals and source mix, the groups,
/// the most-quoted sources and a row per story. No script; all text escaped.
/// </summary>
public sealed class HtmlArchiveWriter : IArchiveReportWriter
{
    private static readonly HtmlEncoder Encoder = HtmlReportWriter.Encoder;

    private readonly TextWriter _out;
    private readonly StringWriter _rows = new(CultureInfo.InvariantCulture);

    /// <summary>Writes to <paramref name="output"/> when complete.</summary>
    public HtmlArchiveWriter(TextWriter output) => _out = output;

    /// <inheritdoc/>
    public void WriteStory(StoryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _rows.Write("<tr><td>");
        Encoder.Encode(_rows, row.Path);
        if (row.Error is not null)
        {
            _rows.Write(" <span class=\"missing\">");
            Encoder.Encode(_rows, row.Error);
            _rows.Write("</span>");
        }

        _rows.Write("</td>");
        WriteCells(_rows, row.Counts, skipStories: true);
        _rows.Write("</tr>\n");
    }

    /// <inheritdoc/>
    public void Complete(ArchiveReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var w = _out;
        var t = report.Totals;
        HtmlReportWriter.WriteHead(w, "Attribution archive report", ".wide { overflow-x: auto; } .wide table.sources { font-size: .8rem; } .wide th { vertical-align: bottom; } .wide td:first-child { min-width: 12rem; overflow-wrap: anywhere; } tr.total td { border-top: 2px solid #999; font-weight: bold; }\n");
        w.Write("<header>\n<h1>Attribution archive report</h1>\n<p class=\"summary\">");
        var summary = $"{"story".ToQuantity(t.Stories)}: {"quote".ToQuantity(t.Quotes)} ({t.Unattributed} unattributed) from {"source".ToQuantity(t.Sources)}; "
            + $"anonymous share {SourceMix.Percent(t.AnonymousShare)}, {"anonymous source".ToQuantity(t.UnexplainedAnonymous)} without a reason; "
            + t.Findings()
            + (t.Unreadable > 0 ? $"; {"input".ToQuantity(t.Unreadable)} could not be read." : ".");
        Encoder.Encode(w, summary);
        w.Write("</p>\n");
        HtmlReportWriter.WriteChart(w, t.OfType, t.Sources);
        w.Write("</header>\n<main>\n");

        if (report.Grouping != ArchiveGrouping.None)
        {
            w.Write($"<h2>By {ArchiveColumns.GroupName(report.Grouping)}</h2>\n");
            foreach (var note in report.Notes)
            {
                w.Write("<p class=\"note\">");
                Encoder.Encode(w, note);
                w.Write("</p>\n");
            }

            w.Write("<div class=\"wide\"><table class=\"sources\">\n");
            WriteHeader(w, ArchiveColumns.GroupName(report.Grouping), skipStories: false);
            foreach (var (key, tally) in report.Groups)
            {
                w.Write("<tr><td>");
                Encoder.Encode(w, key);
                w.Write("</td>");
                WriteCells(w, tally, skipStories: false);
                w.Write("</tr>\n");
            }

            w.Write("</tbody>\n</table></div>\n");
        }

        w.Write("<h2>Most-quoted sources</h2>\n<table class=\"sources\">\n<thead><tr><th>Source</th><th>Type</th><th>Quotes</th><th>Stories</th></tr></thead>\n<tbody>\n");
        foreach (var s in report.TopSources(25))
        {
            var type = Analyzer.TypeName(s.Type);
            w.Write("<tr><td>");
            Encoder.Encode(w, s.Name);
            w.Write($"</td><td><span class=\"chip t-{type}\">{type}</span></td><td class=\"n\">{s.Quotes}</td><td class=\"n\">{s.Stories}</td></tr>\n");
        }

        w.Write("</tbody>\n</table>\n<h2>Stories</h2>\n<div class=\"wide\"><table class=\"sources\">\n");
        WriteHeader(w, "story", skipStories: true);
        w.Write(_rows.ToString());
        w.Write("<tr class=\"total\"><td><b>Total</b></td>");
        WriteCells(w, t, skipStories: true);
        w.Write($"</tr>\n</tbody>\n</table></div>\n</main>\n<footer>Generated by {ToolInfo.Name} {Encoder.Encode(ToolInfo.Version)}.</footer>\n</body>\n</html>\n");
        w.Flush();
    }

    /// <inheritdoc/>
    public void Dispose() => _rows.Dispose();

    private static void WriteHeader(TextWriter w, string first, bool skipStories)
    {
        w.Write($"<thead><tr><th>{first}</th>");
        foreach (var name in ArchiveColumns.Names.Skip(skipStories ? 1 : 0))
        {
            w.Write($"<th>{name.Replace('_', ' ')}</th>");
        }

        w.Write("</tr></thead>\n<tbody>\n");
    }

    private static void WriteCells(TextWriter w, Tally tally, bool skipStories)
    {
        foreach (var value in ArchiveColumns.Shown(tally).Skip(skipStories ? 1 : 0))
        {
            w.Write($"<td class=\"n\">{value}</td>");
        }
    }
}
