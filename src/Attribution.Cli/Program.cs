namespace Attribution.Cli;

/// <summary>Entry point of the <c>attribution</c> command.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var code = CliApp.Run(args, CliConsole.System());
        if (Environment.GetEnvironmentVariable("ATTRIBUTION_RUNTIME_STATS") == "1")
        {
            // For performance work: where a run's time went besides the analysis itself.
            Console.Error.WriteLine(
                $"runtime: gc gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}, " +
                $"pause {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, allocated {GC.GetTotalAllocatedBytes() / 1e6:F0} MB; " +
                $"jit {System.Runtime.JitInfo.GetCompiledMethodCount()} methods, {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms; " +
                $"gen0 budget up to {Gen0Budget()}");
        }

        return code;
    }

    // The youngest generation's budget the GC settled on, as it reports it (in bytes).
    private static string Gen0Budget() =>
        GC.GetConfigurationVariables().TryGetValue("GCGen0MaxBudget", out var budget)
            ? $"{Convert.ToInt64(budget, System.Globalization.CultureInfo.InvariantCulture) / (1024 * 1024)} MB"
            : "(not reported)";
}
