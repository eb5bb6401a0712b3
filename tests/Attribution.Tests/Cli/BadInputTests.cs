using System.Diagnostics;
using System.IO.Pipes;
using System.Text;
using System.Text.Json;
using Attribution.Cli;
using Attribution.Text;

namespace Attribution.Tests.Cli;

/// <summary>Any bytes in, a result or a clear error out, in bounded time; the other documents are still analysed.</summary>
public sealed class BadInputTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly TempFolder _temp = new("attribution-bad-");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("empty.txt", new byte[0], "empty")]
    [InlineData("bom-only.txt", new byte[] { 0xEF, 0xBB, 0xBF }, "empty")]
    [InlineData("whitespace.txt", new byte[] { 0x20, 0x0A, 0x09, 0x0D, 0x0A }, "empty")]
    [InlineData("invalid.txt", new byte[] { 0x22, 0x4F, 0x6B, 0xC3, 0x28, 0x22, 0x20, 0x68, 0x65, 0x20, 0x73, 0x61, 0x69, 0x64 }, "not valid UTF-8")]
    [InlineData("surrogate.txt", new byte[] { 0xFF, 0xFE, 0x22, 0x00, 0x00, 0xD8, 0x22, 0x00 }, "not valid UTF-16")]
    [InlineData("utf32-nul.txt", new byte[] { 0xFF, 0xFE, 0x00, 0x00, 0x22, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 }, "binary")]
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
    public void Random_bytes_are_refused_as_binary()
    {
        var bytes = new byte[4096];
        new Random(20261201).NextBytes(bytes);
        var bad = Path.Combine(_temp.Root, "scan.txt");
        File.WriteAllBytes(bad, bytes);
        var (code, _, stderr) = CliRunner.Run("check", bad);
        Assert.Equal(2, code);
        Assert.Contains("scan.txt: binary file", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    [InlineData("utf-32BE")]
    public void Text_with_a_byte_order_mark_is_read_in_its_encoding(string encoding)
    {
        var story = Path.Combine(_temp.Root, "story.txt");
        var text = Encoding.GetEncoding(encoding);
        File.WriteAllBytes(story, [.. text.Preamble, .. text.GetBytes("\u201CThe ferry is late,\u201D said Ruth Okafor.")]);
        var (code, stdout, stderr) = CliRunner.Run("check", "--format", "json", story);
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var quote = Assert.Single(json.RootElement.GetProperty("documents")[0].GetProperty("quotes").EnumerateArray());
        Assert.Equal("Ruth Okafor", quote.GetProperty("speaker").GetProperty("text").GetString());
        Assert.Equal("\u201CThe ferry is late,\u201D", quote.GetProperty("text").GetString());
    }

    [SkippableFact]
    public void Broken_links_and_unreadable_files_in_a_folder_are_reported_and_the_rest_is_read()
    {
        var desk = Directory.CreateDirectory(Path.Combine(_temp.Root, "desk")).FullName;
        var elsewhere = Directory.CreateDirectory(Path.Combine(_temp.Root, "elsewhere")).FullName;
        File.WriteAllText(Path.Combine(desk, "a.txt"), "\"One,\" he said.");
        File.WriteAllText(Path.Combine(elsewhere, "b.txt"), "\"Two,\" she said.");
        var locked = Path.Combine(desk, "locked.txt");
        File.WriteAllText(locked, "\"Three,\" they said.");
        try
        {
            File.CreateSymbolicLink(Path.Combine(desk, "linked.txt"), Path.Combine(elsewhere, "b.txt"));
            File.CreateSymbolicLink(Path.Combine(desk, "dangling.txt"), Path.Combine(elsewhere, "gone.txt"));
            File.CreateSymbolicLink(Path.Combine(desk, "loop1.txt"), Path.Combine(desk, "loop2.txt"));
            File.CreateSymbolicLink(Path.Combine(desk, "loop2.txt"), Path.Combine(desk, "loop1.txt"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            throw new SkipException("the file system cannot make links here; nothing to test");
        }

        // Root reads a file of mode 000 anyway, so that part of the test only bites for other users;
        // /proc/self/mem opens for anyone and fails on the first read, which stands in for a disk error.
        var lockedOut = !OperatingSystem.IsWindows() && Environment.UserName != "root";
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(locked, UnixFileMode.None);
        }

        string[] args = OperatingSystem.IsLinux() ? ["check", "--format", "json", desk, "/proc/self/mem"] : ["check", "--format", "json", desk];
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Contains("dangling.txt: broken symbolic link", stderr, StringComparison.Ordinal);
        Assert.Contains("loop1.txt: ", stderr, StringComparison.Ordinal);
        Assert.Contains("loop2.txt: ", stderr, StringComparison.Ordinal);
        if (OperatingSystem.IsLinux())
        {
            Assert.Contains("/proc/self/mem: ", stderr, StringComparison.Ordinal);
        }

        if (lockedOut)
        {
            Assert.Contains("locked.txt: permission denied", stderr, StringComparison.Ordinal);
        }

        using var json = JsonDocument.Parse(stdout);
        var read = json.RootElement.GetProperty("documents").EnumerateArray().Select(d => Path.GetFileName(d.GetProperty("path").GetString())).ToList();
        Assert.Equal(lockedOut ? ["a.txt", "linked.txt"] : ["a.txt", "linked.txt", "locked.txt"], read);
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
    [Trait("Category", "Slow")]
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
        // 20 seconds, or 20 times as long as ordinary copy of its length takes on this machine right now.
        var bound = Pace.Bound(Bound, 20, text.Length);
        var watch = Stopwatch.StartNew();
        var analysis = TestPack.Analyzer.Analyze(new SourceText(kind + ".txt", text));
        Assert.True(watch.Elapsed < bound, $"{kind} took {watch.Elapsed} (bound {bound})");
        Assert.All(analysis.Document.Quotations, q => Assert.InRange(q.Span.End, 0, text.Length));
    }

    [Theory]
    [InlineData("divs.html", "HTML nested more than 512 elements deep")]
    [InlineData("bold.html", "HTML nested more than 512 elements deep")]
    [InlineData("paragraphs.xml", "XML nested more than 512 elements deep")]
    [InlineData("lists.md", "Markdown nested too deeply to read: a line starts with more than 1,000")]
    [InlineData("quotes.md", "Markdown nested too deeply to read: a line starts with more than 1,000")]
    [InlineData("brackets.md", "Markdown nested too deeply to read: blocks, brackets or emphasis")]
    [InlineData("emphasis.md", "Markdown nested too deeply to read: blocks, brackets or emphasis")]
    public async Task Markup_nested_too_deeply_is_refused_in_bounded_time(string name, string expected)
    {
        // The HTML tree builder, LINQ to XML and Markdig each do work per element that grows with its depth:
        // 100,000 unclosed <div> ran for minutes, 2,000 nested list items for 26 s, and Markdig's own depth
        // limit escaped as an exception that ended the whole run.
        const int N = 100_000;
        var text = name switch
        {
            "divs.html" => "<html><body>" + Repeat("<div>", N) + "<p>\"Deep,\" he said.</p>" + Repeat("</div>", N) + "</body></html>",
            "bold.html" => "<html><body>" + Repeat("<b>", N) + "<p>\"Deep,\" he said.</p></body></html>",
            "paragraphs.xml" => "<nitf><body><body.content>" + Repeat("<p>", N) + "\"Deep,\" he said." + Repeat("</p>", N) + "</body.content></body></nitf>",
            "lists.md" => string.Concat(Enumerable.Range(0, 2_000).Select(i => new string(' ', 2 * i) + "- item\n")),
            "quotes.md" => Repeat(">", N) + " \"Deep,\" he said.\n",
            "brackets.md" => Repeat("[", N) + "\"Deep,\" he said.\n",
            _ => Repeat("*a ", N) + "\"Deep,\" he said.\n",
        };
        var bad = _temp.Write(name, text);
        var good = _temp.Write("good.txt", "\"We will reopen the bridge,\" Mayor Ana Ruiz said.");

        var run = Task.Run(() => CliRunner.Run("check", "--format", "json", bad, good));
        Assert.True(await Task.WhenAny(run, Task.Delay(Bound)) == run, $"{name} was not refused within {Bound}");
        var (code, stdout, stderr) = await run;

        Assert.Equal(2, code);
        Assert.Contains($"attribution: {bad}: {expected}", stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(stdout);
        Assert.Single(json.RootElement.GetProperty("documents").EnumerateArray());

        static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();
    }

    [Theory]
    [InlineData("page.html", "<html><body><div><div><p>\"Nested,\" she said.</p></div></div></body></html>")]
    [InlineData("story.xml", "<nitf><body><body.content><block><p>\"Nested,\" she said.</p></block></body.content></body></nitf>")]
    [InlineData("story.md", "> - > 1. \"Nested,\" she said.\n")]
    public void Markup_nested_as_stories_nest_is_read(string name, string text)
    {
        var path = _temp.Write(name, text);

        var (code, stdout, stderr) = CliRunner.Run("check", "--format", "json", path);

        Assert.True(code is 0 or 1, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("\"Nested,\"", json.RootElement.GetProperty("documents")[0].GetProperty("quotes")[0].GetProperty("text").GetString());
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_50_MB_story_finishes_in_bounded_time()
    {
        // The plain-text samples over and over: the same people, and a new anonymous source in every copy, so
        // any walk over all earlier sources per mention is quadratic here (it ran for over 15 minutes).
        var samples = Directory.GetFiles(Path.Combine(TestPack.RepositoryRoot, "samples"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText);
        var copy = string.Join("\n\n", samples);
        var text = new StringBuilder(50_000_000 + copy.Length);
        while (text.Length < 50_000_000)
        {
            text.Append(copy).Append("\n\n");
        }

        // Three minutes, or four times as long as a million characters take now, times 50: the quadratic walk
        // took more than 45 times as long as the linear one.
        var bound = Pace.Bound(TimeSpan.FromMinutes(3), 4, text.Length);
        var watch = Stopwatch.StartNew();
        var analysis = TestPack.Analyzer.Analyze(new SourceText("huge.txt", text.ToString()));
        Assert.True(watch.Elapsed < bound, $"a 50 MB story took {watch.Elapsed} (bound {bound})");
        var copies = text.Length / (copy.Length + 2);
        Assert.InRange(analysis.Document.Quotations.Length, copies * 10, copies * 100);
    }

    [SkippableFact]
    public void A_pipe_named_on_the_command_line_is_read()
    {
        Requires.Platform(OperatingSystem.IsLinux(), "/proc/self/fd, where <(zcat story.txt.gz) and /dev/stdin lead, is Linux's");

        // What `attribution check <(zcat story.txt.gz)` names: a link to "pipe:[inode]", which is no path.
        using var writer = new AnonymousPipeServerStream(PipeDirection.Out);
        var fd = writer.ClientSafePipeHandle.DangerousGetHandle();
        writer.Write("\"The pipe works,\" the plumber said."u8);
        writer.Close();
        var link = $"/proc/self/fd/{fd}";
        Assert.StartsWith("pipe:", new FileInfo(link).LinkTarget, StringComparison.Ordinal);

        var (code, stdout, stderr) = CliRunner.Run("check", "--format", "json", link);

        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var quote = json.RootElement.GetProperty("documents")[0].GetProperty("quotes")[0];
        Assert.Equal("\"The pipe works,\"", quote.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("text")]
    [InlineData("jsonl")]
    public void A_standard_input_that_cannot_be_read_says_why(string format)
    {
        // A closed descriptor: .NET reports "access denied" around the system's words.
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var closed = new UnauthorizedAccessException("Access to the path is denied.", new IOException("Bad file descriptor"));
        var code = CliApp.Run(["check", "--input-format", format, "-"], new CliConsole(stdout, stderr, () => throw closed, IsTerminal: false));

        Assert.Equal(2, code);
        Assert.Contains("attribution: <stdin>: Bad file descriptor", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr.ToString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("text")]
    [InlineData("jsonl")]
    public async Task A_standard_input_the_shell_closed_is_not_read(string format)
    {
        Requires.Platform(!OperatingSystem.IsWindows(), "`<&-` is a Unix shell's");

        // The real process, started by a shell with descriptor 0 closed. The runtime's first file takes the free
        // descriptor (/dev/urandom for the compiled tool), and reading it as the story waited forever.
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-c", "exec \"$@\" <&-", "bash", "dotnet", Path.Combine(AppContext.BaseDirectory, "attribution.dll"), "check", "--input-format", format, "-" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExit((int)Bound.TotalMilliseconds);
        if (!exited)
        {
            process.Kill();
        }

        Assert.True(exited, "the run waited on a closed standard input");
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("attribution: <stdin>: standard input is closed", await stderr, StringComparison.Ordinal);
    }

    [SkippableFact]
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
            throw new SkipException("the file system cannot make links here; nothing to test");
        }

        var watch = Stopwatch.StartNew();
        var (code, stdout, _) = CliRunner.Run("check", "--format", "json", inner);
        Assert.True(watch.Elapsed < Bound);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Single(json.RootElement.GetProperty("documents").EnumerateArray());
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_named_pipe_in_a_folder_is_reported_not_waited_on(bool behindLink)
    {
        Requires.Platform(!OperatingSystem.IsWindows(), "no named pipes in the file system there");

        var desk = Directory.CreateDirectory(Path.Combine(_temp.Root, "desk")).FullName;
        File.WriteAllText(Path.Combine(desk, "a.txt"), "\"One,\" he said.");
        var pipe = Path.Combine(behindLink ? _temp.Root : desk, "feed.txt");
        FileReplacementTests.MakeFifo(pipe);
        if (behindLink)
        {
            // A link's own length is that of the path it holds: the pipe must be recognised at the far end.
            File.CreateSymbolicLink(Path.Combine(desk, "feed.txt"), pipe);
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

    [SkippableTheory]
    [InlineData("lexicon", false)]
    [InlineData("lexicon", true)]
    [InlineData("rule", false)]
    [InlineData("editorconfig", false)]
    [InlineData("editorconfig", true)]
    [InlineData("fixtures", false)]
    public async Task A_named_pipe_the_run_finds_by_itself_is_not_waited_on(string where, bool behindLink)
    {
        Requires.Platform(!OperatingSystem.IsWindows(), "no named pipes in the file system there");

        var rules = Path.Combine(_temp.Root, "rules");
        Configuration.RuleLoadingTests.CopyDirectory(TestPack.RulesDirectory, rules);
        var desk = Directory.CreateDirectory(Path.Combine(_temp.Root, "desk")).FullName;
        var story = Path.Combine(desk, "a.txt");
        File.WriteAllText(story, "\"One,\" Mayor Ruth Okafor said.");
        var file = where switch
        {
            "lexicon" => Path.Combine(rules, "lexicon", "zz-feed.yml"),
            "rule" => Path.Combine(rules, "style", "AT4999.Feed.yml"),
            "editorconfig" => Path.Combine(desk, ".editorconfig"),
            _ => Path.Combine(rules, "style", "AT4001.LoadedAttributionVerb.fixtures.md"),
        };
        File.Delete(file);
        var pipe = behindLink ? Path.Combine(_temp.Root, "feed") : file;
        FileReplacementTests.MakeFifo(pipe);
        if (behindLink)
        {
            File.CreateSymbolicLink(file, pipe);
        }

        string[] args = where == "fixtures" ? ["rules", "test", "--rules", rules] : ["check", "--format", "json", "--rules", rules, story];
        var run = Task.Run(() => CliRunner.Run(args));
        var finished = await Task.WhenAny(run, Task.Delay(Bound)) == run;
        if (!finished)
        {
            using var writer = new FileStream(pipe, FileMode.Open, FileAccess.Write); // unblocks the stuck reader
        }

        Assert.True(finished, $"the run waited on a named pipe ({where})");
        var (code, stdout, stderr) = await run;
        switch (where)
        {
            case "lexicon" or "rule":
                // A rules folder with a file that cannot be read is a rule error, located at the file.
                Assert.Equal(3, code);
                Assert.Contains($"{file}(1,1): error AT0001: file is empty", stderr, StringComparison.Ordinal);
                break;
            case "editorconfig":
                // An .editorconfig that says nothing changes nothing.
                Assert.Equal(0, code);
                Assert.Equal("", stderr);
                using (var json = JsonDocument.Parse(stdout))
                {
                    Assert.Single(json.RootElement.GetProperty("documents").EnumerateArray());
                }

                break;
            default:
                // The pipe holds no cases; every other rule's cases are still run.
                Assert.Equal(0, code);
                var all = new Attribution.Analysis.Rules.RuleTester(TestPack.Analyzer).Run(TestPack.Pack.Diagnostics).Cases;
                var left = all - Attribution.Analysis.Rules.RuleTester.ReadFixtures(Path.Combine(TestPack.RulesDirectory, "style", Path.GetFileName(file))).Count;
                Assert.Contains($" rule(s), {left} case(s): {left} passed, 0 failed", stdout, StringComparison.Ordinal);
                break;
        }
    }

    [SkippableFact]
    public void A_file_name_that_is_not_utf8_is_named_with_the_reason()
    {
        Requires.Platform(!OperatingSystem.IsWindows(), "names there are UTF-16");

        // Latin-1 "é" (0xE9) in a name, as an old archive copied from another system has it. .NET cannot open it.
        var desk = Directory.CreateDirectory(Path.Combine(_temp.Root, "desk")).FullName;
        File.WriteAllText(Path.Combine(desk, "a.txt"), "\"One,\" he said.");
        Bash(desk, "printf '\"Two,\" she said.' > $'caf\\xe9.txt'");
        int code;
        string stdout, stderr;
        try
        {
            (code, stdout, stderr) = CliRunner.Run("check", "--format", "json", desk);
        }
        finally
        {
            Bash(desk, "rm $'caf\\xe9.txt'"); // nor can .NET delete it
        }

        Assert.Equal(2, code);
        Assert.Contains("the file name is not valid UTF-8, so it cannot be opened here; rename the file", stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(stdout);
        Assert.Single(json.RootElement.GetProperty("documents").EnumerateArray());
    }

    private static void Bash(string folder, string script)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = folder };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var bash = Process.Start(start)!;
        bash.WaitForExit();
        Assert.Equal(0, bash.ExitCode);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("1.5")]
    public void A_thread_count_that_is_not_a_positive_number_is_a_usage_error(string value)
    {
        var story = _temp.Write("story.txt", "\"One,\" he said.");

        var (code, _, stderr) = CliRunner.Run("check", "--threads", value, story);

        Assert.Equal(2, code);
        Assert.StartsWith($"attribution: --threads must be a whole number of at least 1, not '{value}'", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("report")]
    [InlineData("fix")]
    public void A_rule_that_throws_mid_run_is_a_rule_error_and_the_rest_is_analysed(string command)
    {
        // The probe at load runs the expression on empty facts, where the length test short-circuits; the
        // first long quotation made it throw, and the exception ended the run with a stack trace.
        var rules = TailRulePack();
        var story = _temp.Write("a.txt", "\"We will win the election in the autumn and then we will govern,\" the mayor claimed.\n\n\"No,\" he said.\n");
        var other = _temp.Write("b.txt", "\"Yes,\" Mayor Ana Ruiz said.\n");

        var (code, stdout, stderr) = command == "fix"
            ? CliRunner.Run(command, "--rules", rules, story, other)
            : CliRunner.Run(command, "--format", "json", "--rules", rules, story, other);

        Assert.Equal(3, code);
        var failure = $"{Path.Combine(rules, "NR0003.Tail.yml")}(6,7): error AT0001: rule NR0003 failed at {story}(1,1) and was skipped there: Index and length must refer to a location within the string. (Parameter 'length')";
        if (command == "fix")
        {
            // The other rules' fixes were applied to the story the rule failed on.
            Assert.StartsWith(failure + Environment.NewLine, stderr, StringComparison.Ordinal);
            Assert.Contains("the mayor said.", File.ReadAllText(story), StringComparison.Ordinal);
            return;
        }

        Assert.Equal(failure + Environment.NewLine, stderr);
        using var json = JsonDocument.Parse(stdout);
        if (command == "check")
        {
            // The other rules still ran on the story the rule failed on, and the other story was analysed.
            var documents = json.RootElement.GetProperty("documents");
            Assert.Equal(2, documents.GetArrayLength());
            Assert.Contains(documents[0].GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("id").GetString() == "AT4001");
        }
    }

    [Theory]
    [InlineData("check")]
    [InlineData("report")]
    public void A_rule_failing_in_many_stories_is_reported_at_the_first_story_whatever_the_threads(string command)
    {
        // The first story is long, so the workers finish later stories before it: the report must still name
        // the first story in input order, as a run on one thread does.
        var rules = TailRulePack();
        var failing = "\"We will win the election in the autumn and then we will govern,\" the mayor claimed.\n\n";
        var filler = string.Concat(Enumerable.Range(0, 20000).Select(i => $"\"Point {i},\" Councillor Ana Ruiz said.\n\n"));
        var stories = new List<string> { _temp.Write("s000.txt", filler + failing) };
        stories.AddRange(Enumerable.Range(1, 40).Select(i => _temp.Write($"s{i:000}.txt", failing)));

        var (code, _, stderr) = CliRunner.Run([command, "--threads", "4", "--format", "json", "--rules", rules, .. stories]);

        Assert.Equal(3, code);
        Assert.StartsWith($"{Path.Combine(rules, "NR0003.Tail.yml")}(6,7): error AT0001: rule NR0003 failed at {stories[0]}(40001,1) and was skipped there (and in 40 more document(s)): ", stderr, StringComparison.Ordinal);
    }

    // A pack with one rule that passes the probe at load (the length test short-circuits on empty facts) and
    // throws on a quotation longer than 30 characters and shorter than 70.
    private string TailRulePack()
    {
        var rules = Path.Combine(_temp.Root, "pack");
        Directory.CreateDirectory(rules);
        File.WriteAllText(Path.Combine(rules, "NR0003.Tail.yml"), "id: NR0003\ntitle: Tail\ncategory: Style\nseverity: warning\nscope: quote\nwhen: quote.Text.Length > 30 && quote.Text.Substring(30, 40).Length > 5\nmessage: tail\n");
        return rules;
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
