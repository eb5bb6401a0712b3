using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Attribution.Text;

/// <summary>
/// A filter over the shapes of a word list: for each length, which first and last letters and which
/// second and second-to-last letters its words have, ignoring case. Most words of a story are in none
/// of the lexicons, and three bit tests (the length alone, then the two shapes) turn nearly all of them
/// away before a hash lookup ("and" passes the first test for "add" but not the second). It never turns
/// away a word the list holds.
/// </summary>
internal sealed class WordShapeFilter
{
    // Bit (length, first, last) in the first half and (length, second, second-to-last) in the second: 16
    // lengths (the last for 16 letters and more) by 32 by 32 each. A character folds to the low five bits of
    // its upper case, which both cases of a letter share (for ASCII, simply c & 31).
    private const int Half = 16 * 32 * 32 / 64;
    private readonly ulong[] _bits = new ulong[2 * Half];
    private readonly bool _holdsEmpty;

    // Bit n set when the list has a word of n characters (63 for 63 and more): a test cheaper than the shape's,
    // which turns away most words before any letter is read when the list is of short words ("and", "but").
    private readonly ulong _lengths;

    public WordShapeFilter(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            if (word.Length == 0)
            {
                _holdsEmpty = true;
                continue;
            }

            _lengths |= 1UL << Math.Min(word.Length, 63);

            // Half of a surrogate pair has no case of its own (the pair has): a list with one where the
            // filter looks lets every word through.
            if (!Shape(word, out var ends, out var inner))
            {
                Array.Fill(_bits, ulong.MaxValue);
                _holdsEmpty = true;
                _lengths = ulong.MaxValue;
                return;
            }

            _bits[ends >> 6] |= 1UL << (int)ends;
            _bits[Half + (inner >> 6)] |= 1UL << (int)inner;
        }
    }

    /// <summary>False only when no word of the list can equal <paramref name="word"/> ignoring case.</summary>
    // Inlined into every lookup, and read without bounds checks: both indexes are masked below 2 × Half.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayContain(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return _holdsEmpty;
        }

        if (((_lengths >> Math.Min(word.Length, 63)) & 1) == 0)
        {
            return false;
        }

        if (!Shape(word, out var ends, out var inner))
        {
            return true;
        }

        ref var bits = ref MemoryMarshal.GetArrayDataReference(_bits);
        return ((Unsafe.Add(ref bits, ends >> 6) >> (int)ends) & (Unsafe.Add(ref bits, Half + (inner >> 6)) >> (int)inner) & 1) != 0;
    }

    /// <summary>
    /// The first shape test of <see cref="MayContain"/> alone, for a word of <paramref name="length"/> characters
    /// (at least one) from <paramref name="first"/> to <paramref name="last"/>, both ASCII: false only when no
    /// word of the list has that length and those ends.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayHaveEnds(int length, char first, char last)
    {
        var ends = (uint)Math.Min(length - 1, 15) << 10 | (first & 31u) << 5 | (last & 31u);
        return ((Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_bits), ends >> 6) >> (int)ends) & 1) != 0;
    }

    // The two shape indexes of a word that is not empty; false when one of its four letters is half of a
    // surrogate pair.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Shape(ReadOnlySpan<char> word, out uint ends, out uint inner)
    {
        var n = word.Length;
        ref var w = ref MemoryMarshal.GetReference(word);
        var step = n > 1 ? 1 : 0;
        uint first = w, last = Unsafe.Add(ref w, n - 1), second = Unsafe.Add(ref w, step), secondLast = Unsafe.Add(ref w, n - 1 - step);
        var length = (uint)Math.Min(n - 1, 15) << 10;
        if ((first | last | second | secondLast) >= 0x80 && !FoldBeyondAscii(ref first, ref last, ref second, ref secondLast))
        {
            ends = inner = 0;
            return false;
        }

        ends = length | (first & 31) << 5 | (last & 31);
        inner = length | (second & 31) << 5 | (secondLast & 31);
        return true;
    }

    // Letters beyond ASCII to their upper case, as OrdinalIgnoreCase compares them ("é" and "É", and "ı" and
    // "I"); false for half of a surrogate pair.
    private static bool FoldBeyondAscii(ref uint first, ref uint last, ref uint second, ref uint secondLast)
    {
        if (char.IsSurrogate((char)first) || char.IsSurrogate((char)last) || char.IsSurrogate((char)second) || char.IsSurrogate((char)secondLast))
        {
            return false;
        }

        first = char.ToUpperInvariant((char)first);
        last = char.ToUpperInvariant((char)last);
        second = char.ToUpperInvariant((char)second);
        secondLast = char.ToUpperInvariant((char)secondLast);
        return true;
    }
}

/// <summary>A frozen word set looked up by a slice of the text, misses filtered by shape.</summary>
public sealed class WordSet
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly WordShapeFilter _filter;

    /// <summary>
    /// Wraps <paramref name="words"/>, which compare ignoring case or not at all (the sentence starters compare
    /// case and all): the shape filter ignores case, so it turns away only words the set cannot hold either way.
    /// </summary>
    public WordSet(FrozenSet<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _filter = new WordShapeFilter(words);
    }

    /// <summary>True when the set holds <paramref name="word"/>, as the set compares words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(ReadOnlySpan<char> word) => _filter.MayContain(word) && _lookup.Contains(word);

    /// <summary>
    /// The first shape test of <see cref="Contains"/> alone, for a word of <paramref name="length"/> characters (at
    /// least one) from <paramref name="first"/> to <paramref name="last"/>, both ASCII: false only when the set
    /// holds no word of that length with those ends.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool MayHaveEnds(int length, char first, char last) => _filter.MayHaveEnds(length, first, last);
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
