using Attribution.Analysis.Rules;

namespace Attribution.Tests.Rules;

/// <summary>One rule = one ID, one YAML file, one doc page, its fixtures and examples; the catalog is never stale.</summary>
public sealed class RuleCatalogTests
{
    private static readonly Dictionary<char, string> CategoryOfRange = new()
    {
        ['1'] = "Quotation",
        ['2'] = "Sourcing",
        ['3'] = "Balance",
        ['4'] = "Style",
    };

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in TestPack.Pack.Diagnostics)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Fact]
    public void The_default_pack_has_every_rule_of_the_design()
    {
        var ids = TestPack.Pack.Diagnostics.Select(r => r.Id).ToList();
        Assert.Equal(["AT1001", "AT1002", "AT1003", "AT2001", "AT2002", "AT2003", "AT2004", "AT3001", "AT3002", "AT4001", "AT4002"], ids);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_has_its_doc_page_fixtures_examples_and_range(string id)
    {
        var rule = TestPack.Pack.Find(id)!;
        var docs = Path.Combine(TestPack.RepositoryRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(docs), $"{id} has no doc page {docs}");
        var page = File.ReadAllText(docs);
        foreach (var heading in (string[])["## Cause", "## Why it matters", "## How to fix", "## Examples", "## How to suppress"])
        {
            Assert.Contains(heading, page, StringComparison.Ordinal);
        }

        Assert.Equal($"docs/rules/{id}.md", rule.HelpUri);
        Assert.Contains(rule.Examples, e => e.Flagged);
        Assert.Contains(rule.Examples, e => !e.Flagged);
        Assert.NotEmpty(RuleTester.ReadFixtures(RepositoryFixture(rule)));
        Assert.Equal(CategoryOfRange[id[2]], rule.Category);
        Assert.StartsWith("AT", id, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_doc_page_shows_the_examples_of_its_rule_file(string id)
    {
        // The page's examples are the rule's, which `rules test` runs: a clean one there raises no warning from any rule.
        var rule = TestPack.Pack.Find(id)!;
        var page = File.ReadAllText(Path.Combine(TestPack.RepositoryRoot, "docs", "rules", id + ".md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var section = page[page.IndexOf("## Examples", StringComparison.Ordinal)..page.IndexOf("## How to suppress", StringComparison.Ordinal)];
        var shown = System.Text.RegularExpressions.Regex.Matches(section, "(Flagged|Clean):\n\n```\n(.*?)\n```", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => (Flagged: m.Groups[1].Value == "Flagged", Text: m.Groups[2].Value))
            .ToList();
        var examples = rule.Examples.Select(e => (e.Flagged, TestMarkup.Parse(e.Text).Text)).ToList();
        Assert.Equal(examples, shown);
    }

    [Fact]
    public void The_engine_diagnostics_have_their_doc_pages()
    {
        Assert.True(File.Exists(Path.Combine(TestPack.RepositoryRoot, "docs", "rules", "AT0001.md")));
        Assert.True(File.Exists(Path.Combine(TestPack.RepositoryRoot, "docs", "rules", "AT0002.md")));
    }

    [Fact]
    public void The_catalog_is_generated_from_the_rule_files()
    {
        var catalog = File.ReadAllText(Path.Combine(TestPack.RepositoryRoot, "docs", "rules", "README.md"));
        Assert.True(
            catalog == RuleCatalog.Generate(TestPack.Pack),
            "docs/rules/README.md is stale: run 'dotnet run --project src/Attribution.Cli -- rules catalog -o docs/rules/README.md'");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_fires_on_its_flagged_cases_and_stays_silent_on_its_clean_ones(string id)
    {
        var (cases, failures) = new RuleTester(TestPack.Analyzer).Run([TestPack.Pack.Find(id)!]);
        Assert.True(cases >= 3, $"{id} has only {cases} cases");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_tester_reports_a_wrong_expectation()
    {
        var dir = Directory.CreateTempSubdirectory("attribution-ruletest-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "AT4001.LoadedAttributionVerb.fixtures.md"),
                "```story\nThe mayor {|AT4001:said|} the budget was short.\n```\n\n```story\nThe mayor admitted the budget was short.\n```\n");
            var rule = TestPack.Pack.Find("AT4001")! with { File = Path.Combine(dir, "AT4001.LoadedAttributionVerb.yml"), Examples = [] };
            var (_, failures) = new RuleTester(TestPack.Analyzer).Run([rule]);
            Assert.Equal(2, failures.Count);
            Assert.Contains(failures, f => f.Message.Contains("expected AT4001 on 'said'", StringComparison.Ordinal));
            Assert.Contains(failures, f => f.Message.Contains("reported on 'admitted'", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Markup_is_stripped_and_located()
    {
        var (text, expected) = TestMarkup.Parse("{|AT2001:A senior official|} said {|AT4001:claimed|}.");
        Assert.Equal("A senior official said claimed.", text);
        Assert.Equal([("AT2001", new Attribution.Text.TextSpan(0, 17)), ("AT4001", new Attribution.Text.TextSpan(23, 30))], expected);
    }

    private static string RepositoryFixture(DiagnosticRule rule)
    {
        var relative = Path.GetRelativePath(TestPack.RulesDirectory, RuleTester.FixturePath(rule));
        return Path.Combine(TestPack.RepositoryRoot, "rules", relative);
    }
}
