using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Attribution.Text;

/// <summary>What a token is.</summary>
internal enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    QuoteOpen,
    QuoteClose,
}

/// <summary>One token of a sentence.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset past the last character.</param>
/// <param name="Kind">Word, number, punctuation or a quotation mark.</param>
/// <param name="Region">Index of the quotation the token lies in (marks included), or -1.</param>
internal readonly record struct Token(int Start, int End, TokenKind Kind, int Region)
{
    public bool InQuote => Region >= 0;

    public TextSpan Span => new(Start, End);
}

/// <summary>Splits a sentence into word, number, punctuation and quotation-mark tokens.</summary>
internal static class Tokenizer
{
    /// <summary>
    /// Tokenizes <paramref name="span"/> into <paramref name="tokens"/> (grown when it is too short) and returns
    /// how many there are; quotation marks are the ones <paramref name="regions"/> paired.
    /// </summary>
    public static int Tokenize(string text, TextSpan span, List<QuoteRegion> regions, int firstRegion, ref Token[] tokens)
    {
        var count = 0;
        var end = Math.Min(span.End, text.Length);
        var r = firstRegion;
        // The first region that ends after i, or null: looked up again only when i passes its end.
        var q = r < regions.Count ? regions[r] : null;
        var i = span.Start;
        while (i < end)
        {
            var c = text[i];
            if (c == ' ' || TextChars.IsSpace(c))
            {
                i++;
                continue;
            }

            while (q is not null && q.Span.End <= i)
            {
                q = ++r < regions.Count ? regions[r] : null;
            }

            // What the regions make of the tokens from i on: the region they lie in (or -1), where a word must
            // stop (before the closing mark) and the next offset where that changes, where a region opens,
            // closes or ends. The tokens up to there are read by Stretch, which need not look at the regions.
            var region = -1;
            var stop = end;
            var until = q is null ? end : q.Span.Start;
            if (q is not null && q.Span.Start <= i)
            {
                region = r;
                if (i == q.Span.Start)
                {
                    var open = Math.Min(q.OpenLength, end - i);
                    Add(ref tokens, ref count, new Token(i, i + open, TokenKind.QuoteOpen, region));
                    i += open;
                    continue;
                }

                until = q.Span.End;
                if (q.Closed)
                {
                    stop = Math.Min(stop, q.Span.End - q.CloseLength);
                    if (i == stop)
                    {
                        var close = Math.Min(q.CloseLength, end - i);
                        Add(ref tokens, ref count, new Token(i, i + close, TokenKind.QuoteClose, region));
                        i += close;
                        continue;
                    }

                    // Past the closing mark (a number ran over it) the regions are looked at for every token.
                    until = i < stop ? stop : i + 1;
                }
            }

            i = Stretch(text, end, i, until, stop, region, ref tokens, ref count);
        }

        return count;
    }

    // Tokens from i, which is not a space, until a token would start at or after `until`; returns the offset
    // after them and the spaces that follow. Words end by `stop`, numbers by `end`, the end of the unit.
    // The loop itself reads the common tokens, words of ASCII letters and single spaces; the rest is read out
    // of line, so the loop keeps its values in registers.
    private static int Stretch(ReadOnlySpan<char> s, int end, int i, int until, int stop, int region, ref Token[] tokens, ref int count)
    {
        // Every offset read below is under end, which is within s.
        ref var text = ref MemoryMarshal.GetReference(s[..end]);
        var n = count;
        var toks = tokens;
        var exit = Math.Min(until, end);
        while (true)
        {
            var start = i;
            var c = Unsafe.Add(ref text, i);
            TokenKind kind;
            if (char.IsAsciiLetter(c))
            {
                i = WordEnd(s, i, stop);
                kind = TokenKind.Word;
            }
            else
            {
                i = OtherToken(s, i, end, stop, out kind);
            }

            if (n == toks.Length)
            {
                Array.Resize(ref toks, toks.Length * 2);
                tokens = toks;
            }

            toks[n++] = new Token(start, i, kind, region);

            // The next token's start: one space, and any other white space out of line (U+0085 is the first
            // white space after it).
            if (i < end && Unsafe.Add(ref text, i) == ' ')
            {
                i++;
            }

            if (i < end && (c = Unsafe.Add(ref text, i)) is <= ' ' or >= '\u0085')
            {
                i = SkipWhiteSpace(s, i, end);
            }

            if (i >= exit)
            {
                count = n;
                return i;
            }
        }
    }

    // A token that does not start with an ASCII letter: a word that starts with a letter beyond ASCII, a number
    // (1,000 and 3.5 and 9/11 stay one) or a punctuation mark.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int OtherToken(ReadOnlySpan<char> s, int i, int end, int stop, out TokenKind kind)
    {
        var c = s[i];
        if (c > '\u007f' && char.IsLetter(c))
        {
            kind = TokenKind.Word;
            return WordEnd(s, i, stop);
        }

        if (c < 128 ? AsciiLetterOrDigit[c] == Digit : char.IsDigit(c))
        {
            i++;
            while (i < end && (char.IsLetterOrDigit(s[i])
                || (s[i] is ',' or '.' or '/' or ':' && i + 1 < end && char.IsDigit(s[i + 1]))))
            {
                i++;
            }

            kind = TokenKind.Number;
            return i;
        }

        kind = TokenKind.Punctuation;
        return i + 1;
    }

    // The end of the word whose first letter is at i: a run of ASCII letters and digits, then the rest of the word
    // (an apostrophe, a hyphen, an initial's period, a letter beyond ASCII) in ScanWord, called for few words.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WordEnd(ReadOnlySpan<char> s, int i, int stop)
    {
        i = AsciiRuns.LettersOrDigitsEnd(s, i + 1, stop);

        // i < stop, which is within s: read without a bounds check.
        return i < stop && Unsafe.Add(ref MemoryMarshal.GetReference(s), i) is > '\u007f' or '\'' or '-' or '.' ? ScanWord(s, i, stop) : i;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int SkipWhiteSpace(ReadOnlySpan<char> s, int i, int end)
    {
        char c;
        while (i < end && ((c = s[i]) == ' ' || TextChars.IsSpace(c)))
        {
            i++;
        }

        return i;
    }

    private const byte Digit = 2;

    private static void Add(ref Token[] tokens, ref int count, Token token)
    {
        if (count == tokens.Length)
        {
            Array.Resize(ref tokens, tokens.Length * 2);
        }

        tokens[count++] = token;
    }

    // A word: letters and digits, joined by internal apostrophes (don't, Clinton's), hyphens
    // (al-Khafaji) and periods of abbreviations (U.S), plus a possessive apostrophe (Jones').
    // `end` stops before the closing mark of a quotation ('the boys'). Stretch reads the leading run of ASCII
    // letters and digits itself and calls this at the character after it, for the few words that go on.
    private static int ScanWord(ReadOnlySpan<char> text, int i, int end)
    {
        var chars = text[..end];
        while (true)
        {
            // A run of ASCII letters and digits, one table look-up a character.
            while ((uint)i < (uint)chars.Length && chars[i] < 128 && AsciiLetterOrDigit[chars[i]] != 0)
            {
                i++;
            }

            if (i >= end)
            {
                return i;
            }

            var c = text[i];
            if (c > '\u007f' && (char.IsLetterOrDigit(c) || c == '\u00AD'))
            {
                i++;
            }
            else if (c is '\'' or '\u2019' or '-' or '.' && i + 1 < end && char.IsLetter(text[i + 1]) && (c != '.' || IsInitialDot(text, i)))
            {
                i += 2;
            }
            else if (c is '\'' or '\u2019' && text[i - 1] == 's' && (i + 1 >= end || !char.IsLetterOrDigit(text[i + 1])))
            {
                i++;
            }
            else
            {
                return i;
            }
        }
    }

    // 1 for A-Z and a-z, Digit (2) for 0-9, else 0.
    private static ReadOnlySpan<byte> AsciiLetterOrDigit =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ];

    // "U.S" and "a.m": a period joins a word only between single letters.
    private static bool IsInitialDot(ReadOnlySpan<char> text, int dot) =>
        dot >= 1 && char.IsLetter(text[dot - 1]) && (dot < 2 || !char.IsLetter(text[dot - 2])) &&
        (dot + 2 >= text.Length || !char.IsLetter(text[dot + 2]));
}
