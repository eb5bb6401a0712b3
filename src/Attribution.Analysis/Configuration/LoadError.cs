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

    /// <summary>The diagnostic ID for a configuration key or suppression comment that names no rule or option.</summary>
    public const string UnknownNameId = "AT0002";

    /// <summary>The diagnostic ID: <see cref="DiagnosticId"/> unless set.</summary>
    public string Id { get; init; } = DiagnosticId;

    /// <summary>True for a warning (the run goes on and its exit code is the work's); false for an error.</summary>
    public bool IsWarning { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{File}({Line},{Column}): {(IsWarning ? "warning" : "error")} {Id}: {Message}";
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
