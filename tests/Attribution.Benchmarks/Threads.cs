using System.Diagnostics;

namespace Attribution.Benchmarks;

/// <summary>Runs a body on a number of fresh threads at once, for the profiles that compare one thread with two.</summary>
internal static class Threads
{
    /// <summary>Wall time, in milliseconds, for <paramref name="count"/> threads to run <paramref name="body"/> (given each thread's index) to the end.</summary>
    public static double Run(int count, Action<int> body)
    {
        var watch = Stopwatch.StartNew();
        var workers = new Thread[count];
        for (var k = 0; k < count; k++)
        {
            var index = k;
            workers[k] = new Thread(() => body(index));
            workers[k].Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        return watch.Elapsed.TotalMilliseconds;
    }
}
