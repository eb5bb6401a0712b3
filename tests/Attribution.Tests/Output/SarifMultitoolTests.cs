using System.Diagnostics;

namespace Attribution.Tests.Output;

/// <summary>
/// The SARIF log passes Microsoft's SARIF multitool with GitHub's and SARIF's own rules at every level: no error,
/// no warning, and no SARIF2012 (a rule without help). The multitool comes from npm
/// (<c>@microsoft/sarif-multitool</c>); CI installs it, and elsewhere the test installs it once into a cache when
/// npm is present, or reports Skipped.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SarifMultitoolTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

    private readonly TempFolder _temp = new("attribution-sarif-");

    public void Dispose() => _temp.Dispose();

    [SkippableTheory]
    [InlineData("samples")]            // relative: against %SRCROOT%
    [InlineData("absolute")]           // absolute: file:// URIs
    public void The_log_of_the_samples_passes_the_multitool(string paths)
    {
        var multitool = Multitool();
        var sarif = Path.Combine(_temp.Root, "out.sarif");
        var samples = paths == "absolute" ? Path.Combine(TestPack.RepositoryRoot, "samples") : "samples";
        var cli = Path.Combine(AppContext.BaseDirectory, "attribution.dll");
        var (code, output) = Run("dotnet", TestPack.RepositoryRoot, cli, "check", samples, "--sarif-output", sarif, "--no-progress");
        Assert.True(code == 0, output);

        var report = Path.Combine(_temp.Root, "validation.sarif");
        var (validated, log) = Run(multitool, _temp.Root, "validate", "--rule-kind", "Gh;Sarif", "--level", "Error;Warning;Note", sarif, "-o", report, "--log", "ForceOverwrite");
        Assert.True(validated == 0, log);
        var problems = log.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal) || l.Contains(": warning ", StringComparison.Ordinal) || l.Contains("SARIF2012", StringComparison.Ordinal)).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Contains("1 files scanned", log, StringComparison.Ordinal);
    }

    // SARIF_MULTITOOL names the binary; else the one in the cache, installed there with npm when missing.
    private static string Multitool()
    {
        if (Environment.GetEnvironmentVariable("SARIF_MULTITOOL") is { Length: > 0 } given)
        {
            Requires.Dependency(File.Exists(given), $"SARIF_MULTITOOL={given} does not exist");
            return given;
        }

        var cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "attribution-tests", "sarif-multitool");
        var binary = Path.Combine(cache, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");
        if (!File.Exists(binary))
        {
            Requires.Platform(OperatingSystem.IsLinux(), "the test installs the multitool's Linux build");
            Requires.Dependency(OnPath("npm"), "npm is not installed (the SARIF multitool comes from npm: apt-get install npm)");
            Directory.CreateDirectory(cache);
            var (code, output) = Run("npm", cache, "install", "--no-audit", "--no-fund", "--prefix", cache, "@microsoft/sarif-multitool@5");
            Assert.True(code == 0 && File.Exists(binary), "npm install @microsoft/sarif-multitool failed:\n" + output);
        }

        // npm does not run the package's chmod when install scripts are not allowed.
        if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(binary, File.GetUnixFileMode(binary) | UnixFileMode.UserExecute);
        }

        return binary;
    }

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, name)));

    private static (int Code, string Output) Run(string program, string folder, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Bound))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', args)} ran over {Bound}");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
