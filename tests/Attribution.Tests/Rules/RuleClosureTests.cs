using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Attribution.Analysis;
using Attribution.Analysis.Rules;
using CsCheck;

namespace Attribution.Tests.Rules;

/// <summary>
/// The closures the compiled tool evaluates rule conditions with (it cannot compile expression trees to
/// code) give the answers the compiled expressions give, for the bundled rules and for random ones.
/// </summary>
public sealed class RuleClosureTests
{
    private static readonly RuleExpressionCompiler Compiler = new(closures: false);

    public static TheoryData<string, string> BundledConditions()
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in TestPack.Pack.Classification)
        {
            data.Add("source", rule.When);
        }

        foreach (var rule in TestPack.Pack.Diagnostics)
        {
            data.Add(rule.Scope.ToString().ToLowerInvariant() switch { "quote" => "quote", "source" => "source", _ => "article" }, rule.When);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BundledConditions))]
    public void Every_bundled_condition_becomes_closures_that_agree_with_the_compiled_expression(string scope, string when)
    {
        var factsType = FactsType(scope);
        var (closure, compiled) = Both(factsType, scope, when);
        Assert.NotNull(closure);
        Gen.Int.Sample(seed => AssertSame(closure, compiled, RandomFacts(factsType, new Random(seed)), RandomOptions(new Random(seed))), iter: 300);
    }

    [Fact]
    public void Random_conditions_give_the_same_answers_as_the_compiled_expressions()
    {
        var scopes = new[] { "quote", "source", "article" };
        Gen.Select(Gen.OneOfConst(scopes), Gen.Int, Gen.Int).Sample((scope, shape, values) =>
        {
            var factsType = FactsType(scope);
            var when = new ConditionWriter(factsType, scope, new Random(shape)).Bool(depth: 4);
            var (closure, compiled) = Both(factsType, scope, when);
            Assert.True(closure is not null, $"no closures for: {when}");
            var random = new Random(values);
            for (var i = 0; i < 20; i++)
            {
                AssertSame(closure, compiled, RandomFacts(factsType, random), RandomOptions(random), when);
            }
        }, iter: 1500);
    }

    [Theory]
    [InlineData("quote.Text.Any(c => char.IsUpper(c))")]
    [InlineData("quote.Text.Contains('x')")]
    [InlineData("quote.Text.Length > 3 && quote.Text.Substring(1, 2) == \"ai\"")]
    public void A_shape_closures_do_not_know_is_compiled_as_before(string when)
    {
        var (closure, _) = Both(typeof(QuoteFacts), "quote", when);
        Assert.Null(closure);
        var withClosures = new RuleExpressionCompiler(closures: true).Compile<QuoteFacts, RuleOptions, bool>("quote", "options", when);
        var compiled = Compiler.Compile<QuoteFacts, RuleOptions, bool>("quote", "options", when);
        foreach (var text in new[] { "", "no capitals here", "Some Capitals x here", "x" })
        {
            var facts = new QuoteFacts { Text = text };
            Assert.Equal(compiled(facts, RuleOptions.Empty), withClosures(facts, RuleOptions.Empty));
        }
    }

    [Fact]
    public void A_rule_pack_loaded_with_closures_classifies_and_flags_the_samples_as_the_compiled_one_does()
    {
        var compiled = TestPack.Pack;
        var closures = RulePack.Load(TestPack.RulesDirectory, new RuleExpressionCompiler(closures: true));
        foreach (var file in Directory.GetFiles(Path.Combine(TestPack.RepositoryRoot, "samples"), "*.txt"))
        {
            var source = new Attribution.Text.SourceText(file, File.ReadAllText(file));
            var expected = new Analyzer(compiled).Analyze(source);
            var actual = new Analyzer(closures).Analyze(source);
            Assert.Equal(expected.Sources.Select(s => s.Type), actual.Sources.Select(s => s.Type));
            Assert.Equal(expected.Diagnostics.Select(d => (d.Id, d.Span)), actual.Diagnostics.Select(d => (d.Id, d.Span)));
            Assert.NotEmpty(actual.Diagnostics);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_zero_keeps_its_sign_whatever_the_rules_parsed_before(bool closures)
    {
        // System.Linq.Dynamic.Core keeps one constant per value, and -0.0 equals 0.0: once a rule had "-0.0", a
        // later "0.0" in any rule of the pack was -0.0 (1.0 / 0.0 gave -Infinity), and the other way round.
        var compiler = new RuleExpressionCompiler(closures);
        var negative = compiler.Compile<ArticleFacts, RuleOptions, bool>("article", "options", "1.0 / -0.0 < 0.0");
        var positive = compiler.Compile<ArticleFacts, RuleOptions, bool>("article", "options", "1.0 / 0.0 > 0.0");
        var negativeAgain = compiler.Compile<ArticleFacts, RuleOptions, bool>("article", "options", "1.0 / -0.0 < 0.0");

        Assert.True(negative(new ArticleFacts(), RuleOptions.Empty));
        Assert.True(positive(new ArticleFacts(), RuleOptions.Empty));
        Assert.True(negativeAgain(new ArticleFacts(), RuleOptions.Empty));
    }

    private static Type FactsType(string scope) => scope switch
    {
        "quote" => typeof(QuoteFacts),
        "source" => typeof(SourceFacts),
        _ => typeof(ArticleFacts),
    };

    private static (Func<object?, object?, bool>? Closure, Delegate Compiled) Both(Type factsType, string scope, string when)
    {
        ParameterExpression[] parameters = [Expression.Parameter(factsType, scope), Expression.Parameter(typeof(RuleOptions), "options")];
        var parsed = Compiler.Parse(when, typeof(bool), parameters);
        return (RuleClosureCompiler.TryCompile(parsed, parameters), Expression.Lambda(parsed, parameters).Compile());
    }

    private static void AssertSame(Func<object?, object?, bool>? closure, Delegate compiled, object facts, RuleOptions options, string? when = null)
    {
        var expected = Outcome(() => (bool)compiled.DynamicInvoke(facts, options)!);
        var actual = Outcome(() => closure!(facts, options));
        Assert.True(expected == actual, $"{when}: compiled {expected}, closures {actual}");
    }

    // The answer, or the kind of exception (DynamicInvoke wraps what the expression throws).
    private static string Outcome(Func<bool> evaluate)
    {
        try
        {
            return evaluate().ToString();
        }
        catch (TargetInvocationException ex)
        {
            return ex.InnerException!.GetType().Name;
        }
        catch (Exception ex) when (ex is ArithmeticException or NullReferenceException or ArgumentException)
        {
            return ex.GetType().Name;
        }
    }

    private static readonly string[] Words = ["", "direct", "loaded", "anonymous", "said", "Said ", "the official", "x", "OFFICIAL"];

    private static object RandomFacts(Type type, Random random)
    {
        var facts = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            object? value = property.PropertyType switch
            {
                var t when t == typeof(bool) => random.Next(2) == 1,
                var t when t == typeof(int) => random.Next(-2, 6),
                var t when t == typeof(double) => random.Next(5) / 4.0,
                var t when t == typeof(string) => Words[random.Next(Words.Length)],
                _ => null,
            };
            if (value is not null)
            {
                property.SetValue(facts, value);
            }
        }

        return facts;
    }

    private static RuleOptions RandomOptions(Random random) => new(new Dictionary<string, string>
    {
        ["limit"] = (random.Next(5) / 4.0).ToString(CultureInfo.InvariantCulture),
        ["strict"] = random.Next(2) == 1 ? "true" : "nonsense",
        ["word"] = Words[random.Next(Words.Length)],
    });

    /// <summary>Writes random conditions over the public properties of a facts type, in the rule language.</summary>
    internal sealed class ConditionWriter(Type factsType, string scope, Random random)
    {
        private readonly string[] _bools = Names(factsType, typeof(bool));
        private readonly string[] _ints = Names(factsType, typeof(int));
        private readonly string[] _doubles = Names(factsType, typeof(double));
        private readonly string[] _strings = Names(factsType, typeof(string));

        public string Bool(int depth) => (depth <= 0 ? random.Next(3) : random.Next(16)) switch
        {
            0 => Pick(_bools) is { } b ? $"{scope}.{b}" : "true",
            1 => random.Next(2) == 1 ? "true" : "false",
            2 => $"options.Flag(\"strict\", {(random.Next(2) == 1 ? "true" : "false")})",
            3 => $"!{Bool(depth - 1)}",
            4 => $"({Bool(depth - 1)} && {Bool(depth - 1)})",
            5 => $"({Bool(depth - 1)} || {Bool(depth - 1)})",
            6 => $"({Int(depth - 1)} {Pick(["==", "!=", "<", "<=", ">", ">="])} {Int(depth - 1)})",
            7 => $"({Double(depth - 1)} {Pick(["==", "!=", "<", "<=", ">", ">="])} {Double(depth - 1)})",
            8 => $"({String(depth - 1)} {Pick(["==", "!="])} {String(depth - 1)})",
            9 => $"{String(depth - 1)}.{Pick(["Contains", "StartsWith", "EndsWith", "Equals"])}({String(depth - 1)})",
            10 => $"RuleFunctions.{Pick(["ContainsWord", "SameText"])}({String(depth - 1)}, {String(depth - 1)})",
            11 => $"string.IsNullOrEmpty({String(depth - 1)})",
            12 => $"({Bool(depth - 1)} ? {Bool(depth - 1)} : {Bool(depth - 1)})",
            13 => $"({Bool(depth - 1)} == {Bool(depth - 1)})",
            14 => $"({Int(depth - 1)} > {Double(depth - 1)})",
            _ => Pick(_bools) is { } b ? $"{scope}.{b}" : "false",
        };

        private string Int(int depth) => (depth <= 0 ? random.Next(3) : random.Next(10)) switch
        {
            0 => Pick(_ints) is { } i ? $"{scope}.{i}" : "1",
            1 => random.Next(-3, 5).ToString(CultureInfo.InvariantCulture),
            2 => $"{String(0)}.Length",
            3 => $"({Int(depth - 1)} + {Int(depth - 1)})",
            4 => $"({Int(depth - 1)} * {Int(depth - 1)})",
            5 => $"({Int(depth - 1)} - {Int(depth - 1)})",
            6 => $"Math.{Pick(["Max", "Min"])}({Int(depth - 1)}, {Int(depth - 1)})",
            7 => $"{String(depth - 1)}.IndexOf({String(depth - 1)})",
            8 => $"({Int(depth - 1)} {Pick(["/", "%"])} {Int(depth - 1)})",
            _ => $"({Bool(depth - 1)} ? {Int(depth - 1)} : {Int(depth - 1)})",
        };

        private string Double(int depth) => (depth <= 0 ? random.Next(3) : random.Next(7)) switch
        {
            0 => Pick(_doubles) is { } d ? $"{scope}.{d}" : "0.5",
            1 => (random.Next(5) / 4.0).ToString("0.0#", CultureInfo.InvariantCulture),
            2 => $"options.Number(\"limit\", {(random.Next(5) / 4.0).ToString("0.0#", CultureInfo.InvariantCulture)})",
            3 => $"({Double(depth - 1)} + {Double(depth - 1)})",
            4 => $"({Double(depth - 1)} / {Double(depth - 1)})",
            5 => $"Math.{Pick(["Max", "Min"])}({Double(depth - 1)}, {Double(depth - 1)})",
            _ => $"-{Double(depth - 1)}",
        };

        private string String(int depth) => (depth <= 0 ? random.Next(3) : random.Next(6)) switch
        {
            0 => Pick(_strings) is { } s ? $"{scope}.{s}" : "\"\"",
            1 => $"\"{Pick(Words)}\"",
            2 => $"options.Text(\"word\", \"{Pick(Words)}\")",
            3 => $"{String(depth - 1)}.ToLowerInvariant()",
            4 => $"{String(depth - 1)}.Trim()",
            _ => $"({Bool(depth - 1)} ? {String(depth - 1)} : {String(depth - 1)})",
        };

        private string? Pick(string[] options) => options.Length == 0 ? null : options[random.Next(options.Length)];

        private static string[] Names(Type type, Type propertyType) =>
            [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == propertyType).Select(p => p.Name).Order(StringComparer.Ordinal)];
    }
}
