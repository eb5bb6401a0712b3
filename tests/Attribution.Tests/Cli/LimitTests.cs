using System.Diagnostics;
using Attribution.Analysis;
using Attribution.Text;

namespace Attribution.Tests.Cli;

/// <summary>
/// Every reader has a named limit with a clear error; a rule's cost is bounded at load and in time; a standard
/// error that cannot be written never ends a run.
/// </summary>
public sealed class LimitTests : IDisposable
{
    private readonly TempFolder _temp = new("attribution-limits-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Yaml_nested_past_the_limit_is_a_located_rule_error_not_a_stack_overflow()
    {
        var pack = Path.Combine(_temp.Root, "deep");
        Directory.CreateDirectory(pack);
        File.WriteAllText(Path.Combine(pack, "NR0001.Deep.yml"), """
            id: NR0001
            title: Deep
            category: Style
            severity: warning
            scope: quote
            when: quote.Text.Length > 0
            message: "deep"
            examples: 
            """ + new string('[', 80_000) + new string(']', 80_000) + "\n");
        var story = _temp.Write("s.txt", "\"Fine,\" she said.\n");

        foreach (var args in new[] { new[] { "check", story, "--rules", pack }, ["rules", "test", pack] })
        {
            var (code, stdout, stderr) = CliRunner.Run(args);
            Assert.Equal(3, code);
            Assert.Matches(@"NR0001\.Deep\.yml\(8,\d+\): error AT0001: nested more than 64 levels deep", stderr + stdout);
        }
    }

    [SkippableFact]
    public void A_baseline_that_never_ends_is_refused_at_its_limit()
    {
        Requires.Platform(File.Exists("/dev/zero"), "a device that never ends");
        var story = _temp.Write("s.txt", "Vance claimed the budget was padded.\n");
        var link = Path.Combine(_temp.Root, "baseline.json");
        File.CreateSymbolicLink(link, "/dev/zero");

        var watch = Stopwatch.StartNew();
        var (code, _, stderr) = CliRunner.Run("check", story, "--baseline", link);

        Assert.Equal(2, code);
        Assert.Contains("is larger than a baseline can be (64 MiB)", stderr, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("string.Join(quote.Text, quote.Text.Split(' ')).Length > 0", "'string.Join' over a sequence")]
    [InlineData("string.Concat(quote.Text.Split(' ')).Length > 0", "'string.Concat' over a sequence")]
    [InlineData("quote.Text.Split(' ').Count(w => (w + quote.Text).Length > 5) > 0", "with a text of the story is not allowed inside a lambda")]
    [InlineData("quote.Text.Split(' ').Count(w => w.Insert(0, quote.Text).Length > 5) > 0", "'string.Insert' with a text of the story")]
    public void A_rule_whose_cost_grows_with_the_text_times_the_text_is_refused_at_load(string when, string reason)
    {
        var pack = Path.Combine(_temp.Root, "cost");
        Directory.CreateDirectory(pack);
        File.WriteAllText(Path.Combine(pack, "NR0001.Cost.yml"), $"id: NR0001\ntitle: Cost\ncategory: Style\nseverity: warning\nscope: quote\nwhen: \"{when}\"\nmessage: \"x\"\n");
        var story = _temp.Write("s.txt", "\"Fine,\" she said.\n");

        var (code, _, stderr) = CliRunner.Run("check", story, "--rules", pack);

        Assert.Equal(3, code);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page.html", "an HTML element has more than 1,000 attributes; not read")]
    [InlineData("story.nitf", "an XML element has more than 1,000 attributes; not read")]
    public void An_element_with_hundreds_of_thousands_of_attributes_is_refused_in_bounded_time(string name, string reason)
    {
        // .NET's XML reader took 19 s for 400,000 attributes on one element and AngleSharp over two minutes.
        var attributes = string.Join(' ', Enumerable.Range(0, 400_000).Select(i => $"a{i}=\"x\""));
        var file = _temp.Write(name, name.EndsWith(".html", StringComparison.Ordinal)
            ? $"<html><body><p {attributes}>Hi</p></body></html>"
            : $"<nitf><body><body.content><p {attributes}>Hi</p></body.content></body></nitf>");
        var good = _temp.Write("good.txt", "Vance claimed the budget was padded.\n");

        var watch = Stopwatch.StartNew();
        var (code, stdout, stderr) = CliRunner.Run("check", file, good);

        Assert.Equal(2, code);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
        Assert.Contains("AT4001", stdout, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Rules_read_at_most_a_million_characters_of_a_quotation()
    {
        var pack = Path.Combine(_temp.Root, "length");
        Directory.CreateDirectory(pack);
        File.WriteAllText(Path.Combine(pack, "NR0001.Length.yml"), "id: NR0001\ntitle: Length\ncategory: Style\nseverity: warning\nscope: quote\nwhen: \"quote.Text.Length == 1000000\"\nmessage: \"at the limit\"\n");
        var story = _temp.Write("long.txt", "\"" + string.Concat(Enumerable.Repeat("the plan is working and ", 60_000)) + "\" she said.\n");

        var (code, stdout, stderr) = CliRunner.Run("check", story, "--rules", pack);

        Assert.True(code == 0, stderr);
        Assert.Contains("warning NR0001: at the limit", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_over_its_time_budget_in_a_story_is_stopped_there_and_reported()
    {
        var story = string.Join("\n\n", Enumerable.Range(0, 200).Select(i => $"\"Point {i} stands,\" Vance claimed."));
        var analyzer = new Analyzer(TestPack.Pack, TimeSpan.Zero);

        var analysis = analyzer.Analyze(new SourceText("long.txt", story));

        Assert.NotEmpty(analysis.RuleFailures);
        Assert.All(analysis.RuleFailures, f => Assert.Contains("the budget of one rule in one story", f.Message, StringComparison.Ordinal));

        // Stopped: the claims past the first checks are not all reported (with no budget, every one of the 200 is).
        Assert.True(analysis.Diagnostics.Count(d => d.Id == "AT4001") < 200);
        Assert.Equal(200, TestPack.Analyzer.Analyze(new SourceText("long.txt", story)).Diagnostics.Count(d => d.Id == "AT4001"));
    }

    [SkippableTheory]
    [InlineData("2>&-")]
    [InlineData("2>/dev/full")]
    public void A_standard_error_that_cannot_be_written_never_ends_the_run(string redirection)
    {
        Requires.Platform(OperatingSystem.IsLinux(), "bash redirections and /dev/full");
        var story = _temp.Write("s.txt", "Vance claimed the budget was padded.\n");
        var baseline = Path.Combine(_temp.Root, "b.json");
        var cli = Path.Combine(AppContext.BaseDirectory, "attribution.dll");

        // A missing input: exit 2 for the input, not 134 for the message about it.
        Assert.Equal(2, Bash($"dotnet '{cli}' check '{_temp.Root}/missing.txt' >/dev/null {redirection}"));

        // The baseline is written and the exit code is the work's.
        Assert.Equal(0, Bash($"dotnet '{cli}' check '{story}' --write-baseline '{baseline}' >/dev/null {redirection}"));
        Assert.Contains("\"findings\"", File.ReadAllText(baseline), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [Trait("Category", "Slow")]
    [InlineData("quotation")]
    [InlineData("html")]
    public void Under_a_heap_hard_limit_a_hostile_story_ends_with_a_result_or_a_clear_error(string kind)
    {
        Requires.Platform(OperatingSystem.IsLinux(), "bash and the runtime's heap limit as Linux containers set it");
        var cli = Path.Combine(AppContext.BaseDirectory, "attribution.dll");
        var good = _temp.Write("good.txt", "Vance claimed the budget was padded.\n");
        string story;
        if (kind == "quotation")
        {
            // A 60 MB quotation: its text was escaped for JSON in one piece, and the run aborted with exit 134.
            story = Path.Combine(_temp.Root, "quote.txt");
            using var writer = new StreamWriter(story);
            writer.Write('"');
            for (var i = 0; i < 2_500_000; i++)
            {
                writer.Write("the plan is working and ");
            }

            writer.Write("\" she said.\n");
        }
        else
        {
            // 1.2 million elements: the tree took 1.7 GB.
            story = _temp.Write("bold.html", "<html><body>" + string.Concat(Enumerable.Repeat("<p><b><i>", 400_000)));
        }

        var json = Path.Combine(_temp.Root, "out.json");
        var code = Bash($"DOTNET_GCHeapHardLimit=0x30000000 dotnet '{cli}' check '{story}' '{good}' --format json -o '{json}' 2>'{_temp.Root}/err.txt'");
        var stderr = File.ReadAllText(Path.Combine(_temp.Root, "err.txt"));

        Assert.True(code == (kind == "html" ? 2 : 0), $"exit {code}: {stderr}");
        var report = File.ReadAllText(json);
        Assert.Contains("good.txt", report, StringComparison.Ordinal); // the good story beside it is not lost
        if (kind == "html")
        {
            Assert.Contains("HTML with more than 100,000 elements", stderr, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("\"the plan is working and the plan", report, StringComparison.Ordinal);
        }
    }

    private static int Bash(string script)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var bash = Process.Start(start)!;
        bash.StandardOutput.ReadToEnd();
        Assert.True(bash.WaitForExit(TimeSpan.FromMinutes(2)), script);
        return bash.ExitCode;
    }
}
