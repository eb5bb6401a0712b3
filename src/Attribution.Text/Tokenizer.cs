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
        var end = span.End;
        var r = firstRegion;
        // The first region that ends after i, or null: looked up again only when i passes its end.
        var q = r < regions.Count ? regions[r] : null;
        var i = span.Start;
        while (i < end)
        {
            var c = text[i];
            if (c == ' ' || char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            while (q is not null && q.Span.End <= i)
            {
                q = ++r < regions.Count ? regions[r] : null;
            }

            var region = -1;
            var stop = end;
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
                }
            }

            var start = i;
            if (char.IsLetter(c))
            {
                i = ScanWord(text, i + 1, stop);
                Add(ref tokens, ref count, new Token(start, i, TokenKind.Word, region));
            }
            else if (char.IsDigit(c))
            {
                // 1,000 and 3.5 and 9/11 stay one number.
                i++;
                while (i < end && (char.IsLetterOrDigit(text[i])
                    || (text[i] is ',' or '.' or '/' or ':' && i + 1 < end && char.IsDigit(text[i + 1]))))
                {
                    i++;
                }

                Add(ref tokens, ref count, new Token(start, i, TokenKind.Number, region));
            }
            else
            {
                Add(ref tokens, ref count, new Token(start, i + 1, TokenKind.Punctuation, region));
                i++;
            }
        }

        return count;
    }

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
    // `end` stops before the closing mark of a quotation ('the boys').
    private static int ScanWord(string text, int i, int end)
    {
        var chars = text.AsSpan(0, end);
        while (true)
        {
            // The common case first: a run of ASCII letters and digits, one table look-up a character.
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

    // 1 for 0-9, A-Z and a-z.
    private static ReadOnlySpan<byte> AsciiLetterOrDigit =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ];

    // "U.S" and "a.m": a period joins a word only between single letters.
    private static bool IsInitialDot(string text, int dot) =>
        dot >= 1 && char.IsLetter(text[dot - 1]) && (dot < 2 || !char.IsLetter(text[dot - 2])) &&
        (dot + 2 >= text.Length || !char.IsLetter(text[dot + 2]));
}
