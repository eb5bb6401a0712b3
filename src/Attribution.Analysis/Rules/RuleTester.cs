using System.Text;
using Attribution.Text;

namespace Attribution.Analysis.Rules;

/// <summary>
/// Test markup in the Roslyn style: <c>{|AT2001:A senior official|}</c> marks where a diagnostic must
/// appear; text without markup must stay clean of the rule under test.
/// </summary>
public static class TestMarkup
{
    /// <summary>Strips the markup, returning the plain text and the expected (rule ID, span) pairs.</summary>
    public static (string Text, List<(string Id, TextSpan Span)> Expected) Parse(string markup)
    {
        var sb = new StringBuilder(markup.Length);
        var expected = new List<(string, TextSpan)>();
        var open = new Stack<(string Id, int Start)>();
        var i = 0;
        while (i < markup.Length)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                var colon = markup.IndexOf(':', i + 2);
                if (colon > i + 2 && DiagnosticRuleLoader.IsRuleId(markup[(i + 2)..colon]))
                {
                    open.Push((markup[(i + 2)..colon], sb.Length));
                    i = colon + 1;
                    continue;
                }
            }

            if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (id, start) = open.Pop();
                expected.Add((id, new TextSpan(start, sb.Length)));
                i += 2;
                continue;
            }

            sb.Append(markup[i]);
            i++;
        }

        return (sb.ToString(), expected);
    }
}

/// <summary>One failed expectation of a rule test.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="File">Where the case is written.</param>
/// <param name="Line">Its line.</param>
/// <param name="Message">What differed.</param>
public sealed record RuleTestFailure(string RuleId, string File, int Line, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}({Line},1): error {RuleId}: {Message}";
}

/// <summary>
/// Runs every rule's <c>examples</c> and its fixture file (<c>&lt;ID&gt;.&lt;Name&gt;.fixtures.md</c> beside
/// the rule, with <c>```story</c> blocks) and checks each marked span, and nothing else, is flagged.
/// </summary>
public sealed class RuleTester
{
    private readonly Analyzer _analyzer;

    /// <summary>Creates a tester over an analyzer.</summary>
    public RuleTester(Analyzer analyzer) => _analyzer = analyzer;

    /// <summary>The fixture file of <paramref name="rule"/> (it may not exist).</summary>
    public static string FixturePath(DiagnosticRule rule) =>
        Path.Combine(Path.GetDirectoryName(rule.File)!, $"{rule.Id}.{rule.Name}.fixtures.md");

    /// <summary>Runs the cases of every rule; returns the number of cases run and the failures.</summary>
    public (int Cases, List<RuleTestFailure> Failures) Run(IEnumerable<DiagnosticRule> rules)
    {
        var cases = 0;
        var failures = new List<RuleTestFailure>();
        foreach (var rule in rules)
        {
            foreach (var example in rule.Examples)
            {
                cases++;
                Check(rule, example.Text, rule.File, example.Line, example.Flagged, failures);
            }

            foreach (var (text, line) in ReadFixtures(FixturePath(rule)))
            {
                cases++;
                Check(rule, text, FixturePath(rule), line, null, failures);
            }
        }

        return (cases, failures);
    }

    /// <summary>The <c>```story</c> blocks of a fixture file with their first lines.</summary>
    public static List<(string Text, int Line)> ReadFixtures(string path)
    {
        var result = new List<(string, int)>();
        if (FoundFiles.Length(path) is not > 0)
        {
            return result; // none, or empty, or a pipe that would wait for a writer
        }

        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```story")
            {
                continue;
            }

            var start = i + 1;
            var body = new List<string>();
            for (i = start; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                body.Add(lines[i]);
            }

            result.Add((string.Join('\n', body), start + 1));
        }

        return result;
    }

    private void Check(DiagnosticRule rule, string markup, string file, int line, bool? mustFlag, List<RuleTestFailure> failures)
    {
        var (text, expected) = TestMarkup.Parse(markup);
        var want = expected.Where(e => e.Id == rule.Id).Select(e => e.Span).ToHashSet();
        if (mustFlag == true && want.Count == 0)
        {
            failures.Add(new RuleTestFailure(rule.Id, file, line, "a flagged example must mark where the diagnostic goes with {|" + rule.Id + ":…|}"));
            return;
        }

        var analysis = _analyzer.Analyze(new SourceText("example.txt", text), null, includeDisabled: true);
        var got = analysis.Diagnostics.Where(d => d.Id == rule.Id).Select(d => d.Span).ToHashSet();
        foreach (var missing in want.Except(got))
        {
            failures.Add(new RuleTestFailure(rule.Id, file, line, $"expected {rule.Id} on '{text[missing.Start..missing.End]}' but it was not reported"));
        }

        foreach (var extra in got.Except(want))
        {
            failures.Add(new RuleTestFailure(rule.Id, file, line, $"{rule.Id} was reported on '{text[extra.Start..extra.End]}' where none was expected"));
        }
        // A clean example shows the house style: it must not draw a warning or an error from any other rule
        // either, or a reader copying it would be told off by the next rule.
        if (mustFlag == false)
        {
            foreach (var other in analysis.Diagnostics.Where(d => d.Id != rule.Id && d.Severity >= Severity.Warning))
            {
                failures.Add(new RuleTestFailure(rule.Id, file, line,
                    $"the clean example draws {other.Id} ({other.Severity.ToString().ToLowerInvariant()}) on '{text[other.Span.Start..other.Span.End]}': {other.Message}"));
            }
        }
    }
}
