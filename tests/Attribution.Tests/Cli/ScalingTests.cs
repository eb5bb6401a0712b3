using System.Diagnostics;
using System.Globalization;
using System.Text;
using Attribution.Text;

namespace Attribution.Tests.Cli;

/// <summary>Tests that time the analysis run alone, so other tests' work does not skew the ratios they compare.</summary>
[CollectionDefinition("Timing", DisableParallelization = true)]
public sealed class TimingTests
{
}

/// <summary>Time in proportion to a story's length, whatever the story holds.</summary>
[Collection("Timing")]
public sealed class ScalingTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void A_story_quoting_one_source_thousands_of_times_takes_time_in_proportion_to_its_length()
    {
        // Wire copy reintroduces a source with its article ("a senior harbour authority official said"), so one
        // source may gather every mention of a long text; gathering them once cost the square of their number.
        const string Paragraph = "\"The plan is working,\" a senior harbour authority official said. The harbour official said the channel was clear.\n\n";
        var small = string.Concat(Enumerable.Repeat(Paragraph, 10_000));
        var large = string.Concat(Enumerable.Repeat(Paragraph, 40_000));

        static void OneSource(Attribution.Analysis.DocumentAnalysis analysis) => Assert.Single(analysis.Sources.Where(s => s.Quotes.Length > 1000));
        var smallTime = FastestAnalysis(small, OneSource);
        var largeTime = FastestAnalysis(large, OneSource);

        // Four times the text: about four times the time; the square would be sixteen.
        Assert.True(largeTime < smallTime * 8, $"{small.Length:N0} characters took {smallTime}, {large.Length:N0} took {largeTime}");
    }

    // The fastest of three analyses of `text`, each checked by `check`.
    private static TimeSpan FastestAnalysis(string text, Action<Attribution.Analysis.DocumentAnalysis> check)
    {
        var best = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            var analysis = TestPack.Analyzer.Analyze(new SourceText("long.txt", text));
            best = watch.Elapsed < best ? watch.Elapsed : best;
            check(analysis);
        }

        return best;
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_story_of_many_different_names_takes_time_in_proportion_to_its_length()
    {
        // Each lone surname ("Mirenka said") is looked for after a first name elsewhere in the story; a search of
        // the whole story per surname made a long story of many people quadratic (a 23 MB one ran at 1.7 MB/s).
        var small = ManyNames(1_000_000);
        var large = ManyNames(4_000_000);

        var smallTime = FastestAnalysis(small, a => Assert.True(a.Sources.Count(s => s.Type == Attribution.Analysis.SourceType.Named) > small.Length / 10_000));
        var largeTime = FastestAnalysis(large, a => Assert.True(a.Sources.Count(s => s.Type == Attribution.Analysis.SourceType.Named) > large.Length / 10_000));

        // Four times the text: about four times the time (1.5 per doubling at most); the square would be sixteen.
        Assert.True(largeTime < smallTime * 2.25 * 2.25, $"{small.Length:N0} characters took {smallTime}, {large.Length:N0} took {largeTime}");

        // Made-up names from syllables: every paragraph a new person, named in full and then by surname alone.
        static string ManyNames(int length)
        {
            string[] syllables =
            [
                "ka", "lo", "mi", "ren", "tor", "van", "del", "sa", "qui", "bel", "mon", "dra", "fi", "ga", "hul",
                "pe", "zor", "nu", "wil", "ta", "bro", "ste", "gin", "cal", "my", "rho", "sev", "ul", "ox", "jan",
            ];
            var random = new Random(7);
            string Name() => string.Concat(Enumerable.Range(0, 3 + random.Next(2)).Select(_ => syllables[random.Next(syllables.Length)])) is var n ? char.ToUpperInvariant(n[0]) + n[1..] : "";
            var text = new StringBuilder(length + 200);
            while (text.Length < length)
            {
                var (first, last, place) = (Name(), Name(), Name());
                text.Append(CultureInfo.InvariantCulture, $"{first} {last}, a farmer near {place}, said the river had risen overnight. \"We moved the animals,\" {last} said.\n\n");
            }

            return text.ToString();
        }
    }
}
