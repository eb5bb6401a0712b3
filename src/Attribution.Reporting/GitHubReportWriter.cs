using Attribution.Analysis;

namespace Attribution.Reporting;

/// <summary>
/// GitHub Actions workflow commands: one <c>::error</c>, <c>::warning</c> or <c>::notice</c> annotation per
/// active finding, with file, line, column and end position, so a pull request shows them in place.
/// </summary>
public sealed class GitHubReportWriter : IReportWriter
{
    private readonly TextWriter _out;

    /// <summary>Writes to <paramref name="output"/>.</summary>
    public GitHubReportWriter(TextWriter output) => _out = output;

    /// <inheritdoc/>
    public void WriteDocument(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var source = analysis.Document.Source;
        foreach (var d in analysis.Diagnostics)
        {
            if (!d.IsActive || d.Severity < Severity.Suggestion)
            {
                continue;
            }

            var (start, end) = source.GetLineSpan(d.Span);
            var command = d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
            _out.WriteLine(
                $"::{command} file={Property(source.Path)},line={start.Line},col={start.Column},endLine={end.Line},endColumn={end.Column},title={Property(d.Id)}::{Data(d.Message)}");
        }
    }

    /// <inheritdoc/>
    public void WriteFailure(InputFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        _out.WriteLine($"::error file={Property(failure.Path)},title=input::{Data(failure.Message)}");
    }

    /// <inheritdoc/>
    public void Complete() => _out.Flush();

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    // The escapes of GitHub's workflow-command syntax.
    private static string Data(string s) => s.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string s) => Data(s).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
