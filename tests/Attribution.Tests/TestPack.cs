using Attribution.Analysis;
using Attribution.Analysis.Rules;

namespace Attribution.Tests;

/// <summary>The bundled rule pack, loaded once for all tests (as the CLI loads it once per process).</summary>
internal static class TestPack
{
    private static readonly Lazy<RulePack> LazyPack = new(() => RulePack.Load(RulesDirectory));

    public static RulePack Pack => LazyPack.Value;

    public static Analyzer Analyzer { get; } = new(Pack);

    /// <summary>The repository's rules/ folder (copied beside the test binaries by the CLI project).</summary>
    public static string RulesDirectory => Path.Combine(AppContext.BaseDirectory, "rules");

    /// <summary>The repository root, found from the test binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Attribution.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    /// <summary>../shared beside the repository, or null when absent.</summary>
    public static string? SharedDirectory
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
            return Directory.Exists(shared) ? shared : null;
        }
    }
}
