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
        StandardError(),
        OpenStandardInput,
        !Console.IsOutputRedirected,
        !Console.IsErrorRedirected);

    // Messages are a courtesy: a standard error the shell closed (2>&-), or one that fails (a full disk, a reader
    // gone), never ends the run, whose exit code stays the work's. A closed descriptor 2 may since have been taken
    // by a file the runtime opened, which must not receive them.
    private static TextWriter StandardError() =>
        Descriptors.IsNotInherited(2) ? TextWriter.Null : new ForgivingWriter(Console.Error);

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

/// <summary>A writer whose failures are dropped: what goes to standard error must never end a run.</summary>
internal sealed class ForgivingWriter(TextWriter inner) : TextWriter
{
    private bool _broken;

    public override System.Text.Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Try(() => inner.Write(value));

    public override void Write(string? value) => Try(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Try(() => inner.Write(buffer, index, count));

    public override void WriteLine(string? value) => Try(() => inner.WriteLine(value));

    public override void Flush() => Try(inner.Flush);

    private void Try(Action write)
    {
        if (_broken)
        {
            return;
        }

        try
        {
            write();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or UnauthorizedAccessException)
        {
            _broken = true; // one failure is enough to know: nothing more is tried
        }
    }
}
