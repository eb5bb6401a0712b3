using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Attribution.Text;

/// <summary>
/// Where a run of ASCII letters (or letters and digits) ends, eight characters at a time: the scanners that
/// read words decide character by character only at the character that stops the run.
/// </summary>
public static class AsciiRuns
{
    /// <summary>
    /// The first offset from <paramref name="from"/> whose character is not an ASCII letter, or
    /// <paramref name="limit"/> (at most the text's length) when there is none before it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LettersEnd(ReadOnlySpan<char> text, int from, int limit) => End(text, from, limit, digits: false);

    /// <summary>
    /// The first offset from <paramref name="from"/> whose character is neither an ASCII letter nor a digit
    /// 0–9, or <paramref name="limit"/> (at most the text's length) when there is none before it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LettersOrDigitsEnd(ReadOnlySpan<char> text, int from, int limit) => End(text, from, limit, digits: true);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int End(ReadOnlySpan<char> text, int from, int limit, bool digits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from); // past the end reads nothing; before the start must not
        limit = Math.Min(limit, text.Length);
        ref var t = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        var i = from;
        while (i <= limit - 8)
        {
            var v = Vector128.LoadUnsafe(ref t, (nuint)i);
            var run = Letters(v);
            if (digits)
            {
                run |= Vector128.LessThanOrEqual(v - Vector128.Create((ushort)'0'), Vector128.Create((ushort)9));
            }

            var stops = ~run.ExtractMostSignificantBits() & 0xFFu;
            if (stops != 0)
            {
                return i + BitOperations.TrailingZeroCount(stops);
            }

            i += 8;
        }

        for (; i < limit; i++)
        {
            var c = (char)Unsafe.Add(ref t, i);
            if (!char.IsAsciiLetter(c) && (!digits || !char.IsAsciiDigit(c)))
            {
                return i;
            }
        }

        return i;
    }

    /// <summary>All ones in each lane of <paramref name="chars"/> that holds an ASCII letter, of either case.</summary>
    /// <remarks>(c | 0x20) - 'a' is below 26 for an ASCII letter of either case, and for nothing else.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<ushort> Letters(Vector128<ushort> chars) =>
        Vector128.LessThanOrEqual((chars | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)('z' - 'a')));
}
