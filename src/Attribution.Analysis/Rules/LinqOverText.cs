namespace Attribution.Analysis.Rules;

/// <summary>
/// The LINQ methods over a text's characters that a rule's lambda may call (<c>quote.Text.Count(c =&gt;
/// char.IsUpper(c))</c>). The compiled tool runs such a condition in the expression interpreter, which finds
/// each method by reflection for <c>char</c>; Native AOT can only hand over an instantiation whose code it
/// generated, so naming them here is what makes them work there (before, the rule was refused at load with
/// "missing native code"). Instantiations over reference types share one code and need no naming.
/// </summary>
internal static class LinqOverText
{
    /// <summary>The instantiations, kept reachable by <see cref="RuleExpressionCompiler"/>.</summary>
    public static readonly Delegate[] Roots =
    [
        (Func<IEnumerable<char>, bool>)Enumerable.Any,
        (Func<IEnumerable<char>, Func<char, bool>, bool>)Enumerable.Any,
        (Func<IEnumerable<char>, Func<char, bool>, bool>)Enumerable.All,
        (Func<IEnumerable<char>, int>)Enumerable.Count,
        (Func<IEnumerable<char>, Func<char, bool>, int>)Enumerable.Count,
        (Func<IEnumerable<char>, char>)Enumerable.First,
        (Func<IEnumerable<char>, Func<char, bool>, char>)Enumerable.First,
        (Func<IEnumerable<char>, char>)Enumerable.FirstOrDefault,
        (Func<IEnumerable<char>, Func<char, bool>, char>)Enumerable.FirstOrDefault,
        (Func<IEnumerable<char>, char>)Enumerable.Last,
        (Func<IEnumerable<char>, Func<char, bool>, char>)Enumerable.Last,
        (Func<IEnumerable<char>, char>)Enumerable.LastOrDefault,
        (Func<IEnumerable<char>, Func<char, bool>, char>)Enumerable.LastOrDefault,
        (Func<IEnumerable<char>, int, char>)Enumerable.ElementAt,
        (Func<IEnumerable<char>, char, bool>)Enumerable.Contains,
        (Func<IEnumerable<char>, IEnumerable<char>, bool>)Enumerable.SequenceEqual,
        (Func<IEnumerable<char>, Func<char, bool>, IEnumerable<char>>)Enumerable.Where,
        (Func<IEnumerable<char>, Func<char, bool>, IEnumerable<char>>)Enumerable.TakeWhile,
        (Func<IEnumerable<char>, Func<char, bool>, IEnumerable<char>>)Enumerable.SkipWhile,
        (Func<IEnumerable<char>, int, IEnumerable<char>>)Enumerable.Skip,
        (Func<IEnumerable<char>, int, IEnumerable<char>>)Enumerable.Take,
        (Func<IEnumerable<char>, IEnumerable<char>>)Enumerable.Distinct,
        (Func<IEnumerable<char>, Func<char, int>, int>)Enumerable.Sum,
        (Func<IEnumerable<char>, Func<char, int>, int>)Enumerable.Max,
        (Func<IEnumerable<char>, Func<char, int>, int>)Enumerable.Min,
        (Func<IEnumerable<char>, Func<char, bool>, IEnumerable<bool>>)Enumerable.Select,
        (Func<IEnumerable<char>, Func<char, int>, IEnumerable<int>>)Enumerable.Select,
        (Func<IEnumerable<char>, Func<char, char>, IEnumerable<char>>)Enumerable.Select,
        (Func<IEnumerable<int>, int>)Enumerable.Sum,
        (Func<IEnumerable<int>, int>)Enumerable.Max,
        (Func<IEnumerable<int>, int>)Enumerable.Min,
        (Func<IEnumerable<int>, int>)Enumerable.Count,
        (Func<IEnumerable<bool>, int>)Enumerable.Count,
        (Func<IEnumerable<string>, Func<string, bool>, bool>)Enumerable.Any,
        (Func<IEnumerable<string>, Func<string, bool>, int>)Enumerable.Count,
    ];
}
