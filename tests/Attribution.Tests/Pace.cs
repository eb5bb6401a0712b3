using System.Diagnostics;
using Attribution.Text;

namespace Attribution.Tests;

/// <summary>
/// How fast this machine analyses ordinary copy right now, measured once per test run: time bounds scale
/// with it, so a slow or busy machine (this one has run five to seven times slower than usual for an hour)
/// does not fail them, while a blowup, which grows with the square of a story's length, still does.
/// </summary>
internal static class Pace
{
    private const int ReferenceLength = 1_000_000;

    private static readonly Lazy<TimeSpan> PerReference = new(Measure);

    /// <summary>How long ordinary copy of <paramref name="length"/> characters takes to analyse.</summary>
    public static TimeSpan For(int length) => PerReference.Value * ((double)length / ReferenceLength);

    /// <summary>The larger of <paramref name="floor"/> and <paramref name="times"/> the time ordinary copy of that length takes.</summary>
    public static TimeSpan Bound(TimeSpan floor, double times, int length)
    {
        var scaled = For(length) * times;
        return scaled > floor ? scaled : floor;
    }

    // The samples over and over, a million characters, analysed once warm.
    private static TimeSpan Measure()
    {
        var samples = Directory.GetFiles(Path.Combine(TestPack.RepositoryRoot, "samples"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText);
        var copy = string.Join("\n\n", samples) + "\n\n";
        var text = string.Concat(Enumerable.Repeat(copy, (ReferenceLength / copy.Length) + 1))[..ReferenceLength];
        TestPack.Analyzer.Analyze(new SourceText("warm-up.txt", copy));
        var watch = Stopwatch.StartNew();
        TestPack.Analyzer.Analyze(new SourceText("pace.txt", text));
        return watch.Elapsed;
    }
}
