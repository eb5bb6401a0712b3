namespace Attribution.Reporting;

/// <summary>A document that could not be analysed, and why.</summary>
/// <param name="Path">The path or id.</param>
/// <param name="Message">The reason.</param>
public sealed record InputFailure(string Path, string Message);
