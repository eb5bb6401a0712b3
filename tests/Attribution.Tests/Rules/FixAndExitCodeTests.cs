using System.Text.Json;

using Attribution.Tests.Cli;

namespace Attribution.Tests.Rules;

/// <summary>Fixes, baselines and exit codes as CI meets them.</summary>
public sealed class FixAndExitCodeTests : IDisposable
{
    private readonly TempFolder _temp = new("attribution-fix-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Fix_keeps_the_tense_and_dry_run_writes_nothing()
    {
        var original = "Vance claimed the budget was padded.\nThe mayor claims the audit is late.\nOkafor has admitted the numbers slipped.\n\"We'll be back,\" she laughed.\n";
        var path = Write("story.txt", original);
        var (code, stdout, _) = CliRunner.Run("fix", "--dry-run", path);
        Assert.Equal(0, code);
        Assert.Equal(original, File.ReadAllText(path));
        Assert.Contains("-Vance claimed the budget was padded.", stdout, StringComparison.Ordinal);
        Assert.Contains("+Vance said the budget was padded.", stdout, StringComparison.Ordinal);
        Assert.StartsWith("--- a/", stdout, StringComparison.Ordinal);

        (code, _, _) = CliRunner.Run("fix", path);
        Assert.Equal(0, code);
        Assert.Equal("Vance said the budget was padded.\nThe mayor says the audit is late.\nOkafor has said the numbers slipped.\n\"We'll be back,\" she said.\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_temp.Root)); // no temporary file left behind
    }

    [Fact]
    public void Fix_leaves_suppressed_findings_alone()
    {
        var path = Write("s.txt", "<!-- attribution-disable AT4001 -- his own word -->\nVance claimed the budget was padded.\n");
        CliRunner.Run("fix", path);
        Assert.Contains("claimed", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Exit_codes_follow_the_severity_bar()
    {
        var path = Write("w.txt", "Vance claimed the budget was padded.");
        Assert.Equal(0, CliRunner.Run("check", path).Code);                                   // a warning does not fail by default
        Assert.Equal(1, CliRunner.Run("check", "--fail-on", "warning", path).Code);
        Assert.Equal(1, CliRunner.Run("check", "--severity", "AT4001=error", path).Code);
        Assert.Equal(0, CliRunner.Run("check", "--severity", "AT4001=none", "--fail-on", "warning", path).Code);
        Assert.Equal(2, CliRunner.Run("check", "--severity", "AT9999=error", path).Code);
    }

    [Fact]
    public void A_baseline_accepts_existing_findings_and_fails_on_new_ones()
    {
        var path = Write("b.txt", "Vance claimed the budget was padded.");
        var baseline = Path.Combine(_temp.Root, "baseline.json");
        // Writing a baseline accepts what it records: the run that writes it passes.
        Assert.Equal(0, CliRunner.Run("check", "--fail-on", "warning", "--write-baseline", baseline, path).Code);
        Assert.Equal(0, CliRunner.Run("check", "--fail-on", "warning", "--baseline", baseline, path).Code);

        File.WriteAllText(path, "The council met on Monday.\n\nVance claimed the budget was padded. Okafor insisted it was not.");
        var (code, stdout, _) = CliRunner.Run("check", "--fail-on", "warning", "--baseline", baseline, "--format", "json", path);
        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(stdout);
        var diagnostics = json.RootElement.GetProperty("documents")[0].GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Single(diagnostics, d => d.TryGetProperty("baselineState", out _));
        Assert.Single(diagnostics, d => !d.TryGetProperty("baselineState", out _));
    }

    [Fact]
    public void A_second_finding_with_the_same_text_is_new_to_the_baseline()
    {
        const string Finding = "Vance claimed the budget was padded.";
        var path = Write("twice.txt", Finding + "\n");
        var baseline = Path.Combine(_temp.Root, "baseline.json");
        Assert.Equal(0, CliRunner.Run("check", "--severity", "AT4001=error", "--write-baseline", baseline, path).Code);
        var recorded = JsonDocument.Parse(File.ReadAllText(baseline)).RootElement;
        Assert.Equal(2, recorded.GetProperty("version").GetInt32());
        Assert.Contains(recorded.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "AT4001" && f.GetProperty("count").GetInt32() == 1);

        // The same words again in a second paragraph: one accepted, one new, and the run fails.
        File.WriteAllText(path, Finding + "\n\n" + Finding + "\n");
        var (code, stdout, _) = CliRunner.Run("check", "--severity", "AT4001=error", "--baseline", baseline, "--format", "json", path);
        Assert.Equal(1, code);
        var found = JsonDocument.Parse(stdout).RootElement.GetProperty("documents")[0].GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("id").GetString() == "AT4001").ToList();
        Assert.Equal(2, found.Count);
        Assert.Equal(found[0].GetProperty("fingerprint").GetString(), found[1].GetProperty("fingerprint").GetString());
        Assert.True(found[0].TryGetProperty("baselineState", out _));
        Assert.False(found[1].TryGetProperty("baselineState", out _));

        // The same finding in another story is new there too.
        var other = Write("other.txt", Finding + "\n");
        Assert.Equal(1, CliRunner.Run("check", "--severity", "AT4001=error", "--baseline", baseline, other).Code);
    }

    [Fact]
    public void A_baseline_of_version_one_still_accepts_its_fingerprints()
    {
        var path = Write("v1.txt", "Vance claimed the budget was padded.");
        var (_, stdout, _) = CliRunner.Run("check", "--format", "json", path);
        var fingerprint = JsonDocument.Parse(stdout).RootElement.GetProperty("documents")[0].GetProperty("diagnostics")[0].GetProperty("fingerprint").GetString();
        var baseline = Path.Combine(_temp.Root, "v1.json");
        File.WriteAllText(baseline, $"{{\"version\": 1, \"fingerprints\": [\"{fingerprint}\"]}}");
        Assert.Equal(0, CliRunner.Run("check", "--fail-on", "warning", "--baseline", baseline, path).Code);
        File.WriteAllText(baseline, "{\"version\": 7, \"findings\": []}");
        var (code, _, stderr) = CliRunner.Run("check", "--baseline", baseline, path);
        Assert.Equal(2, code);
        Assert.Contains("version 7", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_explain_prints_values_and_their_origins()
    {
        File.WriteAllText(Path.Combine(_temp.Root, ".editorconfig"), "root = true\n[*.txt]\nattribution_diagnostic.AT4001.severity = error\n");
        var path = Write("c.txt", "x");
        var (code, stdout, _) = CliRunner.Run("config", "--explain", path);
        Assert.Equal(0, code);
        var line = stdout.Split('\n').Single(l => l.StartsWith("AT4001", StringComparison.Ordinal));
        Assert.Contains("error", line, StringComparison.Ordinal);
        Assert.Contains(".editorconfig:3 [*.txt]", line, StringComparison.Ordinal);
        Assert.Contains("default", stdout.Split('\n').Single(l => l.StartsWith("AT2001", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_list_explain_and_test_work_from_the_command_line()
    {
        var (code, list, _) = CliRunner.Run("rules", "list");
        Assert.Equal(0, code);
        Assert.Contains("AT2001  Anonymous source without a stated reason", list, StringComparison.Ordinal);
        var (explainCode, page, _) = CliRunner.Run("rules", "explain", "AT4001");
        Assert.Equal(0, explainCode);
        Assert.Contains("## How to fix", page, StringComparison.Ordinal);
        var (testCode, tests, _) = CliRunner.Run("rules", "test");
        Assert.Equal(0, testCode);
        Assert.Contains(" 0 failed", tests, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("rules", "explain", "AT9999").Code);
    }

    [Fact]
    public void A_newsroom_pack_is_added_with_rules_and_tested()
    {
        var pack = Path.Combine(_temp.Root, "newsroom");
        Directory.CreateDirectory(pack);
        File.WriteAllText(Path.Combine(pack, "NR0001.NoWeasel.yml"), """
            id: NR0001
            title: Weasel cue
            category: Style
            severity: error
            scope: quote
            target: cue
            when: quote.CueLemma == "claim"
            message: "House style: no '{quote.Cue}'"
            examples:
              - flagged: 'Vance {|NR0001:claimed|} it was late.'
              - clean: 'Vance said it was late.'
            """);
        var story = Write("n.txt", "Vance claimed it was late.");
        Assert.Equal(1, CliRunner.Run("check", "--rules", pack, story).Code);
        var (code, stdout, _) = CliRunner.Run("rules", "test", pack);
        Assert.Equal(0, code);
        Assert.Contains("1 rule(s), 2 case(s): 2 passed", stdout, StringComparison.Ordinal);
    }

    private string Write(string name, string text) => _temp.Write(name, text);

}
