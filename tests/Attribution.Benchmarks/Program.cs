using System.Text;
using Attribution.Benchmarks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.NativeAot;

// dotnet run -c Release --project tests/Attribution.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/Attribution.Benchmarks -- --filter '*' --aot   (also compiled as the tool ships)
// dotnet run -c Release --project tests/Attribution.Benchmarks -- --allocations   (what each stage allocates)
// dotnet run -c Release --project tests/Attribution.Benchmarks -- --scaling   (each stage on one thread and two, in one process)
// dotnet run -c Release --project tests/Attribution.Benchmarks -- --control   (how far the machine lets two threads scale now)
// Artifacts go to the temp folder, not the repository.
if (args is ["--allocations"])
{
    AllocationProfile.Run();
    return;
}

if (args is ["--scaling"])
{
    ScalingProfile.Run();
    return;
}

if (args is ["--control"])
{
    ControlProfile.Run();
    return;
}

var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(Path.GetTempPath(), "attribution-benchmarks"));
if (args.Contains("--aot"))
{
    // The stages compiled as the tool ships (Native AOT for x86-64-v2 and for speed, rule conditions as
    // closures) beside the JIT job, in one run. The compiler package comes from nuget.org, not
    // BenchmarkDotNet's nightly feed.
    var aot = NativeAotToolchain.CreateBuilder()
        .UseNuGet("", "https://api.nuget.org/v3/index.json")
        .IlcInstructionSet("x86-64-v2")
        .IlcOptimizationPreference("Speed")
        .ToToolchain();
    config = config.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithToolchain(aot).WithId("NativeAOT"));
    args = [.. args.Where(a => a != "--aot")];
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args, config);
var corpusBytes = Corpus.LoadTexts().Sum(t => (long)Encoding.UTF8.GetByteCount(t));
foreach (var summary in summaries)
{
    foreach (var report in summary.Reports)
    {
        if (report.ResultStatistics is { } stats && corpusBytes > 0)
        {
            var seconds = stats.Median / 1e9;
            Console.WriteLine($"{report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo} ({report.BenchmarkCase.Job.ResolvedId}): median {seconds:F3} s = {corpusBytes / 1e6 / seconds:F1} MB/s");
        }
    }
}
