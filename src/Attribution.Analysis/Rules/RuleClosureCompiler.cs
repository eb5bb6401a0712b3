using System.Linq.Expressions;
using System.Numerics;
using System.Reflection;

namespace Attribution.Analysis.Rules;

/// <summary>
/// Turns a checked rule condition into a tree of typed closures, for a runtime that cannot compile
/// expression trees to code (the Native AOT tool). There <see cref="LambdaExpression.Compile()"/> gives
/// an interpreter that allocates a frame per evaluation and reads every property through reflection:
/// 11% of the compiled tool's instructions over a sample of the corpus. Here each property read is a
/// delegate bound to the getter once, and an evaluation allocates nothing of its own.
/// </summary>
/// <remarks>
/// It knows the shapes rules are written in: fact properties of type bool, int, double and string,
/// constants, <c>! &amp;&amp; ||</c>, comparisons, arithmetic, <c>?:</c>, the string members that take a
/// string or nothing, <c>options.Number/Flag/Text</c>, <see cref="RuleFunctions"/> and <c>Math</c>. For any
/// other shape (a lambda, a char, a nullable, a checked operation) it returns null and the caller compiles
/// the expression as before, so it never changes what a rule means, only how fast it runs.
/// </remarks>
internal sealed class RuleClosureCompiler
{
    private readonly ParameterExpression _first;
    private readonly ParameterExpression? _second;

    private RuleClosureCompiler(ParameterExpression first, ParameterExpression? second)
    {
        _first = first;
        _second = second;
    }

    /// <summary>The condition as a closure over (facts, options), or null when a shape is not known here.</summary>
    public static Func<object?, object?, bool>? TryCompile(Expression body, IReadOnlyList<ParameterExpression> parameters) =>
        parameters.Count is 1 or 2 ? new RuleClosureCompiler(parameters[0], parameters.Count == 2 ? parameters[1] : null).Bool(body) : null;

    private Func<object?, object?, bool>? Bool(Expression e)
    {
        switch (e)
        {
            case ConstantExpression { Value: bool value }:
                return (_, _) => value;
            case UnaryExpression { NodeType: ExpressionType.Not, Method: null } negation when negation.Operand.Type == typeof(bool):
                return Bool(negation.Operand) is { } operand ? (a, b) => !operand(a, b) : null;
            case BinaryExpression { NodeType: ExpressionType.AndAlso, Method: null } and:
                return Both(Bool(and.Left), Bool(and.Right)) is (var first, var second) ? (a, b) => first(a, b) && second(a, b) : null;
            case BinaryExpression { NodeType: ExpressionType.OrElse, Method: null } or:
                return Both(Bool(or.Left), Bool(or.Right)) is (var either, var other) ? (a, b) => either(a, b) || other(a, b) : null;
            case BinaryExpression binary:
                return Comparison(binary);
            default:
                return Common(e, Bool);
        }
    }

    private Func<object?, object?, int>? Int(Expression e) => Number<int>(e);

    private Func<object?, object?, double>? Double(Expression e) =>
        e is UnaryExpression { NodeType: ExpressionType.Convert, Method: null, Operand.Type: var from } convert && from == typeof(int)
            ? Int(convert.Operand) is { } operand ? (a, b) => operand(a, b) : null
            : Number<double>(e);

    // Ints and doubles alike: constants, negation, arithmetic (unchecked, as the compiled expression's), ?:,
    // members and calls.
    private Func<object?, object?, T>? Number<T>(Expression e)
        where T : struct, INumber<T>
    {
        switch (e)
        {
            case ConstantExpression { Value: T value }:
                return (_, _) => value;
            case UnaryExpression { NodeType: ExpressionType.Negate, Method: null } negate:
                return Value<T>(negate.Operand) is { } operand ? (a, b) => -operand(a, b) : null;
            case BinaryExpression { Method: null } binary when binary.Left.Type == typeof(T) && binary.Right.Type == typeof(T):
                if (Both(Value<T>(binary.Left), Value<T>(binary.Right)) is not (var l, var r))
                {
                    return null;
                }

                return binary.NodeType switch
                {
                    ExpressionType.Add => (a, b) => l(a, b) + r(a, b),
                    ExpressionType.Subtract => (a, b) => l(a, b) - r(a, b),
                    ExpressionType.Multiply => (a, b) => l(a, b) * r(a, b),
                    ExpressionType.Divide => (a, b) => l(a, b) / r(a, b),
                    ExpressionType.Modulo => (a, b) => l(a, b) % r(a, b),
                    _ => null,
                };
            default:
                return Common(e, Value<T>);
        }
    }

    private Func<object?, object?, string?>? String(Expression e) => e switch
    {
        ConstantExpression { Value: null or string } constant when constant.Type == typeof(string) => constant.Value as string is var value ? (_, _) => value : null,
        _ => Common(e, String),
    };

    // The shapes every result type shares: ?: (its branches read by `self`), members and calls.
    private Func<object?, object?, T>? Common<T>(Expression e, Func<Expression, Func<object?, object?, T>?> self) => e switch
    {
        ConditionalExpression conditional => Conditional(conditional, self),
        MemberExpression member => Member<T>(member),
        MethodCallExpression call => Call<T>(call),
        _ => null,
    };

    // The facts or the options: a parameter of the lambda.
    private Func<object?, object?, object?>? Object(Expression e) =>
        e == _first ? (a, _) => a
        : e == _second ? (_, b) => b
        : null;

    // Comparisons of bools, ints, doubles and strings; a string's == is its ordinal equality operator.
    private Func<object?, object?, bool>? Comparison(BinaryExpression e)
    {
        var type = e.Left.Type;
        if (type != e.Right.Type || (e.Method is not null && !(type == typeof(string) && e.Method.DeclaringType == typeof(string))))
        {
            return null;
        }

        if (type == typeof(string) && e.Method is { } method && Both(String(e.Left), String(e.Right)) is (var ls, var rs)
            && Delegate<Func<string?, string?, bool>>(method) is { } op)
        {
            return (a, b) => op(ls(a, b), rs(a, b));
        }

        if (type == typeof(bool) && Both(Bool(e.Left), Bool(e.Right)) is (var lb, var rb))
        {
            return e.NodeType switch
            {
                ExpressionType.Equal => (a, b) => lb(a, b) == rb(a, b),
                ExpressionType.NotEqual => (a, b) => lb(a, b) != rb(a, b),
                _ => null,
            };
        }

        return type == typeof(int) ? Ordered<int>(e)
            : type == typeof(double) ? Ordered<double>(e)
            : null;
    }

    private Func<object?, object?, bool>? Ordered<T>(BinaryExpression e)
        where T : struct, INumber<T>
    {
        if (Both(Value<T>(e.Left), Value<T>(e.Right)) is not (var l, var r))
        {
            return null;
        }

        return e.NodeType switch
        {
            ExpressionType.Equal => (a, b) => l(a, b) == r(a, b),
            ExpressionType.NotEqual => (a, b) => l(a, b) != r(a, b),
            ExpressionType.LessThan => (a, b) => l(a, b) < r(a, b),
            ExpressionType.LessThanOrEqual => (a, b) => l(a, b) <= r(a, b),
            ExpressionType.GreaterThan => (a, b) => l(a, b) > r(a, b),
            ExpressionType.GreaterThanOrEqual => (a, b) => l(a, b) >= r(a, b),
            _ => null,
        };
    }

    private Func<object?, object?, T>? Conditional<T>(ConditionalExpression e, Func<Expression, Func<object?, object?, T>?> branch) =>
        Bool(e.Test) is { } test && Both(branch(e.IfTrue), branch(e.IfFalse)) is (var yes, var no)
            ? (a, b) => test(a, b) ? yes(a, b) : no(a, b)
            : null;

    // A property of the facts ("quote.HasCue") or of a string ("quote.Text.Length"), read through a delegate
    // bound to its getter; a constant field ("int.MaxValue") is read once.
    private Func<object?, object?, T>? Member<T>(MemberExpression e)
    {
        if (e.Member is FieldInfo { IsStatic: true } field && (field.IsLiteral || field.IsInitOnly) && field.FieldType == typeof(T))
        {
            var value = (T)field.GetValue(null)!;
            return (_, _) => value;
        }

        if (e.Member is not PropertyInfo { GetMethod: { IsStatic: false } getter } || getter.ReturnType != typeof(T) || e.Expression is null)
        {
            return null;
        }

        if (getter.DeclaringType == typeof(string))
        {
            return String(e.Expression) is { } text && Delegate<Func<string, T>>(getter) is { } read ? (a, b) => read(text(a, b)!) : null;
        }

        if (Object(e.Expression) is not { } owner)
        {
            return null;
        }

        // One delegate type per fact type: the getter is bound once, with no reflection per read.
        return Bound<QuoteFacts, T>(owner, getter) ?? Bound<SourceFacts, T>(owner, getter) ?? Bound<ArticleFacts, T>(owner, getter);
    }

    private static Func<object?, object?, T>? Bound<TFacts, T>(Func<object?, object?, object?> owner, MethodInfo getter) =>
        getter.DeclaringType == typeof(TFacts) && Delegate<Func<TFacts, T>>(getter) is { } read
            ? (a, b) => read((TFacts)owner(a, b)!)
            : null;

    // String members that take a string or nothing, options.Number/Flag/Text, and static helpers over
    // strings, ints or doubles (RuleFunctions.ContainsWord, string.IsNullOrEmpty, Math.Max).
    private Func<object?, object?, T>? Call<T>(MethodCallExpression e)
    {
        var method = e.Method;
        var args = e.Arguments;
        if (method.ReturnType != typeof(T) || method.IsGenericMethod)
        {
            return null;
        }

        if (!method.IsStatic && method.DeclaringType == typeof(string) && e.Object is { } target && String(target) is { } self)
        {
            if (args.Count == 0 && Delegate<Func<string, T>>(method) is { } none)
            {
                return (a, b) => none(self(a, b)!);
            }

            if (args.Count == 1 && args[0].Type == typeof(string) && String(args[0]) is { } arg && Delegate<Func<string, string?, T>>(method) is { } one)
            {
                return (a, b) => one(self(a, b)!, arg(a, b));
            }

            return null;
        }

        if (!method.IsStatic && method.DeclaringType == typeof(RuleOptions) && e.Object is { } options && Object(options) is { } owner
            && args.Count == 2 && args[0].Type == typeof(string) && args[1].Type == typeof(T) && String(args[0]) is { } name
            && Value<T>(args[1]) is { } fallback && Delegate<Func<RuleOptions, string, T, T>>(method) is { } read)
        {
            return (a, b) => read((RuleOptions)owner(a, b)!, name(a, b)!, fallback(a, b));
        }

        if (!method.IsStatic || !IsAllowedStatic(method.DeclaringType))
        {
            return null;
        }

        if (args.Count == 1 && args[0].Type == typeof(string) && String(args[0]) is { } s && Delegate<Func<string?, T>>(method) is { } unary)
        {
            return (a, b) => unary(s(a, b));
        }

        if (args.Count == 1 && args[0].Type == typeof(T) && Value<T>(args[0]) is { } x && Delegate<Func<T, T>>(method) is { } same)
        {
            return (a, b) => same(x(a, b));
        }

        if (args.Count == 2 && args[0].Type == typeof(string) && args[1].Type == typeof(string)
            && Both(String(args[0]), String(args[1])) is (var s1, var s2) && Delegate<Func<string?, string?, T>>(method) is { } pair)
        {
            return (a, b) => pair(s1(a, b), s2(a, b));
        }

        if (args.Count == 2 && args[0].Type == typeof(T) && args[1].Type == typeof(T)
            && Both(Value<T>(args[0]), Value<T>(args[1])) is (var v1, var v2) && Delegate<Func<T, T, T>>(method) is { } binary)
        {
            return (a, b) => binary(v1(a, b), v2(a, b));
        }

        return null;
    }

    private static bool IsAllowedStatic(Type? type) => type == typeof(string) || type == typeof(RuleFunctions) || type == typeof(Math);

    // A closure of the type a call's result has: the same builder as for any expression of that type.
    private Func<object?, object?, T>? Value<T>(Expression e)
    {
        Delegate? value = typeof(T) == typeof(bool) ? Bool(e)
            : typeof(T) == typeof(int) ? Int(e)
            : typeof(T) == typeof(double) ? Double(e)
            : typeof(T) == typeof(string) ? String(e)
            : null;
        return value as Func<object?, object?, T>;
    }

    private static (TLeft Left, TRight Right)? Both<TLeft, TRight>(TLeft? left, TRight? right)
        where TLeft : class
        where TRight : class =>
        left is null || right is null ? null : (left, right);

    // The method as a delegate of exactly its signature (an instance method takes its target first), or null.
    private static TDelegate? Delegate<TDelegate>(MethodInfo method)
        where TDelegate : Delegate
    {
        try
        {
            return method.CreateDelegate<TDelegate>();
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or MissingMethodException or InvalidOperationException)
        {
            return null;
        }
    }
}
