using System.Text;
using Attribution.Analysis;
using Attribution.Inputs;
using Attribution.Analysis.Rules;
using Attribution.Text;

namespace Attribution.Fuzz;

/// <summary>
/// What the fuzzer runs, one method per target. Bad input must give a result or a reported error;
/// an exception, or a result that breaks an invariant (a span outside the text, overlapping quotations,
/// an offset that maps outside the file), is a crash. The regression tests run the same methods.
/// </summary>
public static class FuzzTargets
{
    private static readonly Lazy<Analyzer> LazyAnalyzer = new(() => new Analyzer(RulePack.Load(RulesDirectory)));

    /// <summary>The target names, as the fuzz script and the regression tests use them.</summary>
    public static readonly IReadOnlyList<string> Names = ["story", "markup", "rule-yaml"];

    /// <summary>The default rules: ATTRIBUTION_RULES, else the copy beside the binary.</summary>
    public static string RulesDirectory => Environment.GetEnvironmentVariable("ATTRIBUTION_RULES") is { Length: > 0 } dir
        ? dir
        : Path.Combine(AppContext.BaseDirectory, "rules");

    /// <summary>Runs target <paramref name="name"/> on <paramref name="input"/>.</summary>
    public static void Run(string name, byte[] input)
    {
        switch (name)
        {
            case "story":
                Story(input);
                break;
            case "markup":
                Markup(input);
                break;
            case "rule-yaml":
                RuleYaml(input);
                break;
            default:
                throw new ArgumentException($"unknown fuzz target '{name}'; expected {string.Join(", ", Names)}", nameof(name));
        }
    }

    /// <summary>Any bytes as a plain-text or Markdown story, through the whole pipeline.</summary>
    public static void Story(byte[] input)
    {
        var document = InputReader.Decode("fuzz.txt", input);
        if (document.Text is null)
        {
            return;
        }

        Check(LazyAnalyzer.Value.Analyze(document.Text));
        if (InputReader.Interpret(document, InputFormat.Markdown) is { Text: { } markdown })
        {
            Check(LazyAnalyzer.Value.Analyze(markdown)); // Markdown nested too deeply is refused with a reason
        }
    }

    /// <summary>Any bytes as an HTML page and as NITF XML, through extraction and the pipeline.</summary>
    public static void Markup(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        try
        {
            var (html, _) = HtmlText.Extract("fuzz.html", text);
            Check(LazyAnalyzer.Value.Analyze(html));
        }
        catch (FormatException ex) when (ex.Message.Contains("elements deep", StringComparison.Ordinal))
        {
            // A page nested too deeply is refused with a reason.
        }

        var (nitf, _, error) = NitfText.Extract("fuzz.nitf", text);
        if (nitf is not null)
        {
            Check(LazyAnalyzer.Value.Analyze(nitf));
        }
        else if (string.IsNullOrEmpty(error))
        {
            throw new InvalidOperationException("NITF extraction gave neither text nor an error");
        }
    }

    /// <summary>Any bytes as a rule file: YAML, fields, expression compilation and probe.</summary>
    public static void RuleYaml(byte[] input) =>
        DiagnosticRuleLoader.Check("fuzz.yml", Encoding.UTF8.GetString(input));

    private static void Check(DocumentAnalysis analysis)
    {
        var source = analysis.Document.Source;
        // The parser's promise: quotations in text order, and no two parts (of any quotations) overlap.
        // A split quotation's parts may enclose another attribution ("…," she said, adding that …, "…").
        var parts = new List<TextSpan>();
        var previousStart = 0;
        var quotations = analysis.Document.Quotations;
        foreach (var quote in quotations)
        {
            foreach (var part in quote.Spans)
            {
                Inside(part, source.Length, "quotation part");
                Inside(source.ToOriginal(part), source.Original.Length, "quotation part in the file");
            }

            // A quotation inside another's reported words ("within") lies inside that one's span; the others do
            // not overlap.
            if (quote.Within >= 0)
            {
                if (quote.Within >= quotations.Length || !quotations[quote.Within].Span.Contains(quote.Span))
                {
                    throw new InvalidOperationException($"quotation at {quote.Span} is within one that does not hold it");
                }
            }
            else
            {
                parts.AddRange(quote.Spans);
            }

            if (quote.Span.Start < previousStart)
            {
                throw new InvalidOperationException($"quotations out of text order at {quote.Span}");
            }

            previousStart = quote.Span.Start;
            Inside(quote.Cue, source.Length, "cue");
            Inside(quote.Speaker, source.Length, "speaker");
        }

        parts.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 1; i < parts.Count; i++)
        {
            if (parts[i].Start < parts[i - 1].End)
            {
                throw new InvalidOperationException($"quotation parts overlap at {parts[i - 1]} and {parts[i]}");
            }
        }

        foreach (var d in analysis.Diagnostics)
        {
            Inside(d.Span, source.Length, d.Id);
            var position = source.GetLinePosition(d.Span.Start);
            if (position.Line < 1 || position.Column < 1)
            {
                throw new InvalidOperationException($"{d.Id} at line {position.Line}, column {position.Column}");
            }
        }
    }

    private static void Inside(TextSpan? span, int length, string what)
    {
        if (span is { } s && (s.Start < 0 || s.End > length || s.Start > s.End))
        {
            throw new InvalidOperationException($"{what} {s} lies outside the text (length {length})");
        }
    }
}
