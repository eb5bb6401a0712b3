using Attribution.Analysis;

namespace Attribution.Reporting;

/// <summary>
/// Human output: <c>path(line,col): warning AT2001: message</c> (the MSBuild/Roslyn form), then one
/// plain summary line per run.
/// </summary>
public sealed class TextReportWriter : IReportWriter
{
    private readonly TextWriter _out;
    private int _documents;
    private int _quotes;
    private int _sources;
    private int _failures;
    private readonly int[] _byType = new int[5];
    private readonly int[] _bySeverity = new int[5];
    private int _quiet;

    /// <summary>Writes to <paramref name="output"/>.</summary>
    public TextReportWriter(TextWriter output) => _out = output;

    /// <inheritdoc/>
    public void WriteDocument(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var source = analysis.Document.Source;
        _documents++;
        _quotes += analysis.Document.Quotations.Length;
        _sources += analysis.Sources.Length;
        foreach (var s in analysis.Sources)
        {
            _byType[(int)s.Type]++;
        }

        foreach (var d in analysis.Diagnostics)
        {
            if (!d.IsActive)
            {
                _quiet++;
                continue;
            }

            var p = source.GetLinePosition(d.Span.Start);
            _out.WriteLine($"{source.Path}({p.Line},{p.Column}): {JsonReportWriter.SeverityName(d.Severity)} {d.Id}: {d.Message}");
            WriteExcerpt(source, d.Span, p);
            _bySeverity[(int)d.Severity]++;
        }
    }

    /// <inheritdoc/>
    public void WriteFailure(InputFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        _failures++;
    }

    /// <inheritdoc/>
    public void Complete()
    {
        _out.WriteLine(
            $"{_documents} document(s): {_quotes} quote(s) from {_sources} source(s): " +
            $"{_byType[(int)SourceType.Named]} named, {_byType[(int)SourceType.Official]} official, " +
            $"{_byType[(int)SourceType.Anonymous]} anonymous, {_byType[(int)SourceType.Document]} document, " +
            $"{_byType[(int)SourceType.Unknown]} unknown" + (_failures > 0 ? $"; {_failures} input(s) could not be read" : ""));
        _out.WriteLine(
            $"{_bySeverity[(int)Severity.Error]} error(s), {_bySeverity[(int)Severity.Warning]} warning(s), {_bySeverity[(int)Severity.Suggestion]} suggestion(s)"
            + (_quiet > 0 ? $"; {_quiet} suppressed or in the baseline" : ""));
        _out.Flush();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    // The line with a caret under the span, as compilers show it:
    //     Vance claimed the budget was padded.
    //           ^~~~~~~
    private void WriteExcerpt(Attribution.Text.SourceText source, Attribution.Text.TextSpan span, Attribution.Text.LinePosition position)
    {
        var text = source.Text;
        var lineStart = span.Start - (position.Column - 1);
        var lineEnd = text.IndexOfAny(['\r', '\n'], Math.Min(span.Start, text.Length));
        if (lineEnd < 0)
        {
            lineEnd = text.Length;
        }

        var line = text[lineStart..lineEnd];
        var from = position.Column - 1;

        // Long paragraphs: show a window around the span.
        var windowStart = Math.Max(0, from - 60);
        var windowEnd = Math.Min(line.Length, from + Math.Max(1, Math.Min(span.Length, lineEnd - span.Start)) + 60);
        var prefix = windowStart > 0 ? "…" : "";
        var suffix = windowEnd < line.Length ? "…" : "";
        _out.WriteLine("    " + prefix + line[windowStart..windowEnd].Replace('\t', ' ') + suffix);
        var width = Math.Max(1, Math.Min(span.Length, lineEnd - span.Start));
        _out.WriteLine("    " + new string(' ', prefix.Length + from - windowStart) + "^" + new string('~', Math.Max(0, width - 1)));
    }
}
