using System.Linq.Expressions;
using Attribution.Analysis;
using Attribution.Analysis.Rules;
using CsCheck;

namespace Attribution.Tests.Rules;

/// <summary>
/// The rule compiler tells RulesEngine's parser up front that no loaded type is marked
/// <c>[DynamicLinqType]</c> instead of letting it look through every type (a third of a one-story check's
/// start-up), and builds the parser's table of the base library's enums only for an expression that needs
/// it (a quarter of what was left). Neither may change what a rule means or which rules are refused.
/// </summary>
public sealed class RuleTypeScanTests
{
    // Told is given only conditions that parse without the enum table, so it never builds it (the tests say so);
    // a condition that may not parse gets a compiler of its own.
    private static readonly RuleExpressionCompiler Told = new(closures: false);
    private static readonly RuleExpressionCompiler Scanning = new(closures: false, scanTypes: true, systemEnumsUpFront: true);

    [Fact]
    public void The_parser_is_told_instead_of_scanning()
    {
        // Fails when a RulesEngine or System.Linq.Dynamic.Core update renames the members the compiler reaches.
        Assert.True(Told.SkipsTypeScan);
        Assert.True(new RuleExpressionCompiler().SkipsTypeScan);
        Assert.False(Scanning.SkipsTypeScan);
        Assert.True(new RuleExpressionCompiler().DefersSystemEnums);
        Assert.False(Scanning.DefersSystemEnums);
    }

    [Fact]
    public void The_bundled_rules_never_need_the_enum_table()
    {
        var compiler = new RuleExpressionCompiler();
        var pack = RulePack.Load(TestPack.RulesDirectory, compiler);
        Assert.NotEmpty(pack.Classification);
        Assert.NotEmpty(pack.Diagnostics);
        Assert.True(compiler.DefersSystemEnums);
    }

    [Theory]
    [InlineData("quote.Text.Contains(\"budget\", StringComparison.OrdinalIgnoreCase)", "accepted")]
    [InlineData("quote.Text.StartsWith(\"The\", StringComparison.Ordinal) || quote.Text.Length > 3", "accepted")]
    [InlineData("quote.Text.Equals(\"a\", StringComparison.InvariantCultureIgnoreCase)", "accepted")]
    [InlineData("DayOfWeek.Monday == DayOfWeek.Monday", "accepted")]
    [InlineData("quote.Text.EndsWith(\".\", stringcomparison.ordinal)", "refused")]
    [InlineData("quote.Text.IndexOf(\"x\", StringComparison.NoSuchMember) > 0", "refused")]
    [InlineData("Environment.SpecialFolder.Desktop != null", "refused")]
    public void A_condition_that_names_an_enum_gets_what_it_got_before(string when, string outcome)
    {
        var deferring = new RuleExpressionCompiler(closures: false);
        var before = Outcome(Scanning, "quote", when);
        Assert.StartsWith(outcome, before, StringComparison.Ordinal);
        Assert.Equal(before, Outcome(deferring, "quote", when));
        Assert.False(deferring.DefersSystemEnums);

        // and the conditions after it are parsed as before too
        Assert.Equal(Outcome(Scanning, "quote", "quote.Text.Length > 3"), Outcome(deferring, "quote", "quote.Text.Length > 3"));
    }

    [Fact]
    public void A_lambda_parameter_named_like_an_enum_is_the_parameter()
    {
        // The one difference: with the table built first, the enum won over the lambda's own parameter.
        const string when = "quote.Text.Any(TypeCode => TypeCode == 'x')";
        Assert.StartsWith("refused", Outcome(Scanning, "quote", when), StringComparison.Ordinal);
        Assert.StartsWith("accepted", Outcome(new RuleExpressionCompiler(closures: false), "quote", when), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BundledConditions() => RuleClosureTests.BundledConditions();

    [Theory]
    [MemberData(nameof(BundledConditions))]
    public void Every_bundled_condition_parses_to_the_same_tree(string scope, string when)
    {
        Assert.Equal(Parsed(Scanning, scope, when), Parsed(Told, scope, when));
        Assert.True(Told.DefersSystemEnums);
    }

    [Fact]
    public void Random_conditions_parse_to_the_same_trees() =>
        Gen.Select(Gen.OneOfConst("quote", "source", "article"), Gen.Int).Sample((scope, shape) =>
        {
            var when = new RuleClosureTests.ConditionWriter(FactsType(scope), scope, new Random(shape)).Bool(depth: 4);
            Assert.Equal(Parsed(Scanning, scope, when), Parsed(Told, scope, when));
            Assert.True(Told.DefersSystemEnums);
        }, iter: 500);

    [Theory]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")")]
    [InlineData("File.Exists(\"x\")")]
    [InlineData("Environment.GetEnvironmentVariable(\"HOME\") != null")]
    [InlineData("DynamicLinqTypeAttribute != null")]
    [InlineData("quote.GetType().Name == \"QuoteFacts\"")]
    [InlineData("quote.NoSuchFact")]
    [InlineData("Type.GetType(\"System.IO.File\") != null")]
    [InlineData("new System.Text.StringBuilder().Length == 0")]
    [InlineData("RuleFunctions.SameText(quote.Text, 1)")]
    [InlineData("quote.Text.Replace(\"a\", quote.Text).Length > 1")]
    public void A_refused_condition_is_refused_with_the_same_message(string when) =>
        Assert.Equal(Outcome(Scanning, "quote", when), Outcome(new RuleExpressionCompiler(closures: false), "quote", when));

    private static string Parsed(RuleExpressionCompiler compiler, string scope, string when)
    {
        ParameterExpression[] parameters = [Expression.Parameter(FactsType(scope), scope), Expression.Parameter(typeof(RuleOptions), "options")];
        return compiler.Parse(when, typeof(bool), parameters).ToString();
    }

    private static string Outcome(RuleExpressionCompiler compiler, string scope, string when)
    {
        try
        {
            return "accepted: " + Parsed(compiler, scope, when);
        }
        catch (RuleCompileException ex)
        {
            return "refused: " + ex.Message;
        }
    }

    private static Type FactsType(string scope) => scope switch
    {
        "quote" => typeof(QuoteFacts),
        "source" => typeof(SourceFacts),
        _ => typeof(ArticleFacts),
    };
}
