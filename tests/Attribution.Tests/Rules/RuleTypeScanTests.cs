using System.Linq.Expressions;
using Attribution.Analysis;
using Attribution.Analysis.Rules;
using CsCheck;

namespace Attribution.Tests.Rules;

/// <summary>
/// The rule compiler tells RulesEngine's parser up front that no loaded type is marked
/// <c>[DynamicLinqType]</c> instead of letting it look through every type (a third of a one-story check's
/// start-up). That must not change what a rule means or which rules are refused.
/// </summary>
public sealed class RuleTypeScanTests
{
    private static readonly RuleExpressionCompiler Told = new(closures: false);
    private static readonly RuleExpressionCompiler Scanning = new(closures: false, scanTypes: true);

    [Fact]
    public void The_parser_is_told_instead_of_scanning()
    {
        // Fails when a RulesEngine or System.Linq.Dynamic.Core update renames the members the compiler reaches.
        Assert.True(Told.SkipsTypeScan);
        Assert.True(new RuleExpressionCompiler().SkipsTypeScan);
        Assert.False(Scanning.SkipsTypeScan);
    }

    public static TheoryData<string, string> BundledConditions() => RuleClosureTests.BundledConditions();

    [Theory]
    [MemberData(nameof(BundledConditions))]
    public void Every_bundled_condition_parses_to_the_same_tree(string scope, string when) =>
        Assert.Equal(Parsed(Scanning, scope, when), Parsed(Told, scope, when));

    [Fact]
    public void Random_conditions_parse_to_the_same_trees() =>
        Gen.Select(Gen.OneOfConst("quote", "source", "article"), Gen.Int).Sample((scope, shape) =>
        {
            var when = new RuleClosureTests.ConditionWriter(FactsType(scope), scope, new Random(shape)).Bool(depth: 4);
            Assert.Equal(Parsed(Scanning, scope, when), Parsed(Told, scope, when));
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
        Assert.Equal(Outcome(Scanning, "quote", when), Outcome(Told, "quote", when));

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
