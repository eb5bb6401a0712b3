using System.Collections.Frozen;
using System.Globalization;

namespace Attribution.Benchmarks;

/// <summary>
/// `-- --control`: how far the machine lets two threads of one .NET process scale right now, with no Attribution
/// code in it. A generic loop (split a text into words, look each up in a frozen dictionary both threads share,
/// keep small objects in lists) runs a fixed number of times on one thread, then on each of two threads at once;
/// the line printed is the throughput of two against one, the median of three rounds after a warm-up.
/// </summary>
/// <remarks>
/// On the 2-core benchmark machine this figure is not steady: for minutes at a time it sits near 1.9, then
/// near 1.4, while a loop like it run as two processes keeps scaling and a loop that does not allocate
/// scales either way. It also falls while anything else keeps a core busy (just after a build, say). e2e.sh
/// runs this beside each round of the tool, so a two-core figure can be read against what the machine
/// allowed at the time.
/// </remarks>
internal static class ControlProfile
{
    private const int Rounds = 3;
    private const int Iterations = 8_000;

    // Where each loop's result goes, so no compiler can drop the loop as unused.
    private static long s_sink;

    public static void Run()
    {
        var dictionary = Words(50_000).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select((w, i) => (w, i)).ToFrozenDictionary(p => p.w, p => p.i, StringComparer.OrdinalIgnoreCase);
        var text = string.Join(' ', Words(400)) + " said the minister on Tuesday, \"we will not\"";
        Time(dictionary, text, 1);
        Time(dictionary, text, 2);
        var ratios = new List<double>();
        for (var r = 0; r < Rounds; r++)
        {
            var one = Time(dictionary, text, 1);
            var two = Time(dictionary, text, 2);
            ratios.Add(2 * one / two);
        }

        ratios.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"control: two threads {ratios[Rounds / 2]:F2}x one thread (a generic allocating loop, no Attribution code; median of {Rounds})"));
    }

    // Lower-case words of 3 to 9 letters from a fixed seed: the same text on every machine.
    private static IEnumerable<string> Words(int count)
    {
        var random = new Random(1);
        for (var i = 0; i < count; i++)
        {
            var letters = new char[random.Next(3, 10)];
            for (var j = 0; j < letters.Length; j++)
            {
                letters[j] = (char)('a' + random.Next(26));
            }

            yield return new string(letters);
        }
    }

    // Wall time, in milliseconds, for each of `threads` threads to run the loop Iterations times.
    private static double Time(FrozenDictionary<string, int> dictionary, string text, int threads)
    {
        GC.Collect();
        return Threads.Run(threads, _ => Interlocked.Add(ref s_sink, Loop(dictionary, text)));
    }

    private static long Loop(FrozenDictionary<string, int> dictionary, string text)
    {
        long sum = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var words = new List<string>();
            foreach (var word in text.Split(' '))
            {
                sum += dictionary.TryGetValue(word, out var value) ? value : 0;
                words.Add(word);
            }

            var pairs = new List<KeyValuePair<string, int>>();
            for (var k = 0; k < 50; k++)
            {
                pairs.Add(new KeyValuePair<string, int>(words[k], k));
            }

            sum += pairs.Count + (i % 4 == 0 ? string.Concat(words.Take(20)).Length : 0);
        }

        return sum;
    }
}
