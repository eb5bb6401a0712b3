using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Attribution.Text;

/// <summary>
/// Reads a text as runs of letters (ASCII letters, and beyond ASCII whatever <see cref="char.IsLetter(char)"/>
/// calls a letter), sixteen characters at a time: a quick look for a word without tokenizing. A run is
/// never longer than a word the tokenizer reads there (it also joins letters with digits, apostrophes,
/// hyphens and initials' periods), so every word of letters alone the tokenizer finds is a run here.
/// </summary>
internal static class LetterRuns
{
    /// <summary>True when some run of letters in <paramref name="text"/> is in <paramref name="words"/>.</summary>
    public static bool Any(ReadOnlySpan<char> text, WordSet words) => Any(text, 0, text.Length, words);

    /// <summary>
    /// True when some run of letters in text[<paramref name="start"/>..<paramref name="end"/>] is in
    /// <paramref name="words"/>. The characters after <paramref name="end"/> may be read, sixteen at a time
    /// with the last of the range, but count for nothing.
    /// </summary>
    public static bool Any(ReadOnlySpan<char> text, int start, int end, WordSet words)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        var wordStart = -1;
        for (var block = start; block < end; block += 16)
        {
            var length = Math.Min(16, end - block);
            var letters = Letters(text, block, length);
            var others = ~letters & (uint)((1 << length) - 1);
            var at = 0;
            while (true)
            {
                if (wordStart < 0)
                {
                    var next = letters >> at;
                    if (next == 0)
                    {
                        break;
                    }

                    at += BitOperations.TrailingZeroCount(next);
                    wordStart = block + at;
                }

                var stop = others >> at;
                if (stop == 0)
                {
                    break; // the run goes on into the next block
                }

                at += BitOperations.TrailingZeroCount(stop);
                if (IsIn(text, wordStart, block + at, words))
                {
                    return true;
                }

                wordStart = -1;
            }
        }

        return wordStart >= 0 && IsIn(text, wordStart, end, words);
    }

    /// <summary>What a run is made of: an ASCII letter, or beyond ASCII any letter.</summary>
    public static bool IsLetter(char c) => char.IsAsciiLetter(c) || (c > '\u007f' && char.IsLetter(c));

    // Whether text[start..end] is in words: the test of its length and ends inline, the rest out of line for the
    // few runs that pass it (and for ends beyond ASCII, which fold as OrdinalIgnoreCase folds them).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsIn(ReadOnlySpan<char> text, int start, int end, WordSet words)
    {
        ref var t = ref MemoryMarshal.GetReference(text);
        var first = Unsafe.Add(ref t, start);
        var last = Unsafe.Add(ref t, end - 1);
        return ((first | last) > '\u007f' || words.MayHaveEnds(end - start, first, last)) && Contains(text[start..end], words);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Contains(ReadOnlySpan<char> word, WordSet words) => words.Contains(word);

    // Bit i set when text[from + i] is a letter, for the count (at most 16) characters from there. Sixteen are
    // read at once whenever the text has them, and the bits past count cleared.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Letters(ReadOnlySpan<char> text, int from, int count)
    {
        uint letters, beyondAscii;
        if (from <= text.Length - 16)
        {
            ref var at = ref Unsafe.As<char, ushort>(ref Unsafe.Add(ref MemoryMarshal.GetReference(text), from));
            var low = Vector128.LoadUnsafe(ref at);
            var high = Vector128.LoadUnsafe(ref at, 8);
            letters = Vector128.Narrow(AsciiRuns.Letters(low), AsciiRuns.Letters(high)).ExtractMostSignificantBits();

            var ascii = Vector128.Create((ushort)0x7F);
            beyondAscii = Vector128.Narrow(Vector128.GreaterThan(low, ascii), Vector128.GreaterThan(high, ascii)).ExtractMostSignificantBits();
            var kept = (uint)((1 << count) - 1);
            letters &= kept;
            beyondAscii &= kept;
        }
        else
        {
            letters = beyondAscii = 0;
            for (var i = 0; i < count; i++)
            {
                var c = text[from + i];
                letters |= (uint)(char.IsAsciiLetter(c) ? 1 : 0) << i;
                beyondAscii |= (uint)(c > '\u007f' ? 1 : 0) << i;
            }
        }

        while (beyondAscii != 0)
        {
            var i = BitOperations.TrailingZeroCount(beyondAscii);
            if (char.IsLetter(text[from + i]))
            {
                letters |= 1u << i;
            }

            beyondAscii &= beyondAscii - 1;
        }

        return letters;
    }
}
