namespace Attribution.Cli;

/// <summary>The process's streams, replaceable in tests.</summary>
/// <param name="Out">Standard output (machine formats go here and nothing else).</param>
/// <param name="Error">Standard error (messages, progress).</param>
/// <param name="In">Opens standard input.</param>
/// <param name="IsTerminal">True when standard output is a terminal.</param>
/// <param name="ErrorIsTerminal">True when standard error is a terminal (a progress bar may be drawn there).</param>
internal sealed record CliConsole(Stream Out, TextWriter Error, Func<Stream> In, bool IsTerminal, bool ErrorIsTerminal = false)
{
    /// <summary>
    /// The columns text output may use: COLUMNS when set, the terminal's width when standard output is one, else 80.
    /// </summary>
    public int Width
    {
        get
        {
            if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0)
            {
                return columns;
            }

            try
            {
                return IsTerminal && Console.WindowWidth > 0 ? Console.WindowWidth : 80;
            }
            catch (IOException)
            {
                return 80;
            }
        }
    }

    public static CliConsole System() => new(
        ReportOutput.StandardOutput(),
        Console.Error,
        OpenStandardInput,
        !Console.IsOutputRedirected,
        !Console.IsErrorRedirected);

    // A standard input the shell closed is free for the runtime's first file: reading it would analyse the
    // random bytes of /dev/urandom (the compiled tool) or wait forever (the portable one).
    private static Stream OpenStandardInput() =>
        Descriptors.IsNotInherited(0) ? throw new IOException("standard input is closed") : Console.OpenStandardInput();
}

/// <summary>The exit codes of DESIGN.md.</summary>
internal static class ExitCodes
{
    public const int Clean = 0;
    public const int ErrorDiagnostics = 1;
    public const int UsageOrInput = 2;
    public const int RuleOrConfig = 3;
}
