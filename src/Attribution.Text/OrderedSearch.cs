namespace Attribution.Text;

/// <summary>Binary searches over items kept in text order (tokens, quotation marks, sentences, names).</summary>
public static class OrderedSearch
{
    /// <summary>The number of items whose start is before <paramref name="offset"/>.</summary>
    public static int CountBefore<T>(IReadOnlyList<T> items, int offset, Func<T, int> start)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(start);
        int lo = 0, hi = items.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (start(items[mid]) < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The index of the item that starts exactly at <paramref name="offset"/>, or -1.</summary>
    public static int IndexOfStart<T>(IReadOnlyList<T> items, int offset, Func<T, int> start)
    {
        var i = CountBefore(items, offset, start);
        return i < items.Count && start(items[i]) == offset ? i : -1;
    }

    /// <summary>The index of the last item that starts at or before <paramref name="offset"/>, or -1.</summary>
    public static int LastAtOrBefore<T>(IReadOnlyList<T> items, int offset, Func<T, int> start) =>
        CountBefore(items, offset + 1, start) - 1;
}
