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
            var p = source.GetLinePosition(d.Span.Start);
            _out.WriteLine($"{source.Path}({p.Line},{p.Column}): {JsonReportWriter.SeverityName(d.Severity)} {d.Id}: {d.Message}");
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
        _out.Flush();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
