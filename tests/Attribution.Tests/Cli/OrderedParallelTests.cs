using Attribution.Cli;
using CsCheck;

namespace Attribution.Tests.Cli;

/// <summary>
/// The pipeline `check` and `report` run on: every item worked once, written once and in order, on any number of
/// threads and whatever the work's timing; a bounded number of results waiting; the first failure rethrown.
/// </summary>
public sealed class OrderedParallelTests
{
    [Fact]
    public void Results_are_written_once_each_and_in_order_whatever_the_timing()
    {
        var counts = Gen.Int[0, 300];
        var threads = Gen.Int[1, 6];
        Gen.Select(counts, threads, Gen.Int).Sample((count, n, seed) =>
        {
            var written = new List<int>();
            var worked = new int[count];
            var writers = 0;
            OrderedParallel.Run(
                Enumerable.Range(0, count),
                (item, index) =>
                {
                    Assert.Equal(item, index);
                    Interlocked.Increment(ref worked[item]);

                    // Uneven work: some items take far longer than their neighbours.
                    if ((item * 7919 ^ seed) % 13 == 0)
                    {
                        Thread.SpinWait(20_000);
                    }

                    return item;
                },
                result =>
                {
                    Assert.Equal(1, Interlocked.Increment(ref writers)); // one writer at a time
                    written.Add(result);
                    Interlocked.Decrement(ref writers);
                },
                n);

            Assert.Equal(Enumerable.Range(0, count), written);
            Assert.All(worked, w => Assert.Equal(1, w));
        }, iter: 200, threads: 1);
    }

    [Fact]
    public void One_thread_is_the_calling_thread_alone()
    {
        var caller = Environment.CurrentManagedThreadId;
        var seen = new HashSet<int>();
        OrderedParallel.Run(Enumerable.Range(0, 50), (item, _) => seen.Add(Environment.CurrentManagedThreadId), _ => seen.Add(Environment.CurrentManagedThreadId), threads: 1);
        Assert.Equal([caller], seen);
    }

    [Fact]
    public void A_slow_first_item_holds_back_no_more_than_the_window()
    {
        // While the first item is worked on, the other threads take items until the window is full, then wait.
        using var release = new ManualResetEventSlim();
        var taken = 0;
        var maxTaken = 0;
        var thread = new Thread(() => OrderedParallel.Run(
            Enumerable.Range(0, 1000).Select(i =>
            {
                maxTaken = Math.Max(maxTaken, Interlocked.Increment(ref taken));
                return i;
            }),
            (item, _) =>
            {
                if (item == 0)
                {
                    release.Wait();
                }

                return item;
            },
            _ => { },
            threads: 3,
            window: 10));
        thread.Start();
        Thread.Sleep(300);
        var whileHeld = Volatile.Read(ref taken);
        release.Set();
        thread.Join();

        Assert.InRange(whileHeld, 10, 11);
        Assert.Equal(1000, taken);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void A_failure_in_the_work_is_rethrown_on_the_caller_and_stops_the_rest(int threads)
    {
        var worked = 0;
        var ex = Assert.Throws<InvalidDataException>(() => OrderedParallel.Run(
            Enumerable.Range(0, 100_000),
            (item, _) =>
            {
                Interlocked.Increment(ref worked);
                return item == 10 ? throw new InvalidDataException("item 10") : item;
            },
            _ => { },
            threads));

        Assert.Equal("item 10", ex.Message);
        Assert.True(worked < 100_000, $"{worked} items were worked on after the failure");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void A_failure_in_the_writer_is_rethrown_and_nothing_after_it_is_written(int threads)
    {
        var written = new List<int>();
        var ex = Assert.Throws<IOException>(() => OrderedParallel.Run(
            Enumerable.Range(0, 10_000),
            (item, _) => item,
            result =>
            {
                if (result == 500)
                {
                    throw new IOException("disk full");
                }

                written.Add(result);
            },
            threads));

        Assert.Equal("disk full", ex.Message);
        Assert.Equal(Enumerable.Range(0, 500), written);
    }
}
