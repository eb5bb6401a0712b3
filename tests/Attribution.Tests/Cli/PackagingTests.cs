using System.Diagnostics;
using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace Attribution.Tests.Cli;

/// <summary>
/// The CLI as a user installs it: `dotnet pack`, `dotnet tool install --add-source`, then the installed
/// `attribution` command on the samples. Slow (a Release build), so it is one test.
/// </summary>
public sealed class PackagingTests
{
    [Fact]
    public void The_packed_tool_installs_and_checks_the_samples_with_its_bundled_rules()
    {
        var root = TestPack.RepositoryRoot;
        var work = Directory.CreateTempSubdirectory("attribution-pack-");
        try
        {
            var packages = Path.Combine(work.FullName, "packages");
            var tools = Path.Combine(work.FullName, "tools");

            var pack = Dotnet(root, "pack", Path.Combine(root, "src", "Attribution.Cli"), "-c", "Release", "-o", packages, "--nologo");
            Assert.True(pack.Code == 0, pack.Output);

            // A pointer package, the precompiled linux-x64 package and the portable one for every other platform.
            var packageNames = Directory.GetFiles(packages, "Attribution.*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(["Attribution.0.1.0.nupkg", "Attribution.any.0.1.0.nupkg", "Attribution.linux-x64.0.1.0.nupkg"], packageNames);
            foreach (var rid in new[] { "any", "linux-x64" })
            {
                using var zip = ZipFile.OpenRead(Path.Combine(packages, $"Attribution.{rid}.0.1.0.nupkg"));
                var names = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToList();
                Assert.Contains(names, n => n.EndsWith("/rules/lexicon/cues.yml", StringComparison.Ordinal));
                Assert.Contains(names, n => n.Contains("/rules/classify/", StringComparison.Ordinal));
                Assert.Contains(names, n => n.EndsWith("/docs/rules/AT2001.md", StringComparison.Ordinal));
                Assert.Contains(names, n => n.EndsWith("/attribution.dll", StringComparison.Ordinal));
            }

            using (var pointer = ZipFile.OpenRead(Path.Combine(packages, "Attribution.0.1.0.nupkg")))
            {
                Assert.Contains("README.md", pointer.Entries.Select(e => e.FullName));
            }

            // A private package cache, so the install takes this package, never an earlier one of the same version.
            var install = Run(work.FullName, "dotnet", new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(work.FullName, "cache") },
                "tool", "install", "--tool-path", tools, "--add-source", packages, "Attribution");
            Assert.True(install.Code == 0, install.Output);

            // On linux-x64 the installed assembly is the precompiled one (a ReadyToRun header), elsewhere the portable one.
            var installed = Assert.Single(Directory.GetFiles(tools, "attribution.dll", SearchOption.AllDirectories));
            Assert.Equal(RuntimeInformation.RuntimeIdentifier == "linux-x64", IsReadyToRun(installed));

            // Run from an unrelated folder: the rules must come from the package, not the repository.
            var exe = Path.Combine(tools, OperatingSystem.IsWindows() ? "attribution.exe" : "attribution");
            var run = Run(work.FullName, exe, "check", Path.Combine(root, "samples"), "--format", "json");
            Assert.True(run.Code == 0, run.Output);
            Assert.Contains("\"quotes\"", run.Output, StringComparison.Ordinal);
            Assert.Contains("AT2001", run.Output, StringComparison.Ordinal);

            var rules = Run(work.FullName, exe, "rules", "list");
            Assert.True(rules.Code == 0, rules.Output);
            Assert.Contains("AT4002", rules.Output, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    // crossgen2 output keeps the IL and adds a managed native header that points at the precompiled code.
    private static bool IsReadyToRun(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var reader = new PEReader(stream);
        return reader.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    private static (int Code, string Output) Dotnet(string directory, params string[] args) => Run(directory, "dotnet", [], args);

    private static (int Code, string Output) Run(string directory, string file, params string[] args) => Run(directory, file, [], args);

    private static (int Code, string Output) Run(string directory, string file, Dictionary<string, string> environment, params string[] args)
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
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 5 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
