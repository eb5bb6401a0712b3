namespace Attribution.Reporting;

/// <summary>A document that could not be analysed, and why.</summary>
/// <param name="Path">The path or id.</param>
/// <param name="Message">The reason.</param>
public sealed record InputFailure(string Path, string Message);

/// <summary>A reporter receives analysed documents in input order, then the failures, then completes.</summary>
public interface IReportWriter : IDisposable
{
    /// <summary>Writes one analysed document.</summary>
    void WriteDocument(Attribution.Analysis.DocumentAnalysis analysis);

    /// <summary>Records a document that could not be read.</summary>
    void WriteFailure(InputFailure failure);

    /// <summary>Finishes the report (totals, closing brackets).</summary>
    void Complete();
}
