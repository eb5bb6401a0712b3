using System.Collections.Frozen;

namespace Attribution.Text;

/// <summary>
/// A filter over the shapes of a word list: for each length, which first and last letters and which
/// second and second-to-last letters its words have, ignoring case. Most words of a story are in none
/// of the lexicons, and two bit tests turn nearly all of them away before a hash lookup ("and" passes
/// the first test for "add" but not the second). It never turns away a word the list holds.
/// </summary>
internal sealed class WordShapeFilter
{
    // Bit (length, first, last) of the one and (length, second, second-to-last) of the other: 16 lengths
    // (the last for 16 letters and more) by 32 by 32. A character folds to (c | 0x20) & 31, the same for
    // both cases of an ASCII letter.
    private readonly ulong[] _ends = new ulong[16 * 32 * 32 / 64];
    private readonly ulong[] _inner = new ulong[16 * 32 * 32 / 64];
    private readonly bool _holdsEmpty;

    public WordShapeFilter(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            if (word.Length == 0)
            {
                _holdsEmpty = true;
                continue;
            }

            var (ends, inner, ascii) = Shape(word);
            // A letter outside ASCII can equal an ASCII one ignoring case ("ı" and "I"): a list with one
            // where the filter looks lets every word through.
            if (!ascii)
            {
                Array.Fill(_ends, ulong.MaxValue);
                Array.Fill(_inner, ulong.MaxValue);
                _holdsEmpty = true;
                return;
            }

            _ends[ends >> 6] |= 1UL << ends;
            _inner[inner >> 6] |= 1UL << inner;
        }
    }

    /// <summary>False only when no word of the list can equal <paramref name="word"/> ignoring case.</summary>
    public bool MayContain(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return _holdsEmpty;
        }

        var (ends, inner, ascii) = Shape(word);
        return !ascii || ((_ends[ends >> 6] >> ends) & (_inner[inner >> 6] >> inner) & 1) != 0;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static (int Ends, int Inner, bool Ascii) Shape(ReadOnlySpan<char> word)
    {
        var n = word.Length;
        int first = word[0], last = word[n - 1], second = word[n > 1 ? 1 : 0], secondLast = word[n > 1 ? n - 2 : 0];
        var length = (n < 16 ? n - 1 : 15) << 10;
        return (length | ((first | 0x20) & 31) << 5 | ((last | 0x20) & 31),
            length | ((second | 0x20) & 31) << 5 | ((secondLast | 0x20) & 31),
            (first | last | second | secondLast) < 0x80);
    }
}

/// <summary>A frozen, case-insensitive word set looked up by a slice of the text, misses filtered by shape.</summary>
public sealed class WordSet
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly WordShapeFilter _filter;

    /// <summary>Wraps <paramref name="words"/>, which must compare ignoring case.</summary>
    public WordSet(FrozenSet<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _filter = new WordShapeFilter(words);
    }

    /// <summary>True when the set holds <paramref name="word"/>, ignoring case.</summary>
    public bool Contains(ReadOnlySpan<char> word) => _filter.MayContain(word) && _lookup.Contains(word);
}

/// <summary>A frozen, case-insensitive word map looked up by a slice of the text, misses filtered by shape.</summary>
/// <typeparam name="T">The value.</typeparam>
public sealed class WordMap<T>
{
    private readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly WordShapeFilter _filter;

    /// <summary>Wraps <paramref name="words"/>, which must compare keys ignoring case.</summary>
    public WordMap(FrozenDictionary<string, T> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _filter = new WordShapeFilter(words.Keys);
    }

    /// <summary>True when the map holds <paramref name="word"/>, ignoring case.</summary>
    public bool ContainsKey(ReadOnlySpan<char> word) => _filter.MayContain(word) && _lookup.ContainsKey(word);

    /// <summary>The value for <paramref name="word"/>, ignoring case.</summary>
    public bool TryGetValue(ReadOnlySpan<char> word, out T value)
    {
        if (_filter.MayContain(word))
        {
            return _lookup.TryGetValue(word, out value!);
        }

        value = default!;
        return false;
    }
}
