using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace Attribution.Analysis.Rules;

/// <summary>
/// The one place RulesEngine is used: its expression parser turns a rule's <c>when:</c> text into a
/// compiled delegate, once per process. Every expression is checked against an allow-list of the
/// fact types and <see cref="RuleFunctions"/> before it is compiled, so a rule cannot reach files,
/// processes, reflection or the environment.
/// </summary>
internal sealed class RuleExpressionCompiler
{
    /// <summary>Longer expressions are refused: a rule is a short predicate.</summary>
    public const int MaxExpressionLength = 2000;

    private static readonly HashSet<Type> AllowedTypes =
    [
        typeof(SourceFacts), typeof(QuoteFacts), typeof(ArticleFacts), typeof(RuleFunctions), typeof(RuleOptions),
        typeof(string), typeof(bool), typeof(int), typeof(long), typeof(double), typeof(float), typeof(decimal),
        typeof(Math), typeof(char),
    ];

    private readonly RuleExpressionParser _parser = new(new ReSettings
    {
        CustomTypes = [typeof(RuleFunctions), typeof(RuleOptions)],
        IsExpressionCaseSensitive = true,
    });

    private readonly bool _closures;

    /// <summary>Creates the compiler.</summary>
    /// <param name="closures">
    /// Turn conditions into closures (<see cref="RuleClosureCompiler"/>) rather than compile them; by default
    /// only where expression trees cannot be compiled to code (the Native AOT tool).
    /// </param>
    /// <param name="scanTypes">
    /// Let the parser look through every loaded type for <c>[DynamicLinqType]</c>, as it does by default;
    /// otherwise (the default here) it is told up front that there are none. See <see cref="SkipsTypeScan"/>.
    /// </param>
    /// <param name="systemEnumsUpFront">
    /// Let the parser build its table of the base library's enums before the first expression, as it does by
    /// default; otherwise (the default here) only for an expression that does not parse without it. See
    /// <see cref="DefersSystemEnums"/>.
    /// </param>
    public RuleExpressionCompiler(bool? closures = null, bool scanTypes = false, bool systemEnumsUpFront = false)
    {
        _closures = closures ?? !RuntimeFeature.IsDynamicCodeCompiled;
        SkipsTypeScan = !scanTypes && TrySkipTypeScan(_parser);
        DefersSystemEnums = !systemEnumsUpFront && TrySetSystemEnums(_parser, false);
        ParsingConfigOf(_parser).ConstantExpressionCacheConfig = NoSharedConstants;
        GC.KeepAlive(LinqOverText.Roots);
    }

    // System.Linq.Dynamic.Core keeps the constant it made for a literal and hands it out again for any literal
    // of an equal value, and -0.0 equals 0.0: once a rule had "-0.0", a later "0.0" in any rule was -0.0 (and
    // 1.0 / 0.0 gave -Infinity), or the other way round. Its entries expiring as they are made, every literal
    // gets its own constant. The cache only saves allocating a few constants per rule at load.
    private static readonly System.Linq.Dynamic.Core.Util.Cache.CacheConfig NoSharedConstants = new()
    {
        TimeToLive = TimeSpan.FromTicks(-1),
        ReturnExpiredItems = false,
    };

    /// <summary>
    /// True when the parser was told that no loaded type is marked <c>[DynamicLinqType]</c> instead of looking.
    /// </summary>
    /// <remarks>
    /// RulesEngine's parser asks System.Linq.Dynamic.Core for such types before its first expression, and
    /// the answer takes a look at the attributes of every type in every loaded assembly: 236 million
    /// instructions in the compiled tool (over 4,000 types), a third of the time a one-story check takes
    /// and 4% of a run over the 20,732-story corpus. A type found that way adds nothing a rule may use: the
    /// allow-list admits only the fact types, <see cref="RuleFunctions"/>, strings, numbers and
    /// <see cref="Math"/>, which the parser knows without it. RulesEngine builds the type provider itself,
    /// so the answer is put in the provider's cache before the first parse. That reaches private members
    /// of the pinned RulesEngine and System.Linq.Dynamic.Core versions; if a later version lacks them the
    /// parser scans as before, and a test fails.
    /// </remarks>
    internal bool SkipsTypeScan { get; }

    private static bool TrySkipTypeScan(RuleExpressionParser parser)
    {
        try
        {
            if (ParsingConfigOf(parser).CustomTypeProvider is DefaultDynamicLinqCustomTypeProvider provider)
            {
                MarkedTypesOf(provider) ??= [];
                return true;
            }
        }
        catch (MissingMemberException)
        {
            // Another RulesEngine or System.Linq.Dynamic.Core version: the parser scans, as it would anyway.
        }

        return false;
    }

    /// <summary>
    /// True when the parser first tries each expression without the enums of the base library
    /// (<c>StringComparison.Ordinal</c>), and builds their table only for an expression that needs it.
    /// </summary>
    /// <remarks>
    /// System.Linq.Dynamic.Core builds that table, by reflection over every type of five assemblies, the first
    /// time the parser meets an identifier: 43 million instructions, a quarter of a one-story check, for
    /// rules that name no such enum (no bundled rule does). An expression that parses without the table
    /// parses to the same tree with it: the table is consulted only for an identifier that is not a keyword,
    /// and the parser puts the rule's parameters and the members of <c>it</c> before it. (A lambda's own
    /// parameter named like an enum, <c>Words.Any(TypeCode => ...)</c>, is the exception: the table used to
    /// win and now the parameter does.) An expression that does not parse without it is parsed again with
    /// it, so it gets what it got before, the same tree or the same error.
    /// </remarks>
    internal bool DefersSystemEnums { get; private set; }

    private static bool TrySetSystemEnums(RuleExpressionParser parser, bool on)
    {
        try
        {
            ParsingConfigOf(parser).SupportEnumerationsFromSystemNamespace = on;
            return true;
        }
        catch (MissingMemberException)
        {
            return false; // another RulesEngine version: the parser builds the table as it would anyway
        }
    }

    // RulesEngine makes the parsing configuration, with its type provider, on first use and keeps it.
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "GetParsingConfig")]
    private static extern ParsingConfig ParsingConfigOf(RuleExpressionParser parser);

    // The provider's cache of the types marked [DynamicLinqType], filled by the scan when it is null.
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_cachedCustomTypes")]
    private static extern ref HashSet<Type>? MarkedTypesOf(DefaultDynamicLinqCustomTypeProvider provider);

    /// <summary>Compiles <paramref name="expression"/> over a parameter named <paramref name="name"/>.</summary>
    /// <exception cref="RuleCompileException">The expression is invalid or uses something not allowed.</exception>
    public Func<T, TResult> Compile<T, TResult>(string name, string expression)
    {
        var parameter = Expression.Parameter(typeof(T), name);
        var parsed = Parse(expression, typeof(TResult), parameter);
        return Closures<TResult>(parsed, parameter) is { } closure
            ? (Func<T, TResult>)(object)new Func<T, bool>(facts => closure(facts, null))
            : Compile<Func<T, TResult>>(parsed, parameter);
    }

    /// <summary>Compiles <paramref name="expression"/> over two parameters (the facts and the rule's options).</summary>
    /// <exception cref="RuleCompileException">The expression is invalid or uses something not allowed.</exception>
    public Func<T1, T2, TResult> Compile<T1, T2, TResult>(string name1, string name2, string expression)
    {
        ParameterExpression[] parameters = [Expression.Parameter(typeof(T1), name1), Expression.Parameter(typeof(T2), name2)];
        var parsed = Parse(expression, typeof(TResult), parameters);
        return Closures<TResult>(parsed, parameters) is { } closure
            ? (Func<T1, T2, TResult>)(object)new Func<T1, T2, bool>((facts, options) => closure(facts, options))
            : Compile<Func<T1, T2, TResult>>(parsed, parameters);
    }

    // The condition as closures, when this compiler makes them and the condition is one (a bool).
    private Func<object?, object?, bool>? Closures<TResult>(Expression parsed, params ParameterExpression[] parameters) =>
        _closures && typeof(TResult) == typeof(bool) ? RuleClosureCompiler.TryCompile(parsed, parameters) : null;

    // Parse with RulesEngine's parser and check the tree against the allow-list. The tree is then compiled
    // into a typed delegate directly: RulesEngine's own Compile would parse the text a second time and wrap
    // the delegate in one taking an object[], an array allocated on every evaluation (40 MB over the corpus).
    internal Expression Parse(string expression, Type result, params ParameterExpression[] parameters)
    {
        if (expression.Length > MaxExpressionLength)
        {
            throw new RuleCompileException($"the expression is longer than {MaxExpressionLength} characters");
        }

        Expression parsed;
        while (true)
        {
            try
            {
                parsed = _parser.Parse(expression, parameters, result);
                break;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                if (!DefersSystemEnums)
                {
                    throw new RuleCompileException(FirstLine(ex.Message));
                }

                // Perhaps the expression names an enum of the base library: from now on the parser knows them.
                DefersSystemEnums = !TrySetSystemEnums(_parser, true);
            }
        }

        new AllowListVisitor().Visit(parsed);
        return parsed;
    }

    private static TDelegate Compile<TDelegate>(Expression parsed, params ParameterExpression[] parameters)
        where TDelegate : Delegate
    {
        try
        {
            return Expression.Lambda<TDelegate>(parsed, parameters).Compile();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new RuleCompileException(FirstLine(ex.Message));
        }
    }

    private static string FirstLine(string message)
    {
        var i = message.IndexOf('\n', StringComparison.Ordinal);
        return i < 0 ? message : message[..i];
    }

    /// <summary>
    /// Refuses members and calls outside the fact types, strings, numbers and <see cref="RuleFunctions"/>, and
    /// the shapes whose cost a rule's length does not bound: string members that build text of any size
    /// (<c>quote.Text.Replace("e", quote.Text)</c> grows with the square of the quotation, and again with each
    /// nesting; <c>PadLeft(1000000000)</c> asks for 2 GB), sequences of any length
    /// (<c>Enumerable.Range(0, 2000000000).Count()</c>), and loops in loops: a lambda runs once per element
    /// of a text, so it may not hold another lambda, read a whole text again (<c>c =&gt; quote.Text.Contains(c)</c>)
    /// or give texts or sequences (<c>string.Concat(quote.Text.Select(c =&gt; quote.Text))</c>), and
    /// <c>SelectMany</c> is a loop in a loop by itself.
    /// </summary>
    private sealed class AllowListVisitor : ExpressionVisitor
    {
        private static readonly HashSet<string> UnboundedStringMembers = ["Replace", "PadLeft", "PadRight", "ReplaceLineEndings"];
        private static readonly HashSet<string> UnboundedSequences = ["Range", "Repeat", "SelectMany"];

        private int _lambdaDepth;
        private IReadOnlyCollection<ParameterExpression> _lambdaParameters = [];

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            if (++_lambdaDepth > 1)
            {
                throw new RuleCompileException("a lambda inside a lambda is not allowed in a rule expression: its cost grows with the product of the texts");
            }

            if (typeof(System.Collections.IEnumerable).IsAssignableFrom(node.Body.Type))
            {
                throw new RuleCompileException("a lambda in a rule expression must give a number, a character or true/false, not a text or a sequence: it runs once for each element");
            }

            _lambdaParameters = node.Parameters;

            try
            {
                return base.VisitLambda(node);
            }
            finally
            {
                _lambdaDepth--;
                _lambdaParameters = [];
            }
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            Check(node.Member);
            return base.VisitMember(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            Check(node.Method);
            if (node.Method.Name is "GetType" or "ReferenceEquals" or "MemberwiseClone")
            {
                throw new RuleCompileException($"'{node.Method.Name}' is not allowed in a rule expression");
            }

            if (node.Method.DeclaringType == typeof(string) && UnboundedStringMembers.Contains(node.Method.Name))
            {
                throw new RuleCompileException($"'string.{node.Method.Name}' is not allowed in a rule expression: the text it builds has no bound");
            }

            // string.Join(quote.Text, words) repeats the whole text once per word; Concat over a sequence likewise.
            if (node.Method.DeclaringType == typeof(string) && (node.Method.Name == "Join"
                || (node.Method.Name == "Concat" && node.Arguments.Any(a => a.Type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(a.Type)))))
            {
                throw new RuleCompileException($"'string.{node.Method.Name}' over a sequence is not allowed in a rule expression: the text it builds grows with the text times its words");
            }

            if (node.Method.DeclaringType == typeof(Enumerable) && UnboundedSequences.Contains(node.Method.Name))
            {
                throw new RuleCompileException($"'Enumerable.{node.Method.Name}' is not allowed in a rule expression: its cost has no bound");
            }

            if (_lambdaDepth > 0 && ReadsAText(node.Method) && !Uses(node.Object ?? node.Arguments.FirstOrDefault(), _lambdaParameters))
            {
                throw new RuleCompileException(
                    $"'{node.Method.DeclaringType?.Name}.{node.Method.Name}' is not allowed inside a lambda: the lambda runs once for each character, so reading a text there costs the square of its length");
            }

            // Every argument, not only the first: inside a lambda a call may not build text from a whole text of the
            // story (w.Insert(0, quote.Text) copies it once per word).
            if (_lambdaDepth > 0 && node.Method.DeclaringType == typeof(string) && BuildsText(node.Method.Name)
                && node.Arguments.Any(a => IsOuterText(a)))
            {
                throw new RuleCompileException(
                    $"'string.{node.Method.Name}' with a text of the story is not allowed inside a lambda: the lambda runs once for each element, so the copies cost the square of its length");
            }

            return base.VisitMethodCall(node);
        }

        // "w + quote.Text" inside a lambda copies the whole text once per element: refused, as Concat is.
        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (_lambdaDepth > 0 && node.NodeType == ExpressionType.Add && node.Type == typeof(string) && (IsOuterText(node.Left) || IsOuterText(node.Right)))
            {
                throw new RuleCompileException(
                    "joining a text of the story to another with '+' is not allowed inside a lambda: the lambda runs once for each element, so the copies cost the square of its length");
            }

            return base.VisitBinary(node);
        }

        // A text that is not the lambda's element nor a constant: a whole text of the story, whatever its length.
        private bool IsOuterText(Expression expression) =>
            expression.Type == typeof(string) && expression is not ConstantExpression && !Uses(expression, _lambdaParameters);

        private static bool BuildsText(string name) => name is "Concat" or "Insert" or "Format" or "Join" or "Replace" or "PadLeft" or "PadRight";

        protected override Expression VisitNew(NewExpression node) =>
            throw new RuleCompileException($"creating objects ('new {node.Type.Name}') is not allowed in a rule expression");

        protected override Expression VisitNewArray(NewArrayExpression node) =>
            AllowedTypes.Contains(node.Type.GetElementType()!) ? base.VisitNewArray(node)
                : throw new RuleCompileException("arrays of that type are not allowed in a rule expression");

        protected override Expression VisitInvocation(InvocationExpression node) =>
            throw new RuleCompileException("invoking delegates is not allowed in a rule expression");

        protected override Expression VisitConstant(ConstantExpression node)
        {
            if (node.Value is not null && !AllowedTypes.Contains(node.Type) && !node.Type.IsEnum)
            {
                throw new RuleCompileException($"a value of type '{node.Type.Name}' is not allowed in a rule expression");
            }

            return base.VisitConstant(node);
        }

        // True when expression reads one of the parameters: a call on the lambda's own element ("w => w.StartsWith(…)"
        // over words) costs that element's length, not the whole text's.
        private static bool Uses(Expression? expression, IReadOnlyCollection<ParameterExpression> parameters)
        {
            if (expression is null)
            {
                return false;
            }

            var finder = new ParameterFinder(parameters);
            finder.Visit(expression);
            return finder.Found;
        }

        private sealed class ParameterFinder(IReadOnlyCollection<ParameterExpression> parameters) : ExpressionVisitor
        {
            public bool Found { get; private set; }

            protected override Expression VisitParameter(ParameterExpression node)
            {
                Found |= parameters.Contains(node);
                return node;
            }
        }

        // A call whose cost grows with a text or a sequence: string and sequence methods, and RuleFunctions, which
        // read the texts they are given. Character, number and Math calls take constant time.
        private static bool ReadsAText(MethodInfo method) =>
            method.DeclaringType == typeof(string) || method.DeclaringType == typeof(Enumerable) || method.DeclaringType == typeof(RuleFunctions);

        private static void Check(MemberInfo member)
        {
            var type = member.DeclaringType;
            if (type is null || (!AllowedTypes.Contains(type) && type != typeof(Enumerable)))
            {
                throw new RuleCompileException(
                    $"'{type?.Name}.{member.Name}' is not allowed in a rule expression; use the fact properties and RuleFunctions");
            }
        }
    }
}

/// <summary>A rule expression could not be compiled.</summary>
public sealed class RuleCompileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuleCompileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RuleCompileException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public RuleCompileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Helpers a rule expression may call: <c>RuleFunctions.ContainsWord(source.Name, "ministry")</c>.</summary>
public static class RuleFunctions
{
    /// <summary>True when <paramref name="text"/> contains <paramref name="word"/> as a whole word, ignoring case.</summary>
    public static bool ContainsWord(string text, string word)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(word);
        var at = 0;
        while ((at = text.IndexOf(word, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var after = at + word.Length >= text.Length || !char.IsLetterOrDigit(text[at + word.Length]);
            if (before && after)
            {
                return true;
            }

            at++;
        }

        return false;
    }

    /// <summary>True when the two strings are equal ignoring case.</summary>
    public static bool SameText(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
