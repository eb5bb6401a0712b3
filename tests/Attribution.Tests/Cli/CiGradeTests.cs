using System.Text.Json;

namespace Attribution.Tests.Cli;

/// <summary>The command line as linters have it: options, suppressions, configuration problems, outputs and counts.</summary>
public sealed class CiGradeTests : IDisposable
{
    private const string Claimed = "Vance claimed the budget was padded.\n";

    private readonly TempFolder _temp = new("attribution-ci-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void An_unknown_option_is_refused_with_the_nearest_name_and_nothing_on_stdout()
    {
        var story = _temp.Write("story.txt", Claimed);
        var (code, stdout, stderr) = CliRunner.Run("check", story, "--formt", "json");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("unknown option '--formt'; did you mean --format?", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("file not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_story_whose_name_starts_with_a_dash_is_read_after_the_separator()
    {
        var story = _temp.Write("-odd.txt", Claimed);
        var previous = Environment.CurrentDirectory;
        var (code, stdout, stderr) = CliRunner.Run("check", "--format", "json", "--", story);
        Assert.Equal(0, code);
        Assert.Contains("AT4001", stdout, StringComparison.Ordinal);
        Assert.Equal("", stderr);
        Assert.Equal(previous, Environment.CurrentDirectory);
    }

    [Fact]
    public void Disable_next_line_and_disable_line_cover_one_line_and_ids_match_whole()
    {
        var story = _temp.Write("s.md", """
            <!-- attribution-disable-next-line AT4001 -->
            Vance claimed the budget was padded.

            Okafor claimed it was not. <!-- attribution-disable-line AT4001 -- her word -->

            Ruiz claimed the audit was late.

            <!-- attribution-disable AT400 -->
            Lee claimed the roads were fine.
            """);
        var (_, stdout, _) = CliRunner.Run("check", "--format", "json", story);
        var diagnostics = Diagnostics(stdout);
        var active = diagnostics.Where(d => !d.TryGetProperty("suppression", out _)).ToList();

        // Only Ruiz's (no comment) and Lee's (AT400 is no rule, so nothing is switched off) are left.
        Assert.Equal([6, 9], active.Where(d => Id(d) == "AT4001").Select(d => d.GetProperty("line").GetInt32()));
        Assert.Equal(2, diagnostics.Count(d => Id(d) == "AT4001" && d.TryGetProperty("suppression", out _)));
        var unknown = Assert.Single(active, d => Id(d) == "AT0002");
        Assert.Equal(8, unknown.GetProperty("line").GetInt32());
        Assert.Contains("'AT400'", unknown.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_suppression_comment_naming_no_rule_or_no_directive_is_a_located_warning()
    {
        var story = _temp.Write("s.md", "<!-- attribution-disable AT4010 -->\nThe plan was fine.\n\n<!-- attribution-disabel AT4001 -->\nVance claimed it.\n");
        var (code, stdout, _) = CliRunner.Run("check", story);
        Assert.Equal(0, code);
        Assert.Contains("s.md(1,1): warning AT0002: the suppression comment names 'AT4010', which is no rule", stdout, StringComparison.Ordinal);
        Assert.Contains("s.md(4,1): warning AT0002: 'attribution-disabel' is no suppression directive", stdout, StringComparison.Ordinal);
        Assert.Contains("warning AT4001", stdout, StringComparison.Ordinal);
        Assert.Equal(1, CliRunner.Run("check", "--fail-on", "warning", story).Code);
    }

    [Fact]
    public void Editorconfig_keys_naming_nothing_warn_and_values_that_do_not_parse_fail()
    {
        _temp.Write(".editorconfig", """
            root = true
            [*.txt]
            attribution_diagnostic.AT2020.severity = error
            attribution_diagnostic.category-Stile.severity = none
            attribution.AT3001.max_share = 0.4
            """);
        var story = _temp.Write("c.txt", Claimed);
        var (code, stdout, stderr) = CliRunner.Run("check", story);
        Assert.Equal(0, code);
        Assert.Contains(".editorconfig(3,1): warning AT0002: attribution_diagnostic.AT2020.severity names no rule", stderr, StringComparison.Ordinal);
        Assert.Contains(".editorconfig(4,1): warning AT0002: attribution_diagnostic.category-Stile.severity names no category", stderr, StringComparison.Ordinal);
        Assert.Contains(".editorconfig(5,1): warning AT0002: AT3001 has no option 'max_share'", stderr, StringComparison.Ordinal);
        Assert.Contains("warning AT4001", stdout, StringComparison.Ordinal);

        _temp.Write(".editorconfig", "root = true\n[*.txt]\nattribution.AT3001.max_anonymous_share = half\n");
        var (explainCode, explain, _) = CliRunner.Run("config", "--explain", story);
        Assert.Equal(3, explainCode);
        var row = explain.Split('\n').Single(l => l.TrimStart().StartsWith("AT3001.max_anonymous_share", StringComparison.Ordinal));
        Assert.Contains("0.5", row, StringComparison.Ordinal);
        Assert.Contains("default", row, StringComparison.Ordinal);
        Assert.DoesNotContain("half", row, StringComparison.Ordinal);
        Assert.Contains(".editorconfig(3,1): error AT0001: attribution.AT3001.max_anonymous_share = half", explain, StringComparison.Ordinal);
        Assert.Equal(3, CliRunner.Run("check", story).Code);
    }

    [Fact]
    public void Fix_check_fails_on_pending_fixes_and_writes_nothing()
    {
        var story = _temp.Write("f.txt", Claimed);
        var (code, stdout, _) = CliRunner.Run("fix", "--check", story);
        Assert.Equal(1, code);
        Assert.Contains("f.txt: 1 fix(es) pending", stdout, StringComparison.Ordinal);
        Assert.Equal(Claimed, File.ReadAllText(story));
        Assert.Equal(0, CliRunner.Run("fix", "--dry-run", story).Code);
        Assert.Equal(0, CliRunner.Run("fix", story).Code);
        Assert.Equal(0, CliRunner.Run("fix", "--check", story).Code);
    }

    [Fact]
    public void Max_warnings_quiet_and_category_severities_work_as_linters_have_them()
    {
        var story = _temp.Write("w.txt", Claimed + "\nOkafor insisted the audit was late.\n");
        Assert.Equal(1, CliRunner.Run("check", "--max-warnings", "1", story).Code);
        Assert.Equal(0, CliRunner.Run("check", "--max-warnings", "2", story).Code);
        Assert.Contains("more than --max-warnings 0", CliRunner.Run("check", "--max-warnings", "0", story).Stderr, StringComparison.Ordinal);

        var (_, quiet, _) = CliRunner.Run("check", "--quiet", "--format", "json", story);
        Assert.Empty(Diagnostics(quiet));
        var (_, loud, _) = CliRunner.Run("check", "--quiet", "--severity", "AT4001=error", "--format", "json", story);
        Assert.Equal(2, Diagnostics(loud).Count);

        var (_, none, _) = CliRunner.Run("check", "--severity", "category-Style=none", "--format", "json", story);
        Assert.DoesNotContain(Diagnostics(none), d => Id(d) == "AT4001");
        var (_, idWins, _) = CliRunner.Run("check", "--severity", "AT4001=error", "--severity", "category-Style=none", "--format", "json", story);
        Assert.Contains(Diagnostics(idWins), d => Id(d) == "AT4001" && d.GetProperty("severity").GetString() == "error");
        Assert.Equal(2, CliRunner.Run("check", "--severity", "category-Nope=none", story).Code);
    }

    [Fact]
    public void Color_is_asked_for_or_refused_whatever_the_terminal()
    {
        var story = _temp.Write("c.txt", Claimed);
        Assert.Contains("\u001b[33mwarning", CliRunner.Run("check", "--color", "always", story).Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", CliRunner.Run("check", "--color", "never", story).Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", CliRunner.Run("check", story).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void One_run_writes_every_report_as_separate_runs_would()
    {
        var story = _temp.Write("m.txt", Claimed);
        var sarif = Path.Combine(_temp.Root, "out.sarif");
        var json = Path.Combine(_temp.Root, "out.json");
        var html = Path.Combine(_temp.Root, "out.html");
        var markdown = Path.Combine(_temp.Root, "out.md");
        var (code, stdout, _) = CliRunner.Run("check", story, "--sarif-output", sarif, "--json-output", json, "--html-output", html, "--markdown-output", markdown, "--github-annotations");
        Assert.Equal(0, code);
        Assert.Contains("warning AT4001", stdout, StringComparison.Ordinal);
        Assert.Contains("::warning file=", stdout, StringComparison.Ordinal);

        // The console's two writers share standard output line by line: over the samples, one annotation per
        // finding, each on a line of its own.
        var (_, samples, _) = CliRunner.Run("check", Path.Combine(TestPack.RepositoryRoot, "samples"), "--github-annotations", "--fail-on", "error");
        var lines = samples.Split('\n');
        Assert.DoesNotContain(lines, l => l.Contains("::", StringComparison.Ordinal) && !l.StartsWith("::", StringComparison.Ordinal) && l.Contains("file=", StringComparison.Ordinal));
        Assert.Equal(lines.Count(l => l.Contains(": warning AT", StringComparison.Ordinal) || l.Contains(": suggestion AT", StringComparison.Ordinal)), lines.Count(l => l.StartsWith("::", StringComparison.Ordinal)));

        // Each file holds what a run of that one format prints, bar the run's time and tool version.
        Assert.Equal(CliRunner.Run("check", story, "--format", "json").Stdout, File.ReadAllText(json));
        Assert.Equal(CliRunner.Run("check", story, "--format", "sarif").Stdout, File.ReadAllText(sarif));
        Assert.Equal(CliRunner.Run("check", story, "--format", "markdown").Stdout, File.ReadAllText(markdown));
        Assert.Contains("AT4001", File.ReadAllText(html), StringComparison.Ordinal);

        var (twice, _, stderr) = CliRunner.Run("check", story, "--json-output", json, "-o", json);
        Assert.Equal(2, twice);
        Assert.Contains("would both be written to", stderr, StringComparison.Ordinal);
        var (overInput, _, _) = CliRunner.Run("check", story, "--sarif-output", story);
        Assert.Equal(2, overInput);
        Assert.Equal(Claimed, File.ReadAllText(story));
    }

    [Fact]
    public void Sarif_uris_are_file_uris_or_relative_to_a_declared_root_and_every_rule_has_absolute_help()
    {
        var story = _temp.Write("abs story.txt", Claimed);
        var (_, absolute, _) = CliRunner.Run("check", story, "--format", "sarif", "--help-base-uri", "https://news.example/attribution/rules/");
        using var log = JsonDocument.Parse(absolute);
        var run = log.RootElement.GetProperty("runs")[0];
        var artifact = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal(new Uri(story).AbsoluteUri, artifact.GetProperty("uri").GetString());
        Assert.False(artifact.TryGetProperty("uriBaseId", out _));
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("https://news.example/attribution/rules/README.md", driver.GetProperty("informationUri").GetString());
        foreach (var rule in driver.GetProperty("rules").EnumerateArray())
        {
            var help = rule.GetProperty("helpUri").GetString()!;
            Assert.Equal($"https://news.example/attribution/rules/{rule.GetProperty("id").GetString()}.md", help);
            Assert.True(rule.TryGetProperty("fullDescription", out _));
            Assert.True(rule.GetProperty("help").TryGetProperty("markdown", out _), $"{rule.GetProperty("id")} has no embedded help");
        }

        // A relative path stays relative, against %SRCROOT% (the current folder), declared in the run; an absolute
        // one declares no root.
        Assert.False(run.TryGetProperty("originalUriBaseIds", out _));
        var here = Directory.CreateDirectory(Path.Combine(Environment.CurrentDirectory, "sarif-relative-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var inside = Path.Combine(here, "in side.txt");
            File.WriteAllText(inside, Claimed);
            var (_, relative, _) = CliRunner.Run("check", Path.GetRelativePath(Environment.CurrentDirectory, inside), "--format", "sarif");
            using var relativeLog = JsonDocument.Parse(relative);
            var relativeRun = relativeLog.RootElement.GetProperty("runs")[0];
            var relativeArtifact = relativeRun.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            var root = relativeRun.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()!;
            Assert.Equal("%SRCROOT%", relativeArtifact.GetProperty("uriBaseId").GetString());
            Assert.StartsWith("sarif-relative-", relativeArtifact.GetProperty("uri").GetString(), StringComparison.Ordinal);
            Assert.Equal(new Uri(inside).AbsoluteUri, new Uri(new Uri(root), relativeArtifact.GetProperty("uri").GetString()).AbsoluteUri);
            Assert.All(
                relativeRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray(),
                r => Assert.True(Uri.TryCreate(r.GetProperty("helpUri").GetString(), UriKind.Absolute, out _)));
        }
        finally
        {
            Directory.Delete(here, recursive: true);
        }
    }

    [Fact]
    public void The_help_base_can_be_set_in_editorconfig()
    {
        _temp.Write(".editorconfig", "root = true\n[*]\nattribution.help_base_uri = https://desk.example/rules\n");
        var story = _temp.Write("e.txt", Claimed);
        var (_, sarif, stderr) = CliRunner.Run("check", story, "--format", "sarif");
        Assert.Equal("", stderr);
        using var log = JsonDocument.Parse(sarif);
        var rules = log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules");
        Assert.Equal("https://desk.example/rules/AT1001.md", rules[0].GetProperty("helpUri").GetString());
        var (_, folder, _) = CliRunner.Run("check", _temp.Root, "--format", "sarif");
        Assert.Contains("https://desk.example/rules/AT4001.md", folder, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_page_carries_each_rules_help_so_no_rule_link_can_be_dead()
    {
        var story = _temp.Write("h.txt", Claimed);
        var (_, html, _) = CliRunner.Run("check", story, "--format", "html");
        Assert.Contains("<details class=\"help\"><summary>About AT4001</summary>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>How to fix</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"docs/", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_is_named_stdin()
    {
        var (_, stdout, _) = CliRunner.RunWithInput(System.Text.Encoding.UTF8.GetBytes(Claimed), "check", "-");
        Assert.StartsWith("<stdin>(1,7): warning AT4001", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Excerpts_fit_the_width_and_article_findings_underline_a_few_words()
    {
        var longLine = "A senior official said " + string.Join(' ', Enumerable.Repeat("the plan was dead and the talks had failed", 8)) + ".";
        var story = _temp.Write("long.txt", longLine + "\n\nA diplomat said talks had ended.\n\nA second diplomat claimed the talks would resume.\n");
        var (_, stdout, _) = CliRunner.Run("check", story);
        var lines = stdout.Split('\n').Where(l => l.StartsWith("    ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.True(l.Length <= 80, $"{l.Length} columns: {l}"));

        var (_, json, _) = CliRunner.Run("check", story, "--format", "json");
        var article = Assert.Single(Diagnostics(json), d => Id(d) == "AT3001");
        var span = article.GetProperty("span");
        Assert.InRange(span.GetProperty("end").GetInt32() - span.GetProperty("start").GetInt32(), 1, 60);
    }

    [Fact]
    public void The_anonymous_count_is_one_number_in_the_finding_the_summary_and_the_report()
    {
        var story = _temp.Write("a.txt", """
            A senior official said the plan was dead.

            A diplomat said talks had ended.

            A third official said the border would stay shut.

            Foreign Minister Ana Ruiz said talks would resume.

            The ministry's report said exports had fallen.
            """);
        var (_, text, _) = CliRunner.Run("check", story);
        Assert.Contains("AT3001: 3 of the story's 4 named, official and anonymous sources are anonymous (75.0%)", text, StringComparison.Ordinal);
        Assert.Contains(", 3 anonymous", text, StringComparison.Ordinal);
        var (_, report, _) = CliRunner.Run("report", story, "--format", "json");
        using var json = JsonDocument.Parse(report);
        Assert.Equal(0.75, json.RootElement.GetProperty("totals").GetProperty("anonymousShare").GetDouble(), 3);
    }

    [Fact]
    public void Rules_test_fails_a_clean_example_that_another_rule_flags()
    {
        var pack = Path.Combine(_temp.Root, "pack");
        Directory.CreateDirectory(pack);
        File.WriteAllText(Path.Combine(pack, "NR0001.NoHedge.yml"), """
            id: NR0001
            title: Hedged cue
            category: Style
            severity: warning
            scope: quote
            target: cue
            when: quote.CueLemma == "suggest"
            message: "House style: no '{quote.Cue}'"
            examples:
              - flagged: 'Vance {|NR0001:suggested|} it was late.'
              - clean: 'Vance claimed it was late.'
            """);
        var (code, stdout, _) = CliRunner.Run("rules", "test", pack);
        Assert.Equal(1, code);
        Assert.Contains("the clean example draws AT4001 (warning) on 'claimed'", stdout, StringComparison.Ordinal);
    }

    private static List<JsonElement> Diagnostics(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("documents")[0].GetProperty("diagnostics").EnumerateArray()];

    private static string? Id(JsonElement d) => d.GetProperty("id").GetString();
}
