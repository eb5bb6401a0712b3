using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Attribution.Tests.Cli;

/// <summary>
/// The CLI as a user installs it: `dotnet pack`, `dotnet tool install --add-source`, then the installed
/// `attribution` command on the samples. Slow (a Release build), so it is one test.
/// </summary>
public sealed class PackagingTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void The_packed_tool_installs_and_checks_the_samples_with_its_bundled_rules()
    {
        var root = TestPack.RepositoryRoot;
        var work = Directory.CreateTempSubdirectory("attribution-pack-");
        try
        {
            var packages = Path.Combine(work.FullName, "packages");
            var tools = Path.Combine(work.FullName, "tools");
            var project = Path.Combine(root, "src", "Attribution.Cli");
            var native = RuntimeInformation.RuntimeIdentifier == "linux-x64";

            // The pointer package, then one package per identifier: the ahead-of-time linux-x64 one can only
            // be compiled on linux-x64, the portable one anywhere.
            foreach (var rid in native ? new[] { "", "linux-x64", "any" } : ["", "any"])
            {
                var pack = Dotnet(root, ["pack", project, "-c", "Release", "-o", packages, "--nologo", .. rid.Length > 0 ? new[] { "-r", rid } : []]);
                Assert.True(pack.Code == 0, pack.Output);
            }

            var packageNames = Directory.GetFiles(packages, "Attribution.*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(native ? ["Attribution.0.1.0.nupkg", "Attribution.any.0.1.0.nupkg", "Attribution.linux-x64.0.1.0.nupkg"]
                : ["Attribution.0.1.0.nupkg", "Attribution.any.0.1.0.nupkg"], packageNames);
            foreach (var package in packageNames.Skip(1))
            {
                using var zip = ZipFile.OpenRead(Path.Combine(packages, package!));
                var names = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToList();
                Assert.Contains(names, n => n.EndsWith("/rules/lexicon/cues.yml", StringComparison.Ordinal));
                Assert.Contains(names, n => n.Contains("/rules/classify/", StringComparison.Ordinal));
                Assert.Contains(names, n => n.EndsWith("/docs/rules/AT2001.md", StringComparison.Ordinal));
                Assert.Contains(names, n => n.EndsWith(package!.Contains("linux-x64", StringComparison.Ordinal) ? "/attribution" : "/attribution.dll", StringComparison.Ordinal));
                Assert.DoesNotContain(names, n => n.EndsWith(".dbg", StringComparison.Ordinal));
            }

            using (var pointer = ZipFile.OpenRead(Path.Combine(packages, "Attribution.0.1.0.nupkg")))
            {
                Assert.Contains("README.md", pointer.Entries.Select(e => e.FullName));
            }

            // A private package cache, so the install takes this package, never an earlier one of the same version.
            var install = Run(work.FullName, "dotnet", new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(work.FullName, "cache") },
                "tool", "install", "--tool-path", tools, "--add-source", packages, "Attribution");
            Assert.True(install.Code == 0, install.Output);

            // On linux-x64 the installed tool is one native executable (no managed assembly to load), elsewhere the portable build.
            var exe = Path.Combine(tools, OperatingSystem.IsWindows() ? "attribution.exe" : "attribution");
            Assert.Equal(native, Directory.GetFiles(tools, "attribution.dll", SearchOption.AllDirectories).Length == 0);
            Assert.Equal(native, IsElf(exe));

            // Run from an unrelated folder: the rules must come from the package, not the repository. The installed
            // tool must say exactly what the build under test says, with the default rules and with a rule pack that
            // calls the string, character and number members rule expressions may use (which trimming must keep).
            var samples = Path.Combine(root, "samples");
            var newsroom = Path.Combine(work.FullName, "newsroom");
            Directory.CreateDirectory(newsroom);
            File.WriteAllText(Path.Combine(newsroom, "NR0001.Shouting.yml"), """
                id: NR0001
                title: Shouting
                category: Style
                severity: warning
                scope: quote
                when: quote.Text.EndsWith("!") || quote.Text.ToUpperInvariant() == quote.Text || Math.Max(quote.Text.Length, 3) > 400 || char.IsDigit(quote.Text, 0) || quote.Text.Contains("we") || Math.Round(1.5m) > quote.Text.Length
                message: "shouting: {quote.Text}"
                """);
            // Lambdas over a text's characters run in the compiled tool's interpreter, which needs the LINQ methods'
            // code for char (LinqOverText): without it this rule was refused there with "missing native code".
            File.WriteAllText(Path.Combine(newsroom, "NR0002.Capitals.yml"), """
                id: NR0002
                title: Capitals
                category: Style
                severity: suggestion
                scope: quote
                when: quote.Text.Count(c => char.IsUpper(c)) > 3 || quote.Text.Any(c => char.IsDigit(c)) || quote.Text.Where(c => char.IsPunctuation(c)).Count() > 6 || quote.Text.Distinct().Count() > 30
                message: "capitals"
                """);
            // Casing by the machine's culture would make this rule fire only on quotes without an "i" on a Turkish runner.
            File.WriteAllText(Path.Combine(newsroom, "NR0003.Casing.yml"), """
                id: NR0003
                title: Casing
                category: Style
                severity: suggestion
                scope: quote
                when: quote.Text.ToUpper() == quote.Text.ToUpperInvariant()
                message: "casing"
                """);
            // The SARIF names a help base, since by default it is the docs folder where each copy is installed.
            foreach (var args in new[] { ["check", samples, "--format", "json"], ["check", samples, "--rules", newsroom, "--format", "json"], new[] { "check", samples, "--format", "sarif", "--help-base-uri", "https://attribution.example/docs/rules/" } })
            {
                var installed = Run(work.FullName, exe, args);
                var built = CliRunner.Run(args);
                Assert.True(installed.Code == built.Code, installed.Output);
                Assert.Equal(built.Stdout, installed.Stdout);
            }

            // The same findings whatever the locale: the tool runs in the invariant culture.
            var turkish = Run(work.FullName, exe, new Dictionary<string, string> { ["LC_ALL"] = "tr_TR.UTF-8", ["LANG"] = "tr_TR.UTF-8" }, "check", samples, "--rules", newsroom, "--format", "json");
            Assert.Equal(CliRunner.Run(["check", samples, "--rules", newsroom, "--format", "json"]).Stdout, turkish.Stdout);

            var newsroomRun = Run(work.FullName, exe, "check", samples, "--rules", newsroom).Output;
            Assert.Contains("NR0001", newsroomRun, StringComparison.Ordinal);
            Assert.Contains("NR0002", newsroomRun, StringComparison.Ordinal);
            var rules = Run(work.FullName, exe, "rules", "list");
            Assert.True(rules.Code == 0, rules.Output);
            Assert.Contains("AT4002", rules.Output, StringComparison.Ordinal);
            var fixtures = Run(work.FullName, exe, "rules", "test");
            Assert.True(fixtures.Code == 0, fixtures.Output);

            // The compiled tool sets its own gen0 budget, not one sized from a cache a virtual machine may not report.
            if (native)
            {
                var stats = Run(work.FullName, exe, new Dictionary<string, string> { ["ATTRIBUTION_RUNTIME_STATS"] = "1" }, "check", samples);
                Assert.Contains("gen0 budget up to 16 MB", stats.Output, StringComparison.Ordinal);

                // It starts and works in an address space of 1 GB (ulimit -v), as a small container gives it.
                var limited = Run(work.FullName, "bash", "-c", $"ulimit -v 1048576 && '{exe}' check '{samples}' --format json");
                Assert.True(limited.Code == 0, limited.Output);
                Assert.Equal(CliRunner.Run(["check", samples, "--format", "json"]).Stdout, limited.Stdout);
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static bool IsElf(string file)
    {
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(file);
        stream.ReadExactly(magic);
        return magic.SequenceEqual("\u007FELF"u8);
    }

    private static (int Code, string Output, string Stdout) Dotnet(string directory, params string[] args) => Run(directory, "dotnet", [], args);

    private static (int Code, string Output, string Stdout) Run(string directory, string file, params string[] args) => Run(directory, file, [], args);

    private static (int Code, string Output, string Stdout) Run(string directory, string file, Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test host's MSBuild variables would steer a nested build; a user's shell has none.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k == "MSBuildExtensionsPath" || k == "MSBuildSDKsPath").ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Only a guard against a hang: compiling the tool ahead of time takes a minute or two, and over ten on
        // this machine when its host is busy.
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 20 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result, stdout.Result);
    }
}
