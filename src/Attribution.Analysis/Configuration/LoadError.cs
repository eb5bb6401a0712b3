namespace Attribution.Analysis.Configuration;

/// <summary>A problem in a rule, lexicon or configuration file, located as a compiler would.</summary>
/// <param name="File">The file path.</param>
/// <param name="Line">1-based line (0 when unknown).</param>
/// <param name="Column">1-based column (0 when unknown).</param>
/// <param name="Message">What is wrong and what to do about it.</param>
public sealed record LoadError(string File, int Line, int Column, string Message)
{
    /// <summary>The diagnostic ID for invalid rule and configuration files.</summary>
    public const string DiagnosticId = "AT0001";

    /// <inheritdoc/>
    public override string ToString() => $"{File}({Line},{Column}): error {DiagnosticId}: {Message}";
}

/// <summary>Thrown when configuration cannot be loaded; carries every located error.</summary>
public sealed class LoadException : Exception
{
    /// <summary>Creates the exception from its errors.</summary>
    public LoadException(IReadOnlyList<LoadError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    /// <summary>Creates an exception with one message.</summary>
    public LoadException(string message)
        : this([new LoadError("", 0, 0, message)])
    {
    }

    /// <summary>Creates an exception with no detail.</summary>
    public LoadException()
        : this("configuration could not be loaded")
    {
    }

    /// <summary>Creates an exception wrapping another.</summary>
    public LoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new LoadError("", 0, 0, message)];
    }

    /// <summary>The located errors.</summary>
    public IReadOnlyList<LoadError> Errors { get; }
}
