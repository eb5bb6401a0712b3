using Attribution.Analysis;

namespace Attribution.Reporting;

/// <summary>
/// Several reports from one run, as semgrep writes them (<c>--sarif-output</c>, <c>--json-output</c> … beside the
/// console's format): each document is analysed once and handed to every writer in turn, in input order.
/// </summary>
public sealed class ReportWriters : IReportWriter
{
    private readonly IReadOnlyList<IReportWriter> _writers;

    /// <summary>Fans out to <paramref name="writers"/>, which this takes over (disposing them).</summary>
    public ReportWriters(IReadOnlyList<IReportWriter> writers) => _writers = writers;

    /// <inheritdoc/>
    public void WriteDocument(DocumentAnalysis analysis)
    {
        foreach (var writer in _writers)
        {
            writer.WriteDocument(analysis);
        }
    }

    /// <summary>Each writer prepares the document its own way; the analysis is kept while any of them needs it.</summary>
    public PreparedDocument Prepare(DocumentAnalysis analysis)
    {
        var parts = new PreparedDocument[_writers.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = _writers[i].Prepare(analysis);
        }

        return new Fanned(parts);
    }

    /// <summary>Hands each writer its own preparation of the document.</summary>
    public void Write(PreparedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var parts = ((Fanned)document).Parts;
        for (var i = 0; i < parts.Length; i++)
        {
            _writers[i].Write(parts[i]);
        }
    }

    // One preparation per writer, in the writers' order.
    private sealed class Fanned(PreparedDocument[] parts) : PreparedDocument(null)
    {
        public PreparedDocument[] Parts => parts;
    }

    /// <inheritdoc/>
    public void WriteFailure(InputFailure failure)
    {
        foreach (var writer in _writers)
        {
            writer.WriteFailure(failure);
        }
    }

    /// <inheritdoc/>
    public void Complete()
    {
        foreach (var writer in _writers)
        {
            writer.Complete();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var writer in _writers)
        {
            writer.Dispose();
        }
    }
}
