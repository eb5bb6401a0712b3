namespace Attribution.Text;

/// <summary>A top-level quotation: from its opening mark to its closing mark (both included).</summary>
/// <param name="Span">From the opening mark to just past the closing mark (or the paragraph end when unclosed).</param>
/// <param name="Closed">False when the paragraph ended without a closing mark and no continuation followed.</param>
/// <param name="Reopenings">Offsets of the marks that reopen the quotation in continued paragraphs.</param>
/// <param name="OpenLength">Length of the opening mark (2 for <c>''</c>).</param>
/// <param name="CloseLength">Length of the closing mark (0 when unclosed).</param>
public sealed record QuoteRegion(TextSpan Span, bool Closed, IReadOnlyList<int> Reopenings, int OpenLength = 1, int CloseLength = 1)
{
    /// <summary>The text between the marks.</summary>
    public TextSpan Inner => new(Math.Min(Span.Start + OpenLength, Span.End), Closed ? Math.Max(Span.Start + OpenLength, Span.End - CloseLength) : Span.End);
}

/// <summary>
/// Pairs quotation marks by code point across a document: straight and curly double quotes, single
/// quotes (only where they cannot be apostrophes), guillemets and „…“. A quote left open at the end of
/// a paragraph continues when the next paragraph reopens it (wire style); otherwise it is recovered
/// at the paragraph end and reported as unbalanced.
/// </summary>
public static class QuoteScanner
{
    /// <summary>Scans <paramref name="text"/> paragraph by paragraph.</summary>
    /// <param name="text">The whole document.</param>
    /// <param name="paragraphs">Paragraph spans in order.</param>
    /// <param name="unbalanced">Receives the opening marks left without a partner.</param>
    /// <returns>The top-level quotations in text order.</returns>
    public static List<QuoteRegion> Scan(string text, IReadOnlyList<TextSpan> paragraphs, List<TextSpan> unbalanced)
    {
        var regions = new List<QuoteRegion>();
        var openStart = -1;
        var openLength = 1;
        var opener = '\0';
        List<int>? reopenings = null;

        for (var p = 0; p < paragraphs.Count; p++)
        {
            var para = paragraphs[p];
            var i = para.Start;

            // A quotation left open at the end of the previous paragraph: "…  ¶ "… continues it.
            if (openStart >= 0)
            {
                var mark = Mark(text, i, para.End);
                var reopens = IsOpener(text, i, mark, para, opener, out _);
                if (reopens && StartsTranscriptTurn(text, i + mark.Length, para.End))
                {
                    // "WALLACE: … ¶ "PENCE: … — a transcript printed as one long quotation: each turn,
                    // a new speaker, is a quotation of its own. Not an unbalanced mark.
                    var prev = paragraphs[p - 1];
                    regions.Add(new QuoteRegion(new TextSpan(openStart, TrimEnd(text, openStart, prev.End)), false, reopenings ?? (IReadOnlyList<int>)[], openLength, 0));
                    openStart = i;
                    openLength = mark.Length;
                    reopenings = null;
                    i += mark.Length;
                }
                else if (reopens)
                {
                    (reopenings ??= []).Add(i);
                    i += mark.Length;
                }
                else
                {
                    // Recover: the quotation ends with the previous paragraph.
                    var prev = paragraphs[p - 1];
                    unbalanced.Add(new TextSpan(openStart, openStart + openLength));
                    regions.Add(new QuoteRegion(new TextSpan(openStart, prev.End), false, reopenings ?? (IReadOnlyList<int>)[], openLength, 0));
                    openStart = -1;
                    reopenings = null;
                }
            }

            while (i < para.End)
            {
                if (!IsQuoteChar(text[i]))
                {
                    // Jump to the next mark with a vectorised search.
                    var next = text.AsSpan(i, para.End - i).IndexOfAny(QuoteChars);
                    i = next < 0 ? para.End : i + next;
                    continue;
                }

                var mark = Mark(text, i, para.End);
                if (openStart < 0)
                {
                    if (IsOpener(text, i, mark, para, '\0', out var kind))
                    {
                        // A single quote opens a quotation only if it closes in the same paragraph:
                        // otherwise it is an apostrophe ('90s, 'tis) and not worth a warning.
                        if (!(IsSingle(kind) && FindSingleCloser(text, i + 1, para.End, kind) < 0))
                        {
                            openStart = i;
                            openLength = mark.Length;
                            opener = kind;
                        }
                    }
                }
                else if (IsCloser(text, i, mark, para, opener))
                {
                    regions.Add(new QuoteRegion(new TextSpan(openStart, i + mark.Length), true, reopenings ?? (IReadOnlyList<int>)[], openLength, mark.Length));
                    openStart = -1;
                    reopenings = null;
                }
                else if (mark.Kind == opener && !IsSingle(opener) && IsOpener(text, i, mark, para, '\0', out _) && FollowsSentenceEnd(text, i, para))
                {
                    // "… let us down. "He had lost …: a continuation whose paragraph break was lost (archives
                    // often flatten paragraphs); the quotation goes on.
                    (reopenings ??= []).Add(i);
                }
                else if (mark.Kind == opener && !IsSingle(opener) && IsOpener(text, i, mark, para, '\0', out _))
                {
                    // A second opening mark of the same kind before any close: the first was never
                    // closed ("A, he said. "B"). Report it and start again here.
                    unbalanced.Add(new TextSpan(openStart, openStart + openLength));
                    regions.Add(new QuoteRegion(new TextSpan(openStart, TrimEnd(text, openStart, i)), false, reopenings ?? (IReadOnlyList<int>)[], openLength, 0));
                    openStart = i;
                    openLength = mark.Length;
                    reopenings = null;
                }

                i += mark.Length;
            }

            if (openStart >= 0 && IsSingle(opener))
            {
                openStart = -1;
            }
        }

        if (openStart >= 0)
        {
            unbalanced.Add(new TextSpan(openStart, openStart + openLength));
            var last = paragraphs[^1];
            regions.Add(new QuoteRegion(new TextSpan(openStart, last.End), false, reopenings ?? (IReadOnlyList<int>)[], openLength, 0));
        }

        return regions;
    }

    // "WALLACE: " or "Q: " — a speaker's label in capitals and a colon, as transcripts print turns.
    private static bool StartsTranscriptTurn(string text, int i, int end)
    {
        var capitals = 0;
        for (var j = i; j < end && j < i + 32; j++)
        {
            var c = text[j];
            if (c == ':')
            {
                return capitals >= 1 && j + 1 < end && TextChars.IsSpace(text[j + 1]);
            }

            if (char.IsUpper(c))
            {
                capitals++;
            }
            else if (c is not (' ' or '.' or '-' or '\'' or '\u2019'))
            {
                return false;
            }
        }

        return false;
    }

    // A mark and its length: two straight apostrophes ('') stand for a double quote in some archives.
    private readonly record struct QuoteMark(char Kind, int Length);

    private static QuoteMark Mark(string text, int i, int end)
    {
        if (i >= end)
        {
            return new QuoteMark('\0', 1);
        }

        var c = text[i];
        return c == '\'' && i + 1 < end && text[i + 1] == '\'' ? new QuoteMark('"', 2) : new QuoteMark(c, 1);
    }

    // ". " or "? " or "! " (closing marks of nested quotations allowed) right before position i.
    private static bool FollowsSentenceEnd(string text, int i, TextSpan para)
    {
        var j = i - 1;
        if (j < para.Start || !TextChars.IsSpace(text[j]))
        {
            return false;
        }

        while (j > para.Start && TextChars.IsSpace(text[j]))
        {
            j--;
        }

        while (j > para.Start && text[j] is '\'' or '\u2019' or ')')
        {
            j--;
        }

        return text[j] is '.' or '?' or '!';
    }

    private static readonly System.Buffers.SearchValues<char> QuoteChars = System.Buffers.SearchValues.Create("\"\u201C\u201D\u201E\u00AB\u00BB'\u2018\u2019");

    /// <summary>True for every character that can be a quotation mark.</summary>
    public static bool IsQuoteChar(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB'
        or '\'' or '\u2018' or '\u2019';

    private static bool IsSingle(char opener) => opener is '\'' or '\u2018';

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start + 1 && TextChars.IsSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    // Can the mark at i open a quotation? `kind` is the opener to remember.
    private static bool IsOpener(string text, int i, QuoteMark mark, TextSpan para, char expected, out char kind)
    {
        kind = mark.Kind;
        if (kind == '\0' || (expected != '\0' && !SameFamily(expected, kind)))
        {
            return false;
        }

        var before = i > para.Start ? text[i - 1] : ' ';
        var after = i + mark.Length < para.End ? text[i + mark.Length] : ' ';
        switch (kind)
        {
            case '\u201C' or '\u201E' or '\u00AB':
                return !TextChars.IsSpace(after) || kind == '\u00AB';
            case '"':
                return !TextChars.IsSpace(after) && !IsWordChar(before) && after is not ',' and not '.' and not ';';
            case '\u201D' when (i == para.Start || TextChars.IsSpace(before)) && char.IsLetterOrDigit(after):
                // ”Fear. I am afraid …” ― a reader's comment opened with the wrong curly mark: at the start of a
                // paragraph or after a space and before a letter, a right mark can only open. It closes as “ does.
                kind = '\u201C';
                return true;
            case '\'' or '\u2018':
                // 'Quote' opens; don't, '90s, Jones' do not.
                return !IsWordChar(before) && char.IsLetter(after);
            default:
                return false;
        }
    }

    private static bool IsCloser(string text, int i, QuoteMark mark, TextSpan para, char opener)
    {
        var c = mark.Kind;
        var before = i > para.Start ? text[i - 1] : ' ';
        var after = i + mark.Length < para.End ? text[i + mark.Length] : ' ';
        return opener switch
        {
            '"' => c is '"' or '\u201D' && (!TextChars.IsSpace(before) || TextChars.IsSpace(after) || char.IsPunctuation(after)),
            '\u201C' => c is '\u201D' or '"' || (c == '\u201C' && TextChars.IsSpace(after)),
            '\u201E' => c is '\u201C' or '\u201D' or '"',
            '\u00AB' => c == '\u00BB',
            '\'' or '\u2018' => c is '\'' or '\u2019' && !(IsWordChar(before) && char.IsLetter(after)) && !TextChars.IsSpace(before),
            _ => false,
        };
    }

    private static int FindSingleCloser(string text, int from, int end, char opener)
    {
        var probe = new TextSpan(from - 1, end);
        for (var j = from; j < end; j++)
        {
            var c = text[j];
            if (c is '\'' or '\u2019' && IsCloser(text, j, new QuoteMark(c, 1), probe, opener))
            {
                return j;
            }

            // Stop at a double quote: the single quote belongs inside another construction.
            if (c is '"' or '\u201C' or '\u201D')
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool SameFamily(char opener, char c) => opener switch
    {
        '"' or '\u201C' or '\u201E' or '\u201D' => c is '"' or '\u201C' or '\u201E',
        '\u00AB' => c == '\u00AB',
        _ => c == opener,
    };

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);
}
