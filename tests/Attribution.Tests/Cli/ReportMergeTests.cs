using System.Diagnostics;
using System.Text.Json;

namespace Attribution.Tests.Cli;

/// <summary><c>attribution report merge</c>: the reports of an archive's parts make the report of the whole.</summary>
public sealed class ReportMergeTests : IDisposable
{
    private readonly TempFolder _folder = new("attribution-merge-");

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("html")]
    public void The_merged_parts_print_exactly_the_report_of_the_whole(string format)
    {
        var lines = ArchiveLines();
        var whole = _folder.Write("whole.jsonl", string.Concat(lines));
        var parts = new[] { lines[..2], lines[2..5], lines[5..] }.Select((part, i) => Part($"part{i}", string.Concat(part))).ToArray();

        var (code, expected, expectedErr) = CliRunner.Run("report", whole, "--format", format);
        var (merged, actual, actualErr) = CliRunner.Run(["report", "merge", .. parts, "--format", format]);

        Assert.Equal(0, code);
        Assert.Equal(0, merged);
        Assert.Equal(expected, actual);
        Assert.Equal(expectedErr, actualErr);
        Assert.Contains("business/2", actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_can_group_parts_that_were_not_grouped_and_says_what_is_missing()
    {
        var lines = ArchiveLines();
        var whole = _folder.Write("whole.jsonl", string.Concat(lines));
        var parts = new[] { Part("a", string.Concat(lines[..3])), Part("b", string.Concat(lines[3..])) };

        var (_, expected, expectedErr) = CliRunner.Run("report", whole, "--format", "json", "--by", "desk");
        var (code, actual, actualErr) = CliRunner.Run(["report", "merge", .. parts, "--format", "json", "--by", "desk"]);

        Assert.Equal(0, code);
        Assert.Equal(expected, actual);
        Assert.Contains("1 of 6 stories have no desk", actualErr, StringComparison.Ordinal);
        Assert.Equal(expectedErr, actualErr);
    }

    [Fact]
    public void Parts_that_cannot_be_merged_are_refused_with_the_reason_and_nothing_is_written()
    {
        var lines = ArchiveLines();
        var byDesk = Part("desk", string.Concat(lines[..3]), "--by", "desk");
        var plain = Part("plain", string.Concat(lines[3..]));

        var (code, stdout, stderr) = CliRunner.Run("report", "merge", byDesk, plain);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("attribution: the parts are grouped differently (", stderr, StringComparison.Ordinal);
        Assert.Contains("desk.json by desk, ", stderr, StringComparison.Ordinal);
        Assert.Contains("plain.json by story); give --by to group them one way; nothing was merged", stderr, StringComparison.Ordinal);

        var check = _folder.Write("check.json", CliRunner.Run("check", _folder.Write("s.txt", "\"Yes,\" Ines Duarte said.\n"), "--format", "json").Stdout);
        (code, _, stderr) = CliRunner.Run("report", "merge", check);
        Assert.Equal(2, code);
        Assert.Contains("check.json: not a report of attribution's ('attribution report --format json' writes one); nothing was merged", stderr, StringComparison.Ordinal);

        // A part written before stories carried their quoted sources cannot give the top sources.
        var old = JsonDocument.Parse(File.ReadAllText(plain)).RootElement.ToString().Replace("\"quoted\"", "\"quotedBefore\"", StringComparison.Ordinal);
        (code, _, stderr) = CliRunner.Run("report", "merge", _folder.Write("old.json", old));
        Assert.Equal(2, code);
        Assert.Contains("carries no quoted sources: the part was written by an older attribution", stderr, StringComparison.Ordinal);

        (code, _, stderr) = CliRunner.Run("report", "merge", _folder.Write("junk.json", "{\"tool\": "));
        Assert.Equal(2, code);
        Assert.Contains("junk.json: not JSON", stderr, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_three_thirds_of_wikinews_merge_into_the_report_of_the_whole()
    {
        var wikinews = Path.Combine(Requires.SharedFolder("corpus"), "wikinews.jsonl");
        var lines = File.ReadAllLines(wikinews).Select(l => l + "\n").ToArray();
        var third = (lines.Length + 2) / 3;
        var parts = Enumerable.Range(0, 3).Select(i => Part($"third{i}", string.Concat(lines.Skip(i * third).Take(third)))).ToArray();

        var (_, expected, _) = CliRunner.Run("report", wikinews, "--format", "json", "--no-progress");
        var (code, actual, _) = CliRunner.Run(["report", "merge", .. parts, "--format", "json"]);

        Assert.Equal(0, code);
        var (whole, merged) = (JsonDocument.Parse(expected).RootElement, JsonDocument.Parse(actual).RootElement);
        Assert.Equal(whole.GetProperty("totals").ToString(), merged.GetProperty("totals").ToString());
        Assert.Equal(whole.GetProperty("topSources").ToString(), merged.GetProperty("topSources").ToString());
        Assert.True(whole.GetProperty("totals").GetProperty("stories").GetInt32() > 100);
        Assert.Equal(expected, actual);
    }

    // The recipe of docs/scale-out.md, run as written: a local Dask cluster of two workers maps shards of the
    // corpus through the tool and reduces with report merge.
    [SkippableFact]
    [Trait("Category", "Slow")]
    public void The_dask_recipe_gives_the_report_of_one_run_over_the_corpus()
    {
        var corpus = Requires.SharedFolder("corpus");
        var python = new[] { "python3", "/usr/bin/python3" }.FirstOrDefault(p => Run(p, ["-c", "import dask.bag, distributed"]).Code == 0);
        Requires.Dependency(python is not null, "no python3 here imports dask and distributed (Debian: python3-distributed)");
        var archives = Directory.GetFiles(corpus, "*.jsonl").Order(StringComparer.Ordinal).ToArray();
        var script = Path.Combine(TestPack.RepositoryRoot, "docs", "scale-out", "dask_report.py");
        var tool = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "attribution.exe" : "attribution");
        var output = Path.Combine(_folder.Root, "dask.json");

        var (code, _, stderr) = Run(python!, [script, "--tool", tool, "--workers", "2", "--blocksize", "2MiB", "--format", "json", "-o", output, .. archives]);
        Assert.True(code == 0, stderr);

        var (_, expected, _) = CliRunner.Run(["report", .. archives, "--format", "json", "--no-progress"]);
        var (whole, dask) = (JsonDocument.Parse(expected).RootElement, JsonDocument.Parse(File.ReadAllText(output)).RootElement);
        Assert.Equal(whole.GetProperty("totals").ToString(), dask.GetProperty("totals").ToString());
        Assert.Equal(whole.GetProperty("topSources").ToString(), dask.GetProperty("topSources").ToString());
        Assert.True(whole.GetProperty("totals").GetProperty("stories").GetInt32() > 20000);
    }

    public void Dispose() => _folder.Dispose();

    private static (int Code, string Stdout, string Stderr) Run(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, "", ex.Message);
        }
    }

    // The JSON report of one part, written beside the others.
    private string Part(string name, string jsonl, params string[] options)
    {
        var input = _folder.Write($"{name}.jsonl", jsonl);
        var (code, json, stderr) = CliRunner.Run(["report", input, "--format", "json", .. options]);
        Assert.True(code == 0, stderr);
        return _folder.Write($"{name}.json", json);
    }

    // Six stories written for this test in wire and web style: one source quoted across parts under a full
    // name and an honorific, an agency with and without its article, and a story with no desk.
    private static string[] ArchiveLines() =>
    [
        "{\"id\": \"metro/1\", \"desk\": \"metro\", \"date\": \"2026-03-02\", \"text\": \"Transit chief Ines Duarte said the night buses would return in April. \\\"We heard the riders,\\\" Duarte said.\"}\n",
        "{\"id\": \"metro/2\", \"desk\": \"metro\", \"date\": \"2026-03-09\", \"text\": \"\\\"Fares will not rise this year,\\\" Ms. Duarte said on Monday.\"}\n",
        "{\"id\": \"business/1\", \"desk\": \"business\", \"date\": \"2026-03-11\", \"text\": \"The Port Authority said cargo volumes rose 4 percent in February, a spokesperson for the agency, who was not authorized to speak publicly, said.\"}\n",
        "{\"id\": \"business/2\", \"desk\": \"business\", \"date\": \"2026-04-01\", \"text\": \"Port Authority officials said the new cranes were on schedule. \\\"The last two arrive in May,\\\" said Ines Duarte, who chairs the port board.\"}\n",
        "{\"id\": \"web/1\", \"date\": \"2026-04-03\", \"text\": \"UPDATE: The port authority confirmed the closure in a post on X. Residents said they were caught off guard.\"}\n",
        "{\"id\": \"metro/3\", \"desk\": \"metro\", \"date\": \"2026-04-20\", \"text\": \"A city official, speaking on condition of anonymity, said the bus depot would be sold.\"}\n",
    ];
}
