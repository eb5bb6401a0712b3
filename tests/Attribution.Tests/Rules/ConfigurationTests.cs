using Attribution.Analysis.Configuration;
using Attribution.Text;

namespace Attribution.Tests.Rules;

/// <summary>.editorconfig the Roslyn way: nearest and latest section wins, IDs beat categories, the command line beats all.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly TempFolder _temp = new("attribution-config-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Defaults_apply_without_editorconfig()
    {
        var config = new ConfigurationResolver(TestPack.Pack).Resolve(Story("a.txt"));
        Assert.Equal(new ConfiguredValue("warning", "default"), config.Severities["AT2001"]);
    }

    [Fact]
    public void Sections_categories_ids_and_the_command_line_take_precedence_in_order()
    {
        File.WriteAllText(Path.Combine(_temp.Root, ".editorconfig"), """
            root = true

            [*.txt]
            attribution_diagnostic.category-Sourcing.severity = error
            attribution_diagnostic.AT4001.severity = suggestion

            [stories/**.txt]
            attribution_diagnostic.AT4001.severity = none
            attribution.AT3001.max_anonymous_share = 0.25
            """);
        var nested = Story(Path.Combine("stories", "metro", "b.txt"));
        var top = Story("c.txt");
        var resolver = new ConfigurationResolver(TestPack.Pack, new Dictionary<string, string> { ["AT2003"] = "suggestion" });

        var atTop = resolver.Resolve(top);
        Assert.Equal("error", atTop.Severities["AT2001"].Value);        // category
        Assert.Equal("suggestion", atTop.Severities["AT2003"].Value);   // command line beats category
        Assert.Equal("suggestion", atTop.Severities["AT4001"].Value);   // id
        Assert.EndsWith(":4 [*.txt]", atTop.Severities["AT2001"].Origin, StringComparison.Ordinal);
        Assert.Equal("command line", atTop.Severities["AT2003"].Origin);

        var inStories = resolver.Resolve(nested);
        Assert.Equal("none", inStories.Severities["AT4001"].Value);     // later, more specific section
        Assert.Equal(0.25, inStories.OptionsOf("AT3001").Number("max_anonymous_share", 0.5));
        Assert.Equal(0.5, atTop.OptionsOf("AT3001").Number("max_anonymous_share", 0.5));
    }

    [Fact]
    public void A_nearer_editorconfig_overrides_and_root_stops_the_walk()
    {
        File.WriteAllText(Path.Combine(_temp.Root, ".editorconfig"), "[*]\nattribution_diagnostic.AT4001.severity = error\n");
        Directory.CreateDirectory(Path.Combine(_temp.Root, "desk"));
        File.WriteAllText(Path.Combine(_temp.Root, "desk", ".editorconfig"), "root = true\n[*.{txt,md}]\nattribution_diagnostic.AT1001.severity = error\n");
        var config = new ConfigurationResolver(TestPack.Pack).Resolve(Story(Path.Combine("desk", "d.txt")));
        Assert.Equal("error", config.Severities["AT1001"].Value);
        Assert.Equal("warning", config.Severities["AT4001"].Value); // the parent file is beyond root = true
    }

    [Fact]
    public void A_hostile_section_glob_is_resolved_in_bounded_time()
    {
        // An .editorconfig arrives with the stories, from anyone who can open a pull request: thirty {a,b}
        // expanded into a billion patterns, and six stars took 16 s on one long file name.
        var sections = string.Concat(Enumerable.Repeat("{a,b}", 30)) + "]\nattribution_diagnostic.AT2001.severity = error\n["
            + string.Concat(Enumerable.Repeat("*a", 30)) + "*b]\nattribution_diagnostic.AT4001.severity = error\n";
        File.WriteAllText(Path.Combine(_temp.Root, ".editorconfig"), "root = true\n[" + sections + "[*.txt]\nattribution_diagnostic.AT1001.severity = error\n");
        var story = Story(new string('a', 70) + "c.txt");
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var config = new ConfigurationResolver(TestPack.Pack).Resolve(story);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{watch.Elapsed}");
        Assert.Equal("warning", config.Severities["AT2001"].Value);
        Assert.Equal("warning", config.Severities["AT4001"].Value);
        Assert.Equal("error", config.Severities["AT1001"].Value);
    }

    [Fact]
    public void A_bad_severity_is_a_located_error()
    {
        File.WriteAllText(Path.Combine(_temp.Root, ".editorconfig"), "root = true\n[*]\nattribution_diagnostic.AT4001.severity = loud\n");
        var resolver = new ConfigurationResolver(TestPack.Pack);
        resolver.Resolve(Story("e.txt"));
        var error = Assert.Single(resolver.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("loud", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Severity_none_switches_a_rule_off_and_options_change_what_fires()
    {
        var text = "A senior official said the plan was dead.\n\nForeign Minister Ana Ruiz said talks had ended.\n\nA diplomat said no date was set.";
        File.WriteAllText(Path.Combine(_temp.Root, ".editorconfig"), "root = true\n[*]\nattribution.AT3001.max_anonymous_share = 0.9\nattribution_diagnostic.AT2001.severity = none\n");
        var path = Story("f.txt", text);
        var defaults = TestPack.Analyzer.Analyze(new SourceText(path, text));
        Assert.Contains(defaults.Diagnostics, d => d.Id == "AT3001");
        Assert.Contains(defaults.Diagnostics, d => d.Id == "AT2001");

        var configured = TestPack.Analyzer.Analyze(new SourceText(path, text), new ConfigurationResolver(TestPack.Pack).Resolve(path));
        Assert.DoesNotContain(configured.Diagnostics, d => d.Id is "AT3001" or "AT2001");
    }

    [Fact]
    public void Suppression_comments_record_the_reason()
    {
        var text = "Vance claimed the budget was padded.\n\n<!-- attribution-disable AT4001 -- quoting the councilman's own word -->\nOkafor admitted the numbers were late.\n<!-- attribution-restore AT4001 -->\n\nVance insisted the audit was wrong.";
        var analysis = TestPack.Analyzer.Analyze(new SourceText("s.txt", text));
        var loaded = analysis.Diagnostics.Where(d => d.Id == "AT4001").ToList();
        Assert.Equal(3, loaded.Count);
        var suppressed = Assert.Single(loaded, d => d.IsSuppressed);
        Assert.Equal("admitted", text[suppressed.Span.Start..suppressed.Span.End]);
        Assert.Equal("quoting the councilman's own word", suppressed.SuppressionReason);
    }

    [Fact]
    public void Fingerprints_ignore_position_but_not_words()
    {
        var a = TestPack.Analyzer.Analyze(new SourceText("a.txt", "Vance claimed the budget was padded.")).Diagnostics.Single();
        var b = TestPack.Analyzer.Analyze(new SourceText("a.txt", "The council met.\n\nVance   claimed the budget was padded.")).Diagnostics.Single(d => d.Id == "AT4001");
        var c = TestPack.Analyzer.Analyze(new SourceText("a.txt", "Vance admitted the budget was padded.")).Diagnostics.Single();
        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.NotEqual(a.Fingerprint, c.Fingerprint);
    }

    private string Story(string relative, string text = "Officials said so.") => _temp.Write(relative, text);
}
