using Attribution.Fuzz;

namespace Attribution.Tests.Fuzz;

/// <summary>
/// Every input the fuzzer (tests/Attribution.Fuzz/fuzz.sh) found to crash a target, kept in
/// Fuzz/&lt;target&gt;/ and replayed here, with the seeds it starts from.
/// </summary>
public sealed class FuzzRegressionTests
{
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        var root = TestPack.RepositoryRoot;
        foreach (var target in FuzzTargets.Names)
        {
            var folder = Path.Combine(root, "tests", "Attribution.Tests", "Fuzz", target);
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
                {
                    data.Add(target, Path.GetRelativePath(root, file));
                }
            }
        }

        foreach (var sample in Directory.GetFiles(Path.Combine(root, "samples")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetExtension(sample) is ".html" or ".nitf" ? "markup" : "story", Path.GetRelativePath(root, sample));
        }

        foreach (var rule in Directory.GetFiles(Path.Combine(root, "rules", "style"), "*.yml").Order(StringComparer.Ordinal))
        {
            data.Add("rule-yaml", Path.GetRelativePath(root, rule));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Fuzzer_findings_and_seeds_run_cleanly(string target, string file) =>
        FuzzTargets.Run(target, File.ReadAllBytes(Path.Combine(TestPack.RepositoryRoot, file)));

    [Fact]
    public void A_rule_file_that_broke_the_yaml_reader_is_an_AT0001_error_with_exit_code_3()
    {
        using var folder = new TempFolder("attribution-fuzz-rule-");
        var crasher = Directory.GetFiles(Path.Combine(TestPack.RepositoryRoot, "tests", "Attribution.Tests", "Fuzz", "rule-yaml")).Order(StringComparer.Ordinal).First();
        folder.WriteBytes("AT9001.Broken.yml", File.ReadAllBytes(crasher));

        var (code, _, stderr) = Cli.CliRunner.Run("rules", "list", "--rules", folder.Root);

        Assert.Equal(3, code);
        Assert.Contains("AT9001.Broken.yml(", stderr, StringComparison.Ordinal);
        Assert.Contains("error AT0001:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_file_that_breaks_every_way_is_reported_not_thrown()
    {
        var errors = Attribution.Analysis.Rules.DiagnosticRuleLoader.Check("bad.yml", "id: AT9999\nwhen: File.ReadAllText(\"/etc/passwd\") != null\nscope: quote\n[unclosed");
        Assert.NotEmpty(errors);
    }
}
