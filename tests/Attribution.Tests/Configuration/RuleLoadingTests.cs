using Attribution.Analysis.Configuration;
using Attribution.Analysis.Rules;

namespace Attribution.Tests.Configuration;

/// <summary>Broken rule and lexicon files are located errors (AT0001 file:line:col), never crashes.</summary>
public sealed class RuleLoadingTests : IDisposable
{
    private readonly TempFolder _temp = new("attribution-rules-");

    public RuleLoadingTests()
    {
        // Start from a copy of the bundled pack, then break one file per test.
        CopyDirectory(TestPack.RulesDirectory, _temp.Root);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_bundled_pack_loads()
    {
        var pack = RulePack.Load(_temp.Root);
        Assert.NotEmpty(pack.Classification);
        Assert.True(pack.Lexicons.Parser.CueVerbs.ContainsKey("said"));
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_its_line()
    {
        File.WriteAllText(Path.Combine(_temp.Root, "classify", "99.broken.yml"), "type: anonymous\nwhen: [unclosed\n");
        var error = Assert.Single(Errors(), e => e.File.EndsWith("99.broken.yml", StringComparison.Ordinal));
        Assert.True(error.Line >= 2, error.ToString());
        Assert.StartsWith(Path.Combine(_temp.Root, "classify", "99.broken.yml"), error.ToString(), StringComparison.Ordinal);
        Assert.Contains("AT0001", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fields_are_reported()
    {
        File.WriteAllText(Path.Combine(_temp.Root, "classify", "99.extra.yml"), "type: anonymous\nwhen: \"true\"\ncolour: blue\n");
        var error = Assert.Single(Errors());
        Assert.Equal(3, error.Line);
        Assert.Contains("colour", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cue_form_listed_twice_is_reported()
    {
        File.AppendAllText(Path.Combine(_temp.Root, "lexicon", "cues.yml"), "  - { lemma: utter, class: neutral, forms: [said] }\n");
        Assert.Contains(Errors(), e => e.Message.Contains("'said' is listed twice", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_expression_is_reported_at_the_when_line()
    {
        File.WriteAllText(Path.Combine(_temp.Root, "classify", "99.bad.yml"), "type: named\norder: 1\nwhen: source.NoSuchFact && true\n");
        var error = Assert.Single(Errors());
        Assert.Equal(3, error.Line);
        Assert.Contains("NoSuchFact", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("System.IO.File.Exists(\\\"/etc/passwd\\\")")]
    [InlineData("source.Name.GetType().Assembly.FullName != \\\"\\\"")]
    [InlineData("System.Environment.GetEnvironmentVariable(\\\"HOME\\\") != null")]
    [InlineData("System.Diagnostics.Process.GetCurrentProcess().Id > 0")]
    [InlineData("System.AppDomain.CurrentDomain.FriendlyName != \\\"\\\"")]
    public void Hostile_expressions_are_refused_at_load(string expression)
    {
        File.WriteAllText(Path.Combine(_temp.Root, "classify", "99.hostile.yml"), $"type: named\norder: 1\nwhen: \"{expression}\"\n");
        var error = Assert.Single(Errors());
        Assert.Equal(3, error.Line);
    }

    [Theory]
    [InlineData("source.Name.Replace(\\\"e\\\", source.Name).Replace(\\\"e\\\", source.Name).Length > 0", "no bound")]
    [InlineData("source.Name.PadLeft(1000000000).Length > 0", "no bound")]
    [InlineData("source.Name.Any(c => source.Name.Any(d => c == d))", "'Enumerable.Any' is not allowed inside a lambda")]
    [InlineData("source.Name.Split(\\\" \\\").Any(w => w.Any(d => char.IsUpper(d)))", "lambda inside a lambda")]
    [InlineData("Enumerable.Range(0, 2000000000).Count() > 0", "'Enumerable.Range' is not allowed in a rule expression: its cost has no bound")]
    [InlineData("source.Name.Length > 3 && Enumerable.Repeat(source.Name, 100000000).Count() > 0", "'Enumerable.Repeat' is not allowed")]
    [InlineData("source.Name.SelectMany(c => source.Name).Count() > 3", "'Enumerable.SelectMany' is not allowed")]
    [InlineData("source.Name.Any(c => source.Name.Contains(c))", "'String.Contains' is not allowed inside a lambda")]
    [InlineData("source.Name.Any(c => RuleFunctions.ContainsWord(source.Name, source.Name))", "'RuleFunctions.ContainsWord' is not allowed inside a lambda")]
    [InlineData("string.Concat(source.Name.Select(c => source.Name)).Length > 5", "'string.Concat' over a sequence is not allowed")]
    [InlineData("source.Name.Split(' ').Select(c => source.Name).Count() > 5", "a lambda in a rule expression must give a number, a character or true/false")]
    public void Expressions_whose_cost_has_no_bound_are_refused_at_load(string expression, string reason)
    {
        File.WriteAllText(Path.Combine(_temp.Root, "classify", "99.costly.yml"), $"type: named\norder: 1\nwhen: \"{expression}\"\n");
        var error = Assert.Single(Errors());
        Assert.Equal(3, error.Line);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("source.Name.Any(c => char.IsDigit(c))")]
    [InlineData("source.Name.Split(\\\" \\\").Any(w => w.StartsWith(\\\"Dr\\\"))")]
    [InlineData("source.Name.Count(c => char.IsUpper(c)) > 2")]
    public void Expressions_whose_cost_is_linear_in_the_text_are_loaded(string expression)
    {
        File.WriteAllText(Path.Combine(_temp.Root, "classify", "99.linear.yml"), $"type: named\norder: 1\nwhen: \"{expression}\"\n");
        Assert.Contains(RulePack.Load(_temp.Root).Classification, rule => rule.When == expression.Replace("\\\"", "\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_yaml_alias_bomb_is_refused()
    {
        File.WriteAllText(Path.Combine(_temp.Root, "lexicon", "bomb.yml"),
            "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b]\n");
        Assert.Contains(Errors(), e => e.Message.Contains("aliases", StringComparison.Ordinal));
    }

    [Fact]
    public void A_duplicate_rule_id_is_reported()
    {
        var copy = Path.Combine(_temp.Root, "style", "AT4001.AgainLoaded.yml");
        File.Copy(Path.Combine(_temp.Root, "style", "AT4001.LoadedAttributionVerb.yml"), copy);
        var error = Assert.Single(Errors());
        Assert.Contains("rule ID AT4001 is also defined in", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_file_must_be_named_after_its_id()
    {
        File.WriteAllText(Path.Combine(_temp.Root, "style", "Misnamed.yml"),
            "id: AT4999\ntitle: Misnamed\ncategory: Style\nseverity: warning\nscope: quote\nwhen: quote.HasCue\nmessage: m\n");
        var error = Assert.Single(Errors());
        Assert.Contains("must be named AT4999.<Name>.yml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_placeholder_is_reported_at_the_message()
    {
        File.WriteAllText(Path.Combine(_temp.Root, "style", "AT4998.Bad.yml"),
            "id: AT4998\ntitle: Bad\ncategory: Style\nseverity: warning\nscope: quote\nwhen: quote.HasCue\nmessage: \"{quote.Nope}\"\n");
        var error = Assert.Single(Errors());
        Assert.Equal(7, error.Line);
        Assert.Contains("{quote.Nope}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_class_is_reported()
    {
        File.AppendAllText(Path.Combine(_temp.Root, "lexicon", "cues.yml"), "  - { lemma: murmur, class: whispery, forms: [murmured] }\n");
        Assert.Contains(Errors(), e => e.Message.Contains("whispery", StringComparison.Ordinal));
    }

    private List<LoadError> Errors() => [.. Assert.Throws<LoadException>(() => RulePack.Load(_temp.Root)).Errors];

    internal static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
