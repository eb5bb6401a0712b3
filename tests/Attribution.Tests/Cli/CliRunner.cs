using System.Text;
using Attribution.Cli;

namespace Attribution.Tests.Cli;

/// <summary>Runs the command in-process with captured streams, as a shell would see it.</summary>
internal static class CliRunner
{
    public static (int Code, string Stdout, string Stderr) Run(params string[] args) => RunWithInput([], args);

    public static (int Code, string Stdout, string Stderr) RunWithInput(byte[] stdin, params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, new CliConsole(stdout, stderr, () => new MemoryStream(stdin), IsTerminal: false));
        return (code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }
}
