using Attribution.Analysis;

namespace Attribution.Reporting;

/// <summary>
/// A reporter receives analysed documents in input order, then the failures, then completes. A run hands
/// each document first to <see cref="Prepare"/> on the worker that analysed it, where a writer may do its
/// expensive part in parallel (the JSON writer serialises there), and then, in input order, to
/// <see cref="Write"/>. A writer that has nothing to do ahead keeps the defaults and writes from the analysis.
/// </summary>
public interface IReportWriter : IDisposable
{
    /// <summary>Writes one analysed document.</summary>
    void WriteDocument(DocumentAnalysis analysis);

    /// <summary>
    /// Prepares <paramref name="analysis"/> for its turn. Called on any thread, for several documents at once,
    /// so it touches no state of the writer. The default keeps the analysis for <see cref="WriteDocument"/>.
    /// </summary>
    PreparedDocument Prepare(DocumentAnalysis analysis) => new(analysis);

    /// <summary>Writes a document <see cref="Prepare"/> returned, in input order, and releases it.</summary>
    void Write(PreparedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        WriteDocument(document.Analysis!);
        document.Dispose();
    }

    /// <summary>Records a document that could not be read.</summary>
    void WriteFailure(InputFailure failure);

    /// <summary>Finishes the report (totals, closing brackets).</summary>
    void Complete();
}

/// <summary>
/// A document as a writer prepared it: the analysis, when the writer still needs it, or what the writer made
/// of it ahead of its turn (in a subclass only that writer reads).
/// </summary>
public class PreparedDocument : IDisposable
{
    /// <summary>Keeps <paramref name="analysis"/>; null when the writer needs no more of it.</summary>
    public PreparedDocument(DocumentAnalysis? analysis) => Analysis = analysis;

    /// <summary>The analysis, or null when the writer prepared all it writes.</summary>
    public DocumentAnalysis? Analysis { get; }

    /// <summary>Releases what the preparation holds (pooled buffers).</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what a subclass holds.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
