using System.Text;
using Attribution.Benchmarks;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Attribution.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/Attribution.Benchmarks -- --allocations   (what each stage allocates)
// Artifacts go to the temp folder, not the repository.
if (args is ["--allocations"])
{
    AllocationProfile.Run();
    return;
}

var config = BenchmarkDotNet.Configs.ConfigExtensions.WithArtifactsPath(BenchmarkDotNet.Configs.DefaultConfig.Instance, Path.Combine(Path.GetTempPath(), "attribution-benchmarks"));
var summaries = BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args, config);
var corpusBytes = Corpus.LoadTexts().Sum(t => (long)Encoding.UTF8.GetByteCount(t));
foreach (var summary in summaries)
{
    foreach (var report in summary.Reports)
    {
        if (report.ResultStatistics is { } stats && corpusBytes > 0)
        {
            var seconds = stats.Median / 1e9;
            Console.WriteLine($"{report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo}: median {seconds:F3} s = {corpusBytes / 1e6 / seconds:F1} MB/s");
        }
    }
}
