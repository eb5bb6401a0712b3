using System.Diagnostics;
using System.Globalization;
using Attribution.Reporting;
using Attribution.Text;

namespace Attribution.Benchmarks;

/// <summary>
/// `-- --scaling`: how each stage scales from one thread to two inside one process, start-up, input and output
/// left out. Each thread takes every other article (no locks, no ordering), so what two threads lose here
/// against one is what sharing a process costs the analysis itself: wall time and CPU time per stage, medians
/// of five rounds taken in turns.
/// </summary>
internal static class ScalingProfile
{
    private const int Rounds = 5;

    public static void Run()
    {
        var stages = new Stages();
        var texts = stages.Texts;
        if (texts.Count == 0)
        {
            return;
        }

        (string Name, Func<SourceText, int> Work)[] steps =
        [
            ("parse", t => stages.Parser.Parse(t).Quotations.Length),
            ("parse+bind", t => stages.Binder.Bind(stages.Parser.Parse(t)).Entities.Length),
            ("parse+bind+rules", t => stages.Analyzer.Analyze(t).Sources.Length),
            ("parse+bind+rules+json", t =>
            {
                using var rendered = JsonReportWriter.Render(stages.Analyzer.Analyze(t));
                return rendered.Length;
            }),
        ];

        Console.WriteLine($"// {texts.Count} articles; {Environment.ProcessorCount} cores; medians of {Rounds} rounds");
        foreach (var (name, work) in steps)
        {
            Time(texts, work, 1); // warm: compiled, tiered up, the thread-local buffers grown
            Time(texts, work, 2);
            var one = new List<(double Wall, double Cpu)>();
            var two = new List<(double Wall, double Cpu)>();
            for (var r = 0; r < Rounds; r++)
            {
                one.Add(Time(texts, work, 1));
                two.Add(Time(texts, work, 2));
            }

            var (wall1, cpu1) = (Median(one.Select(x => x.Wall)), Median(one.Select(x => x.Cpu)));
            var (wall2, cpu2) = (Median(two.Select(x => x.Wall)), Median(two.Select(x => x.Cpu)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: one thread {wall1:F0} ms (CPU {cpu1:F0} ms), two threads {wall2:F0} ms (CPU {cpu2:F0} ms): {wall1 / wall2:F2}x, CPU {cpu2 / cpu1 - 1:+0%;-0%}"));
        }
    }

    private static (double Wall, double Cpu) Time(List<SourceText> texts, Func<SourceText, int> work, int threads)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Threads.Run(threads, first =>
        {
            for (var i = first; i < texts.Count; i += threads)
            {
                work(texts[i]);
            }
        });
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
