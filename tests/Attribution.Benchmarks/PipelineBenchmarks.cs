using System.Text;
using Attribution.Analysis;
using Attribution.Analysis.Binding;
using Attribution.Reporting;
using Attribution.Text;
using BenchmarkDotNet.Attributes;

namespace Attribution.Benchmarks;

/// <summary>
/// Throughput of each stage over the whole shared corpus on one thread — parse, bind, rules
/// (classification and diagnostic rules over bound documents), JSON rendering — and of the whole
/// pipeline on one and two threads. MB/s is the corpus's UTF-8 size divided by the median time (printed
/// after the summary); the stages read their inputs prepared in setup, so they add up to the whole.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PipelineBenchmarks
{
    private List<SourceText> _texts = [];
    private AttributionParser _parser = null!;
    private SourceBinder _binder = null!;
    private Analyzer _analyzer = null!;
    private List<ParsedDocument> _parsed = [];
    private List<SourceBinder.Result> _bound = [];
    private List<DocumentAnalysis> _analysed = [];

    [GlobalSetup]
    public void Setup()
    {
        var stages = new Stages();
        _texts = stages.Texts;
        var bytes = _texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t.Text));
        _parser = stages.Parser;
        _binder = stages.Binder;
        _analyzer = stages.Analyzer;
        _parsed = [.. _texts.Select(_parser.Parse)];
        _bound = [.. _parsed.Select(_binder.Bind)];
        _analysed = [.. _parsed.Select(d => _analyzer.Analyze(d))];
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

    [Benchmark(Description = "bind")]
    public int Bind()
    {
        var n = 0;
        foreach (var doc in _parsed)
        {
            n += _binder.Bind(doc).Entities.Length;
        }

        return n;
    }

    [Benchmark(Description = "rules")]
    public int Rules()
    {
        var n = 0;
        for (var i = 0; i < _parsed.Count; i++)
        {
            n += _analyzer.ApplyRules(_parsed[i], _bound[i], null, false).Diagnostics.Length;
        }

        return n;
    }

    [Benchmark(Description = "json")]
    public long Json()
    {
        long n = 0;
        foreach (var analysis in _analysed)
        {
            using var rendered = JsonReportWriter.Render(analysis);
            n += rendered.Length;
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
