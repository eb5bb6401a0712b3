namespace Attribution.Cli;

/// <summary>Entry point of the <c>attribution</c> command.</summary>
internal static class Program
{
    private static int Main(string[] args) => CliApp.Run(args, CliConsole.System());
}
