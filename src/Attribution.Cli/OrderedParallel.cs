using System.Runtime.ExceptionServices;

namespace Attribution.Cli;

/// <summary>
/// Runs work over a sequence on a fixed number of threads, the calling thread one of them, and hands the results
/// to a writer one at a time in the sequence's order. There is no thread that only writes: the thread that
/// finishes the result next in order writes it, with any that finished before their turn, while the others go
/// on working; so <c>--threads 1</c> is one thread, and on two cores two threads do not share them with a third.
/// </summary>
/// <remarks>
/// The sequence is read one item at a time under a lock (an archive's next line or the next file name; the
/// reading proper is in the work). At most <c>window</c> items are taken beyond the last one written, so a very
/// slow story at the head holds back a bounded number of results, not the rest of the archive. The first
/// exception, from the work or the writer, stops the others taking items and is rethrown on the calling thread.
/// </remarks>
internal static class OrderedParallel
{
    public static void Run<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, long, TOut> work, Action<TOut> write, int threads, int window = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        threads = Math.Clamp(threads, 1, 512);
        using var enumerator = source.GetEnumerator();
        var pipeline = new Pipeline<TIn, TOut>(enumerator, work, write, window > 0 ? window : 64 * threads);
        var helpers = new Thread[threads - 1];
        for (var i = 0; i < helpers.Length; i++)
        {
            helpers[i] = new Thread(pipeline.Work) { IsBackground = true, Name = "attribution worker" };
            helpers[i].Start();
        }

        pipeline.Work();
        foreach (var helper in helpers)
        {
            helper.Join();
        }

        pipeline.ThrowIfFailed();
    }

    private sealed class Pipeline<TIn, TOut>(IEnumerator<TIn> source, Func<TIn, long, TOut> work, Action<TOut> write, int window)
    {
        private readonly Lock _source = new();
        private readonly object _gate = new(); // a Monitor: takers wait on it while the window is full
        private readonly Dictionary<long, TOut> _done = [];
        private long _taken;
        private long _written;
        private bool _exhausted;
        private bool _writing;
        private int _waiting;
        private ExceptionDispatchInfo? _failure;

        public void Work()
        {
            try
            {
                while (Take(out var item, out var index))
                {
                    Deposit(index, work(item, index));
                }
            }
            catch (Exception ex)
            {
                lock (_gate)
                {
                    _failure ??= ExceptionDispatchInfo.Capture(ex);
                    Monitor.PulseAll(_gate);
                }
            }
        }

        public void ThrowIfFailed() => _failure?.Throw();

        private bool Take(out TIn item, out long index)
        {
            item = default!;
            index = 0;
            lock (_gate)
            {
                while (_failure is null && !Volatile.Read(ref _exhausted) && Volatile.Read(ref _taken) - _written >= window)
                {
                    _waiting++;
                    Monitor.Wait(_gate);
                    _waiting--;
                }

                if (_failure is not null)
                {
                    return false;
                }
            }

            lock (_source)
            {
                if (_exhausted || !source.MoveNext())
                {
                    Volatile.Write(ref _exhausted, true);
                    return false;
                }

                item = source.Current;
                index = _taken;
                Volatile.Write(ref _taken, _taken + 1);
                return true;
            }
        }

        // Files the result; when it is the next to write and no thread is writing, this one writes it and every
        // result after it that is ready.
        private void Deposit(long index, TOut result)
        {
            lock (_gate)
            {
                _done.Add(index, result);
                if (_writing || index != _written || _failure is not null)
                {
                    return;
                }

                _writing = true;
            }

            while (true)
            {
                TOut next;
                lock (_gate)
                {
                    if (_failure is not null || !_done.Remove(_written, out next!))
                    {
                        _writing = false;
                        return;
                    }

                    _written++;
                    if (_waiting > 0)
                    {
                        Monitor.PulseAll(_gate);
                    }
                }

                write(next);
            }
        }
    }
}
