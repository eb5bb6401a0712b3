using System.Text;
using Attribution.Analysis;
using Attribution.Analysis.Rules;
using Attribution.Text;
using BenchmarkDotNet.Attributes;

namespace Attribution.Benchmarks;

/// <summary>
/// Parse and full-pipeline throughput over the whole shared corpus on one thread. MB/s is the corpus's
/// UTF-8 size divided by the mean time (printed at the end of each benchmark as well).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PipelineBenchmarks
{
    private List<SourceText> _texts = [];
    private AttributionParser _parser = null!;
    private Analyzer _analyzer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var raw = Corpus.LoadTexts();
        _texts = [.. raw.Select((t, i) => new SourceText(i.ToString(System.Globalization.CultureInfo.InvariantCulture), t))];
        var bytes = raw.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        var pack = RulePack.Load(RulePack.DefaultDirectory);
        _parser = new AttributionParser(pack.Lexicons.Parser);
        _analyzer = new Analyzer(pack);
        Console.WriteLine($"// corpus: {_texts.Count} articles, {bytes / 1e6:F1} MB");
    }

    [Benchmark(Description = "parse")]
    public int Parse()
    {
        var n = 0;
        foreach (var t in _texts)
        {
            n += _parser.Parse(t).Quotations.Length;
        }

        return n;
    }

    [Benchmark(Description = "parse+bind+rules")]
    public int Analyze()
    {
        var n = 0;
        foreach (var t in _texts)
        {
            n += _analyzer.Analyze(t).Sources.Length;
        }

        return n;
    }

    [Benchmark(Description = "parse+bind+rules, 2 threads")]
    public int AnalyzeParallel() =>
        _texts.AsParallel().WithDegreeOfParallelism(2).Sum(t => _analyzer.Analyze(t).Sources.Length);
}
