using System.Text;
using System.Text.Json;
using Attribution.Cli;
using Attribution.Reporting;

namespace Attribution.Tests.Cli;

/// <summary><c>attribution report</c>: rows, groups, totals that agree with <c>check</c>, and a clean stdout.</summary>
public sealed class ReportTests : IDisposable
{
    private readonly TempFolder _folder = new("attribution-report-");

    [Fact]
    public void Csv_has_a_row_per_story_and_totals_that_agree_with_check()
    {
        var samples = Path.Combine(TestPack.RepositoryRoot, "samples");
        var (code, csv, _) = CliRunner.Run("report", samples, "--threads", "2");
        Assert.Equal(0, code);
        var rows = csv.TrimEnd().Split("\r\n").Select(l => l.Split(',')).ToList();
        var header = rows[0].ToList();
        Assert.Equal(["path", "desk", "author", "date", "stories"], header.Take(5));
        Assert.Equal(Directory.GetFiles(samples).Length + 2, rows.Count);
        var total = rows[^1];
        Assert.Equal("(total)", total[0]);

        // The same stories through check --format json.
        var (_, json, _) = CliRunner.Run("check", samples, "--format", "json");
        var documents = JsonDocument.Parse(json).RootElement.GetProperty("documents").EnumerateArray().ToList();
        int Column(string name) => int.Parse(total[header.IndexOf(name)], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(documents.Count, Column("stories"));
        Assert.Equal(documents.Sum(d => d.GetProperty("quotes").GetArrayLength()), Column("quotes"));
        Assert.Equal(documents.Sum(d => d.GetProperty("quotes").EnumerateArray().Count(q => q.GetProperty("source").ValueKind == JsonValueKind.Null)), Column("unattributed_quotes"));
        Assert.Equal(documents.Sum(d => d.GetProperty("sources").GetArrayLength()), Column("sources"));
        foreach (var type in (string[])["named", "official", "anonymous", "document", "unknown"])
        {
            Assert.Equal(documents.Sum(d => d.GetProperty("sources").EnumerateArray().Count(s => s.GetProperty("type").GetString() == type)), Column(type));
        }

        var active = documents.SelectMany(d => d.GetProperty("diagnostics").EnumerateArray()).Where(d => !d.TryGetProperty("suppression", out _)).ToList();
        Assert.Equal(active.Count(d => d.GetProperty("severity").GetString() == "warning"), Column("warnings"));
        Assert.Equal(active.Count(d => d.GetProperty("severity").GetString() == "suggestion"), Column("suggestions"));
        Assert.True(Column("quotes") > 20);
    }

    [Fact]
    public void Archives_group_by_desk_and_month_with_top_sources_in_json()
    {
        var archive = WriteArchive();

        var (code, csv, stderr) = CliRunner.Run("report", archive, "--by", "desk");
        Assert.Equal(0, code);

        // A grouping field some stories lack is said out loud, on stderr and in the JSON and HTML reports.
        Assert.Contains("attribution: 1 of 4 stories have no desk; they are grouped under \"(no desk)\"", stderr, StringComparison.Ordinal);
        var lines = csv.TrimEnd().Split("\r\n");
        Assert.StartsWith("desk,stories,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("(no desk),1,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("metro,2,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("sports,1,", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("(total),4,", lines[4], StringComparison.Ordinal);

        var (_, json, _) = CliRunner.Run("report", archive, "--by", "month", "--format", "json");
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("month", root.GetProperty("by").GetString());
        Assert.Equal(["1 of 4 stories have no date a month can be read from; they are grouped under \"(no date)\""], root.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        Assert.Contains("stories have no date", CliRunner.Run("report", archive, "--by", "month", "--format", "html").Stdout, StringComparison.Ordinal);
        Assert.Equal(["(no date)", "2025-03", "2025-04"], root.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("key").GetString()));
        Assert.Equal(4, root.GetProperty("stories").GetArrayLength());
        Assert.Equal("metro", root.GetProperty("stories")[0].GetProperty("desk").GetString());
        var top = root.GetProperty("topSources")[0];
        Assert.Equal("Lena Ortiz", top.GetProperty("name").GetString());
        Assert.Equal("named", top.GetProperty("type").GetString());
        Assert.Equal(3, top.GetProperty("quotes").GetInt32());
        Assert.Equal(2, top.GetProperty("stories").GetInt32());
        Assert.Equal(root.GetProperty("totals").GetProperty("quotes").GetInt32(), root.GetProperty("stories").EnumerateArray().Sum(s => s.GetProperty("quotes").GetInt32()));
    }

    [Theory]
    [InlineData("2026-12-07", "2026-12")]
    [InlineData("20261207T040300Z", "2026-12")]
    [InlineData("2026-12-01T00:30:00+01:00", "2026-12")]
    [InlineData("Tue, 01 Dec 2026 00:30:00 +0100", "2026-12")]
    [InlineData("Mon, 30 Nov 2026 23:30:00 -0500", "2026-11")]
    [InlineData("Mon, 7 Dec 2026 04:03:00 EST", "2026-12")]
    [InlineData("Tue, 1 Dec 2026 01:00:00 PST", "2026-12")]
    [InlineData("Mon, 07 Dec 2026 04:03:00 GMT", "2026-12")]
    [InlineData("7 December 2026", "2026-12")]
    [InlineData("Dec. 7, 2026", "2026-12")]
    [InlineData("someday", null)]
    public void Months_are_read_from_iso_rss_and_written_dates_on_the_writers_clock(string date, string? month) =>
        Assert.Equal(month, Attribution.Reporting.StoryFields.Month(date));

    [Fact]
    public void Html_report_escapes_story_ids_and_lists_groups()
    {
        var archive = _folder.Write("hostile.jsonl", """
            {"id": "<script>alert(1)</script>.txt", "desk": "<b>metro</b>", "text": "\"We will reopen the bridge,\" Mayor Lena Ortiz said."}

            """);
        var (code, html, _) = CliRunner.Run("report", archive, "--format", "html", "--by", "desk");
        Assert.Equal(0, code);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>metro", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;.txt", html, StringComparison.Ordinal);
        Assert.Contains("<h2>By desk</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Lena Ortiz", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_inputs_get_a_row_and_exit_code_2_while_the_rest_are_counted()
    {
        var story = _folder.Write("ok.txt", "\"The pool opens in June,\" park director Sam Reyes said.\n");
        var (code, csv, stderr) = CliRunner.Run("report", story, Path.Combine(_folder.Root, "missing.txt"));
        Assert.Equal(2, code);
        Assert.Contains("missing.txt: file not found", stderr, StringComparison.Ordinal);
        var lines = csv.TrimEnd().Split("\r\n");
        Assert.EndsWith(",file not found", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("(total),,,,1,1,1,", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void The_progress_bar_goes_to_stderr_and_never_into_the_report()
    {
        var archive = WriteArchive();
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var console = new CliConsole(stdout, stderr, () => Stream.Null, IsTerminal: false, ErrorIsTerminal: true);

        var code = CliApp.Run(["report", archive], console);

        Assert.Equal(0, code);
        var csv = Encoding.UTF8.GetString(stdout.ToArray());
        Assert.All(csv.TrimEnd().Split("\r\n"), line => Assert.Equal(20, line.Split(',').Length));
        Assert.Contains("Analysing", stderr.ToString(), StringComparison.Ordinal);
        // The count is redrawn every 64 stories; the last frame counts them all.
        Assert.Contains("Analysing: 4 stories", stderr.ToString(), StringComparison.Ordinal);

        using var quiet = new StringWriter();
        CliApp.Run(["report", archive, "--no-progress"], console with { Out = new MemoryStream(), Error = quiet });
        Assert.Equal("", quiet.ToString());
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("@cmd", "'@cmd")]
    public void Csv_cells_are_quoted_and_never_run_as_formulas(string value, string expected) =>
        Assert.Equal(expected, CsvArchiveWriter.Cell(value));

    [Theory]
    [InlineData("2025-03-14T09:00:00Z", "2025-03")]
    [InlineData("2025/04/01", "2025-04")]
    [InlineData("20261104T061500Z", "2026-11")]
    [InlineData("March 14, 2025", "2025-03")]
    [InlineData("yesterday", null)]
    public void Months_are_read_from_common_date_forms(string date, string? month) =>
        Assert.Equal(month, StoryFields.Month(date));

    public void Dispose() => _folder.Dispose();

    // Four short stories written for this test, with the fields a newsroom archive carries.
    private string WriteArchive() => _folder.Write("archive.jsonl", """
        {"id": "m1", "desk": "metro", "author": "Jo Park", "date": "2025-03-02", "text": "\"We will reopen the bridge by May,\" Mayor Lena Ortiz said on Monday.\n\n\"Crews are working nights,\" Ortiz said."}
        {"id": "m2", "desk": "metro", "author": "Jo Park", "date": "2025-04-11", "text": "Mayor Lena Ortiz said the budget would hold.\n\nA city official, speaking on condition of anonymity, said cuts were coming."}
        {"id": "s1", "desk": "sports", "date": "2025-03-20", "text": "\"We played our best game,\" coach Ray Dunn told reporters."}
        {"id": "x1", "text": "Officials said the road would close."}

        """);
}
