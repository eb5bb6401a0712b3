using System.Diagnostics.Tracing;
using Attribution.Analysis;
using Attribution.Analysis.Binding;
using Attribution.Reporting;
using Attribution.Text;

namespace Attribution.Benchmarks;

/// <summary>
/// `-- --allocations`: which types each stage allocates over the corpus, from the runtime's allocation
/// sampling (one event per ~100 KB allocated, with the type that crossed the line), so a change that
/// cuts allocations can be aimed and then checked. Exact totals per stage come from the GC's counter.
/// </summary>
internal static class AllocationProfile
{
    public static void Run()
    {
        var stages = new Stages();
        var texts = stages.Texts;
        if (texts.Count == 0)
        {
            return;
        }

        // Warm up every stage once so that start-up allocations are not counted.
        var first = stages.Parser.Parse(texts[0]);
        JsonReportWriter.Render(stages.ApplyRules(first, stages.Binder.Bind(first))).Dispose();

        List<ParsedDocument> parsed = [];
        List<SourceBinder.Result> bound = [];
        List<DocumentAnalysis> analysed = [];
        Measure("parse", () => parsed = [.. texts.Select(stages.Parser.Parse)]);
        Measure("bind", () => bound = [.. parsed.Select(stages.Binder.Bind)]);
        Measure("rules", () => analysed = [.. parsed.Select((d, i) => stages.ApplyRules(d, bound[i]))]);
        Measure("json", () => analysed.ForEach(a => JsonReportWriter.Render(a).Dispose()));
    }

    private static void Measure(string stage, Action action)
    {
        using var listener = new AllocationListener();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        var total = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine($"{stage}: {total / 1e6:F1} MB allocated");
        foreach (var (type, bytes) in listener.ByType.OrderByDescending(p => p.Value).Take(12))
        {
            Console.WriteLine($"  {bytes / 1e6,8:F1} MB  {type}");
        }
    }

    private sealed class AllocationListener : EventListener
    {
        private const int AllocationTick = 10;

        public Dictionary<string, long> ByType { get; } = [];

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventId != AllocationTick || e.Payload is null || e.PayloadNames is null)
            {
                return;
            }

            var type = e.Payload[e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
            lock (ByType)
            {
                ByType[type] = ByType.GetValueOrDefault(type) + amount;
            }
        }
    }
}
