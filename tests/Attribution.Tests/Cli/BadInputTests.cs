using System.Diagnostics;
using System.Text.Json;
using Attribution.Text;

namespace Attribution.Tests.Cli;

/// <summary>Any bytes in, a result or a clear error out, in bounded time; the other documents are still analysed.</summary>
public sealed class BadInputTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly TempFolder _temp = new("attribution-bad-");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("whitespace.txt", new byte[] { 0x20, 0x0A, 0x09, 0x0D, 0x0A }, "empty")]
    [InlineData("cp1252.txt", new byte[] { 0x93, 0x57, 0x65, 0x94, 0x20, 0x73, 0x68, 0x65, 0x20, 0x73, 0x61, 0x69, 0x64 }, "UTF-8")]
    [InlineData("nul.txt", new byte[] { 0x22, 0x48, 0x69, 0x00, 0x22 }, "binary")]
    public void Unreadable_text_is_a_clear_error_and_the_next_file_is_still_read(string name, byte[] bytes, string expected)
    {
        var bad = Path.Combine(_temp.Root, name);
        File.WriteAllBytes(bad, bytes);
        var good = Path.Combine(_temp.Root, "z-good.txt");
        File.WriteAllText(good, "\"Fine,\" she said.");
        var (code, stdout, stderr) = CliRunner.Run("check", "--format", "json", bad, good);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(stdout);
        Assert.Single(json.RootElement.GetProperty("documents").EnumerateArray());
    }

    [Fact]
    public void Crlf_line_ends_keep_offsets_and_line_numbers()
    {
        var text = "Budget day\r\n\r\nVance claimed the budget was padded.\r\n";
        var analysis = TestPack.Analyzer.Analyze(new SourceText("crlf.txt", text));
        var diagnostic = Assert.Single(analysis.Diagnostics);
        Assert.Equal("claimed", text[diagnostic.Span.Start..diagnostic.Span.End]);
        Assert.Equal(new LinePosition(3, 7), analysis.Document.Source.GetLinePosition(diagnostic.Span.Start));
    }

    [Theory]
    [InlineData("marks")]
    [InlineData("nested")]
    [InlineData("line")]
    [InlineData("quotes")]
    [InlineData("paragraphs")]
    public void Pathological_stories_finish_in_bounded_time(string kind)
    {
        var text = kind switch
        {
            "marks" => new string('"', 100_000),
            "nested" => string.Concat(Enumerable.Repeat("\"a 'b \u201Cc \u2018d \u00ABe ", 10_000)),
            "line" => string.Concat(Enumerable.Repeat("word said that ", 70_000)),
            "quotes" => string.Join(' ', Enumerable.Range(0, 40_000).Select(i => $"\"Quote {i} is here,\" he said.")),
            _ => string.Concat(Enumerable.Repeat("\"We will rebuild,\" said Mayor Ruth Okafor. Officials said the road was closed.\n\n", 25_000)),
        };
        var watch = Stopwatch.StartNew();
        var analysis = TestPack.Analyzer.Analyze(new SourceText(kind + ".txt", text));
        Assert.True(watch.Elapsed < Bound, $"{kind} took {watch.Elapsed}");
        Assert.All(analysis.Document.Quotations, q => Assert.InRange(q.Span.End, 0, text.Length));
    }

    [Fact]
    public void A_symlink_loop_in_a_folder_is_not_followed()
    {
        var inner = Directory.CreateDirectory(Path.Combine(_temp.Root, "desk")).FullName;
        File.WriteAllText(Path.Combine(inner, "a.txt"), "\"One,\" he said.");
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(inner, "loop"), inner);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return; // the file system cannot make links here; nothing to test
        }

        var watch = Stopwatch.StartNew();
        var (code, stdout, _) = CliRunner.Run("check", "--format", "json", inner);
        Assert.True(watch.Elapsed < Bound);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Single(json.RootElement.GetProperty("documents").EnumerateArray());
    }

    [Fact]
    public async Task A_named_pipe_in_a_folder_is_reported_not_waited_on()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no named pipes in the file system there
        }

        var desk = Directory.CreateDirectory(Path.Combine(_temp.Root, "desk")).FullName;
        File.WriteAllText(Path.Combine(desk, "a.txt"), "\"One,\" he said.");
        var pipe = Path.Combine(desk, "feed.txt");
        using (var mkfifo = Process.Start("mkfifo", [pipe]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var run = Task.Run(() => CliRunner.Run("check", "--format", "json", desk));
        var finished = await Task.WhenAny(run, Task.Delay(Bound)) == run;
        if (!finished)
        {
            // Give the reader stuck in open() its writer, so the test host is not left hanging.
            using var writer = new FileStream(pipe, FileMode.Open, FileAccess.Write);
        }

        Assert.True(finished, "check waited on a named pipe");
        var (code, stdout, stderr) = await run;
        Assert.Equal(2, code);
        Assert.Contains("feed.txt", stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(stdout);
        Assert.Single(json.RootElement.GetProperty("documents").EnumerateArray());
    }

    [Fact]
    public void An_oversized_rule_expression_is_refused_at_load()
    {
        var rules = Path.Combine(_temp.Root, "pack");
        Directory.CreateDirectory(rules);
        var expression = string.Join(" && ", Enumerable.Repeat("quote.HasCue", 400));
        File.WriteAllText(Path.Combine(rules, "NR0002.Huge.yml"), $"id: NR0002\ntitle: Huge\ncategory: Style\nseverity: warning\nscope: quote\nwhen: {expression}\nmessage: huge\n");
        var story = Path.Combine(_temp.Root, "s.txt");
        File.WriteAllText(story, "He said so.");
        var (code, _, stderr) = CliRunner.Run("check", "--rules", rules, story);
        Assert.Equal(3, code);
        Assert.Contains("longer than", stderr, StringComparison.Ordinal);
    }

}
