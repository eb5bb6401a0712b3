using System.Diagnostics;
using System.Text;

namespace Attribution.Tests.Cli;

/// <summary>
/// No output replaces an input, however its path is spelt; every report is written atomically, so a run cut short
/// leaves the previous file; a killed run's temporary file is cleaned by the next; fix keeps a story's encoding.
/// </summary>
public sealed class OutputSafetyTests : IDisposable
{
    private const string Claimed = "Vance claimed the budget was padded.\r\nOkafor said it was not.\r\n";

    private readonly TempFolder _temp = new("attribution-safety-");

    public void Dispose() => _temp.Dispose();

    [SkippableTheory]
    [InlineData("hard link", "-o")]
    [InlineData("hard link", "--sarif-output")]
    [InlineData("link to a folder on the way", "--write-baseline")]
    [InlineData("link to a folder on the way", "--json-output")]
    [InlineData("/proc/self/root", "-o")]
    public void An_output_that_is_an_input_by_another_path_is_refused(string spelling, string option)
    {
        Requires.Platform(OperatingSystem.IsLinux(), "links and /proc as Linux has them");
        var story = _temp.Write("s.txt", Claimed);
        var output = spelling switch
        {
            "hard link" => HardLink(story, Path.Combine(_temp.Root, "r.json")),
            "link to a folder on the way" => Path.Combine(SymbolicLink(Path.Combine(_temp.Root, "here"), _temp.Root), "s.txt"),
            _ => "/proc/self/root" + Path.GetFullPath(story), // the root folder seen through /proc, as /proc/self/cwd is
        };

        var (code, stdout, stderr) = CliRunner.Run("check", story, option, output);

        Assert.Equal(2, code);
        Assert.Contains("will not write", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
        Assert.Equal(Claimed, File.ReadAllText(story));
    }

    [Fact]
    public void A_report_is_written_whole_or_not_at_all()
    {
        var story = _temp.Write("s.txt", Claimed);
        var report = _temp.Write("report.json", "the previous report\n");

        // A run that fails before it ends (the rules cannot be loaded) leaves the previous report alone.
        var broken = Path.Combine(_temp.Root, "broken");
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "NR0001.Broken.yml"), "id: NR0001\ntitle: Broken\n");
        Assert.Equal(3, CliRunner.Run("check", story, "--rules", broken, "-o", report).Code);
        Assert.Equal("the previous report\n", File.ReadAllText(report));

        // A run that ends replaces it whole, and leaves no temporary file.
        Assert.Equal(0, CliRunner.Run("check", story, "--format", "json", "-o", report).Code);
        Assert.StartsWith("{", File.ReadAllText(report), StringComparison.Ordinal);
        Assert.Equal(["report.json", "s.txt"], Directory.GetFiles(_temp.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_killed_runs_temporary_file_is_cleaned_by_the_next_run()
    {
        var story = _temp.Write("s.txt", Claimed);
        var report = Path.Combine(_temp.Root, "report.json");

        // A process that has ended: its number is free, as after kill -9.
        using var ended = Process.Start(new ProcessStartInfo("true"))!;
        ended.WaitForExit();
        var orphan = _temp.Write($".report.json.attribution-{ended.Id}-0123456789abcdef0123456789abcdef.tmp", "half a report");
        var running = _temp.Write($".report.json.attribution-{Environment.ProcessId}-fedcba9876543210fedcba9876543210.tmp", "another run's report");
        var storyOrphan = _temp.Write($".s.txt.attribution-{ended.Id}-00000000000000000000000000000000.tmp", "half a story");

        Assert.Equal(0, CliRunner.Run("check", story, "--format", "json", "-o", report).Code);
        Assert.False(File.Exists(orphan));
        Assert.True(File.Exists(running)); // a live run's file is its own
        Assert.True(File.Exists(storyOrphan)); // another file's temporary is cleaned when that file is written

        Assert.Equal(0, CliRunner.Run("fix", story).Code);
        Assert.False(File.Exists(storyOrphan));
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8 with BOM")]
    [InlineData("utf-16 LE")]
    [InlineData("utf-16 BE")]
    [InlineData("utf-32 LE")]
    [InlineData("utf-32 BE")]
    public void Fix_writes_a_story_back_in_its_own_encoding_and_line_breaks(string name)
    {
        Encoding encoding = name switch
        {
            "utf-8" => new UTF8Encoding(false),
            "utf-8 with BOM" => new UTF8Encoding(true),
            "utf-16 LE" => new UnicodeEncoding(false, true),
            "utf-16 BE" => new UnicodeEncoding(true, true),
            "utf-32 LE" => new UTF32Encoding(false, true),
            _ => new UTF32Encoding(true, true),
        };
        var story = _temp.WriteBytes("enc.txt", [.. encoding.Preamble, .. encoding.GetBytes("Café owner Vance claimed the budget was padded.\r\nOkafor said it was not.\r\n")]);

        var (code, _, stderr) = CliRunner.Run("fix", story);

        Assert.True(code == 0, stderr);
        byte[] expected = [.. encoding.Preamble, .. encoding.GetBytes("Café owner Vance said the budget was padded.\r\nOkafor said it was not.\r\n")];
        Assert.Equal(expected, File.ReadAllBytes(story));
    }

    [SkippableFact]
    public void A_file_name_with_control_characters_is_shown_escaped()
    {
        Requires.Platform(!OperatingSystem.IsWindows(), "such names cannot be made there");
        var folder = Path.Combine(_temp.Root, "names");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a\u001b[31mred\nb.txt"), "Vance claimed the budget was padded.\n");

        var (_, text, _) = CliRunner.Run("check", folder);
        var (_, markdown, _) = CliRunner.Run("check", folder, "--format", "markdown");

        Assert.Contains("a\\x1b[31mred\\nb.txt(1,7): warning AT4001", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("a\\x1b[31mred\\nb.txt` line 1, column 7", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', markdown);
    }

    private static string HardLink(string existing, string link)
    {
        using var ln = Process.Start("ln", [existing, link]);
        ln.WaitForExit();
        Skip.If(ln.ExitCode != 0, "the file system cannot make hard links here");
        return link;
    }

    private static string SymbolicLink(string link, string target)
    {
        Directory.CreateSymbolicLink(link, target);
        return link;
    }
}
