using System.Globalization;
using Attribution.Analysis;
using Attribution.Analysis.Rules;

namespace Attribution.Reporting;

/// <summary>
/// A Markdown summary for a CI job or a pull-request comment: a counts table, then the findings grouped
/// by rule with their locations.
/// </summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    private readonly TextWriter _out;
    private readonly RulePack _pack;
    private readonly RunSummary _summary = new();
    private readonly SortedDictionary<string, List<string>> _byRule = new(StringComparer.Ordinal);
    private readonly List<InputFailure> _failures = [];

    /// <summary>Writes to <paramref name="output"/>; <paramref name="pack"/> supplies rule titles.</summary>
    public MarkdownReportWriter(TextWriter output, RulePack pack)
    {
        _out = output;
        _pack = pack;
    }

    /// <inheritdoc/>
    public void WriteDocument(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        _summary.Add(analysis);
        var source = analysis.Document.Source;
        foreach (var d in analysis.Diagnostics.Where(d => d.IsActive))
        {
            if (!_byRule.TryGetValue(d.Id, out var list))
            {
                _byRule[d.Id] = list = [];
            }

            var p = source.GetLinePosition(d.Span.Start);
            list.Add(string.Create(CultureInfo.InvariantCulture, $"- {Code(source.Path)} line {p.Line}, column {p.Column} ({SeverityNames.Name(d.Severity)}): {Escape(d.Message)}"));
        }
    }

    /// <inheritdoc/>
    public void WriteFailure(InputFailure failure) => _failures.Add(failure);

    /// <inheritdoc/>
    public void Complete()
    {
        _out.WriteLine("## Attribution report");
        _out.WriteLine();
        _out.WriteLine(Escape(_summary.Sentence()) + ".");
        _out.WriteLine();
        _out.WriteLine("| | count |");
        _out.WriteLine("|---|---:|");
        _out.WriteLine($"| Documents | {_summary.Documents} |");
        _out.WriteLine($"| Quotations | {_summary.Quotes} |");
        foreach (var type in (SourceType[])[SourceType.Named, SourceType.Official, SourceType.Anonymous, SourceType.Document, SourceType.Unknown])
        {
            _out.WriteLine($"| Sources: {Analyzer.TypeName(type)} | {_summary.OfType(type)} |");
        }

        _out.WriteLine($"| Errors | {_summary.OfSeverity(Severity.Error)} |");
        _out.WriteLine($"| Warnings | {_summary.OfSeverity(Severity.Warning)} |");
        _out.WriteLine($"| Suggestions | {_summary.OfSeverity(Severity.Suggestion)} |");
        if (_summary.Quiet > 0)
        {
            _out.WriteLine($"| Suppressed or in the baseline | {_summary.Quiet} |");
        }

        foreach (var (id, findings) in _byRule)
        {
            var title = _pack.Find(id)?.Title ?? id;
            _out.WriteLine();
            _out.WriteLine($"### {id}: {Escape(title)} ({findings.Count})");
            _out.WriteLine();
            foreach (var line in findings)
            {
                _out.WriteLine(line);
            }
        }

        if (_failures.Count > 0)
        {
            _out.WriteLine();
            _out.WriteLine($"### Inputs that could not be read ({_failures.Count})");
            _out.WriteLine();
            foreach (var f in _failures)
            {
                _out.WriteLine($"- {Code(f.Path)}: {Escape(f.Message)}");
            }
        }

        _out.Flush();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    // A path as Markdown code: control characters escaped, and a backtick in it kept by a double-backtick span.
    private static string Code(string path)
    {
        var shown = DisplayName.Of(path);
        return shown.Contains('`', StringComparison.Ordinal) ? $"`` {shown} ``" : $"`{shown}`";
    }
}
