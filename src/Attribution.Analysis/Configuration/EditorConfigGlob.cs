using System.Text;
using System.Text.RegularExpressions;

namespace Attribution.Analysis.Configuration;

/// <summary>
/// An EditorConfig section glob (<c>*</c>, <c>**</c>, <c>?</c>, <c>[abc]</c>, <c>[!abc]</c>, <c>{a,b}</c>,
/// <c>{1..12}</c>, <c>\</c> escapes) as a regular expression run by .NET's non-backtracking engine, whose time is
/// linear in the path whatever the pattern. A configuration file comes with the stories it governs, from anyone who can open a
/// pull request: with a backtracking matcher <c>[*a*a*a*a*a*a*b]</c> took 16 s for one file name and each
/// further star ten times more, and thirty <c>{a,b}</c> expanded into a billion patterns.
/// </summary>
/// <remarks>
/// A pattern without <c>/</c> matches a file name in any folder; one with <c>/</c> is relative to the
/// configuration file's folder (a leading <c>/</c> changes nothing more). A number range <c>{2..10}</c> takes an
/// integer between its ends, inclusive and either way round, written without leading zeros, with an optional
/// sign: the expression takes any integer there and the range is checked on what it took, as the format's
/// reference implementations do. Other braces without a comma, such as <c>{single}</c>, are literal text.
/// </remarks>
internal sealed class EditorConfigGlob
{
    /// <summary>The longest section pattern read; a longer one matches nothing.</summary>
    public const int MaxLength = 4096;

    private static readonly Regex NumberRange = new(@"\G\{([+-]?[0-9]{1,18})\.\.([+-]?[0-9]{1,18})\}", RegexOptions.CultureInvariant);

    private readonly Regex? _regex;

    // The ranges of the pattern's {n..m} in order: capture group i + 1 holds what the i-th took.
    private readonly List<(long Min, long Max)> _ranges;

    // A file-name glob of stars and literal alternatives ("*", "*.md", "*.{yml,yaml}"), the kind most sections
    // have, is matched without a regular expression: building the non-backtracking automaton for the four
    // sections of a usual .editorconfig cost a one-story check about 10 ms, a ninth of its time.
    private readonly string[]? _names;

    private EditorConfigGlob(Regex regex, List<(long Min, long Max)> ranges)
    {
        _regex = regex;
        _ranges = ranges;
    }

    private EditorConfigGlob(string[] names)
    {
        _names = names;
        _ranges = [];
    }

    /// <summary>The glob <paramref name="pattern"/>, matched against a path relative to the configuration's folder with '/' separators.</summary>
    public static EditorConfigGlob Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (SimpleNames(pattern) is { } names)
        {
            return new EditorConfigGlob(names);
        }

        var ranges = new List<(long Min, long Max)>();
        return new EditorConfigGlob(ToRegex(pattern, ranges), ranges);
    }

    /// <summary>Whether the glob is matched without a regular expression (stars and literal alternatives only).</summary>
    internal bool IsPlain => _names is not null;

    /// <summary>True when <paramref name="path"/> (relative, '/' separators) is one the glob names.</summary>
    public bool IsMatch(string path)
    {
        if (_names is not null)
        {
            var name = path.AsSpan(path.LastIndexOf('/') + 1);
            foreach (var alternative in _names)
            {
                if (StarMatch(alternative, name))
                {
                    return true;
                }
            }

            return false;
        }

        if (_ranges.Count == 0)
        {
            return _regex!.IsMatch(path);
        }

        var match = _regex!.Match(path);
        if (!match.Success)
        {
            return false;
        }

        for (var i = 0; i < _ranges.Count; i++)
        {
            var number = match.Groups[i + 1].ValueSpan;
            var digits = number.TrimStart("+-");
            if ((digits.Length > 1 && digits[0] == '0') || !long.TryParse(number, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
                || value < _ranges[i].Min || value > _ranges[i].Max)
            {
                return false;
            }
        }

        return true;
    }

    private const int MaxSimpleAlternatives = 64;

    // The alternatives a pattern of literal characters, '*' and brace groups "{a,b}" of them (not nested, no '/',
    // '?', '[', '\\' or "**") spells out, each a file name with stars; null for any other pattern, which the
    // regular expression takes. "{single}" is literal text there, so a group needs a comma to be taken here.
    private static string[]? SimpleNames(string pattern)
    {
        if (pattern.Length > MaxLength || pattern.AsSpan().IndexOfAny("/?[]\\") >= 0 || pattern.Contains("**", StringComparison.Ordinal))
        {
            return null;
        }

        List<string> names = [""];
        var i = 0;
        while (i < pattern.Length)
        {
            var open = NextBrace(pattern, i);
            var literal = open < 0 ? pattern[i..] : pattern[i..open];
            for (var k = 0; k < names.Count; k++)
            {
                names[k] += literal;
            }

            if (open < 0)
            {
                break;
            }

            var close = NextBrace(pattern, open + 1);
            if (pattern[open] == '}' || close < 0 || pattern[close] == '{')
            {
                return null; // a stray '}', an unclosed or a nested group
            }

            var group = pattern[(open + 1)..close];
            if (!group.Contains(',', StringComparison.Ordinal) || (long)names.Count * (group.Count(c => c == ',') + 1) > MaxSimpleAlternatives)
            {
                return null;
            }

            names = [.. names.SelectMany(n => group.Split(',').Select(a => n + a))];
            i = close + 1;
        }

        return [.. names];
    }

    // The index of the next '{' or '}' at or after from, or -1.
    private static int NextBrace(string pattern, int from) => pattern.AsSpan(from).IndexOfAny('{', '}') is var at and >= 0 ? from + at : -1;

    // Whether name is what a pattern of literal characters and stars spells, a star standing for any run: the
    // pieces between stars are found in order, each as early as it can be, which finds a match when there is one.
    private static bool StarMatch(string pattern, ReadOnlySpan<char> name)
    {
        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return name.SequenceEqual(pattern);
        }

        var last = pattern.LastIndexOf('*');
        var head = pattern.AsSpan(0, star);
        var tail = pattern.AsSpan(last + 1);
        if (name.Length < head.Length + tail.Length || !name.StartsWith(head, StringComparison.Ordinal) || !name.EndsWith(tail, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = name[head.Length..^tail.Length];
        var between = star < last ? pattern.AsSpan(star + 1, last - star - 1) : [];
        foreach (var piece in between.Split('*'))
        {
            var middle = between[piece];
            var at = rest.IndexOf(middle, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            rest = rest[(at + middle.Length)..];
        }

        return true;
    }

    private static Regex ToRegex(string pattern, List<(long Min, long Max)> ranges)
    {
        if (pattern.Length > MaxLength)
        {
            return new Regex("(?!)", RegexOptions.NonBacktracking); // matches nothing
        }

        var body = pattern.StartsWith('/') ? pattern[1..] : pattern;
        var regex = new StringBuilder("^");
        if (!pattern.Contains('/', StringComparison.Ordinal))
        {
            regex.Append("(?:.*/)?"); // a file name, in any folder
        }

        Translate(body, regex, ranges);
        regex.Append('$');
        return new Regex(regex.ToString(), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
    }

    private static void Translate(string p, StringBuilder regex, List<(long Min, long Max)> ranges)
    {
        var braces = new Stack<bool>(); // for each open brace: does it hold alternatives?
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            switch (c)
            {
                case '\\' when i + 1 < p.Length:
                    regex.Append(Regex.Escape(p[++i].ToString()));
                    break;
                case '*' when i + 1 < p.Length && p[i + 1] == '*':
                    i++;
                    if (i + 1 < p.Length && p[i + 1] == '/')
                    {
                        i++;
                        regex.Append("(?:.*/)?"); // "a/**/b" takes in "a/b" too
                    }
                    else
                    {
                        regex.Append(".*");
                    }

                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[' when ClassEnd(p, i) is var end and > 0:
                    AppendClass(p[(i + 1)..end], regex);
                    i = end;
                    break;
                case '{' when NumberRange.Match(p, i) is { Success: true } range:
                    var from = long.Parse(range.Groups[1].ValueSpan, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture);
                    var to = long.Parse(range.Groups[2].ValueSpan, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture);
                    ranges.Add((Math.Min(from, to), Math.Max(from, to)));
                    regex.Append("([+-]?[0-9]+)");
                    i += range.Length - 1;
                    break;
                case '{':
                    var alternatives = HoldsAlternatives(p, i);
                    braces.Push(alternatives);
                    regex.Append(alternatives ? "(?:" : "\\{");
                    break;
                case '}' when braces.Count > 0:
                    regex.Append(braces.Pop() ? ")" : "\\}");
                    break;
                case ',' when braces.Count > 0 && braces.Peek():
                    regex.Append('|');
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        while (braces.Count > 0)
        {
            // An unclosed alternative group closes at the end, as the old expansion read it.
            regex.Append(braces.Pop() ? ")" : "");
        }
    }

    // The index of the ']' that closes the class opened at start, or -1 when none does (the '[' is literal).
    private static int ClassEnd(string p, int start)
    {
        var i = start + 1;
        if (i < p.Length && p[i] is '!' or '^')
        {
            i++;
        }

        if (i < p.Length && p[i] == ']')
        {
            i++; // "[]a]": a leading ']' is a member
        }

        for (; i < p.Length; i++)
        {
            if (p[i] == '/')
            {
                return -1;
            }

            if (p[i] == ']')
            {
                return i;
            }
        }

        return -1;
    }

    private static void AppendClass(string members, StringBuilder regex)
    {
        var negated = members.Length > 0 && members[0] is '!' or '^';
        regex.Append(negated ? "[^/" : "[");
        for (var i = negated ? 1 : 0; i < members.Length; i++)
        {
            var m = members[i];
            // A range a-z stays a range; anything the class syntax gives meaning to is escaped.
            regex.Append(m == '-' && i > (negated ? 1 : 0) && i < members.Length - 1 ? "-" : Regex.Escape(m.ToString()).Replace("]", "\\]", StringComparison.Ordinal).Replace("-", "\\-", StringComparison.Ordinal));
        }

        regex.Append(']');
    }

    // True when the brace at start has a matching '}' with a ',' directly inside it: "{a,b}", not "{a}".
    private static bool HoldsAlternatives(string p, int start)
    {
        var depth = 0;
        var comma = false;
        for (var i = start; i < p.Length; i++)
        {
            switch (p[i])
            {
                case '\\':
                    i++;
                    break;
                case '{':
                    depth++;
                    break;
                case '}':
                    if (--depth == 0)
                    {
                        return comma;
                    }

                    break;
                case ',' when depth == 1:
                    comma = true;
                    break;
            }
        }

        return false;
    }
}
