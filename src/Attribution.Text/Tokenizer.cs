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
    /// <summary>Tokenizes <paramref name="span"/>; quotation marks are the ones <paramref name="regions"/> paired.</summary>
    public static void Tokenize(string text, TextSpan span, List<QuoteRegion> regions, int firstRegion, List<Token> tokens)
    {
        tokens.Clear();
        var r = firstRegion;
        var i = span.Start;
        while (i < span.End)
        {
            while (r < regions.Count && regions[r].Span.End <= i)
            {
                r++;
            }

            var region = r < regions.Count && regions[r].Span.Start <= i ? r : -1;
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (region >= 0 && i == regions[region].Span.Start)
            {
                var open = Math.Min(regions[region].OpenLength, span.End - i);
                tokens.Add(new Token(i, i + open, TokenKind.QuoteOpen, region));
                i += open;
                continue;
            }

            if (region >= 0 && regions[region].Closed && i == regions[region].Span.End - regions[region].CloseLength)
            {
                var close = Math.Min(regions[region].CloseLength, span.End - i);
                tokens.Add(new Token(i, i + close, TokenKind.QuoteClose, region));
                i += close;
                continue;
            }

            var start = i;
            if (char.IsLetter(c))
            {
                var stop = region >= 0 && regions[region].Closed ? regions[region].Span.End - regions[region].CloseLength : span.End;
                i = ScanWord(text, i + 1, Math.Min(stop, span.End));
                tokens.Add(new Token(start, i, TokenKind.Word, region));
            }
            else if (char.IsDigit(c))
            {
                // 1,000 and 3.5 and 9/11 stay one number.
                i++;
                while (i < span.End && (char.IsLetterOrDigit(text[i])
                    || (text[i] is ',' or '.' or '/' or ':' && i + 1 < span.End && char.IsDigit(text[i + 1]))))
                {
                    i++;
                }

                tokens.Add(new Token(start, i, TokenKind.Number, region));
            }
            else
            {
                tokens.Add(new Token(start, i + 1, TokenKind.Punctuation, region));
                i++;
            }
        }
    }

    // A word: letters and digits, joined by internal apostrophes (don't, Clinton's), hyphens
    // (al-Khafaji) and periods of abbreviations (U.S), plus a possessive apostrophe (Jones').
    // `end` stops before the closing mark of a quotation ('the boys').
    private static int ScanWord(string text, int i, int end)
    {
        while (i < end)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || (c > '\u007f' && (char.IsLetterOrDigit(c) || c == '\u00AD')))
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
                break;
            }
        }

        return i;
    }

    // "U.S" and "a.m": a period joins a word only between single letters.
    private static bool IsInitialDot(string text, int dot) =>
        dot >= 1 && char.IsLetter(text[dot - 1]) && (dot < 2 || !char.IsLetter(text[dot - 2])) &&
        (dot + 2 >= text.Length || !char.IsLetter(text[dot + 2]));
}
