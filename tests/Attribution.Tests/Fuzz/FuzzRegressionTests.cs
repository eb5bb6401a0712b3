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
    public void A_rule_file_that_breaks_every_way_is_reported_not_thrown()
    {
        var errors = Attribution.Analysis.Rules.DiagnosticRuleLoader.Check("bad.yml", "id: AT9999\nwhen: File.ReadAllText(\"/etc/passwd\") != null\nscope: quote\n[unclosed");
        Assert.NotEmpty(errors);
    }
}
