namespace Attribution.Text;

/// <summary>Splits a text into paragraphs.</summary>
public static class Paragraphs
{
    /// <summary>
    /// Paragraph spans, trimmed of surrounding white space. Paragraphs are separated by blank lines;
    /// a text with no blank line at all (one paragraph per line, as many feeds send) is split per line.
    /// </summary>
    public static List<TextSpan> Split(string text)
    {
        var result = new List<TextSpan>();
        Split(text, result);
        return result;
    }

    /// <summary>Adds the paragraph spans of <paramref name="text"/> to <paramref name="result"/> (see <see cref="Split(string)"/>).</summary>
    public static void Split(string text, List<TextSpan> result)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(result);
        var byBlankLine = HasBlankLine(text);
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var next = text.AsSpan(i).IndexOfAny('\n', '\r');
            if (next < 0)
            {
                break;
            }

            var lineEnd = i + next;
            i = lineEnd + (text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? 2 : 1);
            if (!byBlankLine || IsBlankLineAhead(text, i))
            {
                AddTrimmed(text, start, lineEnd, result);
                start = i;
            }
        }

        AddTrimmed(text, start, text.Length, result);
    }

    private static bool HasBlankLine(string text)
    {
        for (var i = text.IndexOf('\n', StringComparison.Ordinal); i >= 0 && i + 1 < text.Length; i = text.IndexOf('\n', i + 1))
        {
            if (IsBlankLineAhead(text, i + 1))
            {
                return true;
            }
        }

        return false;
    }

    // True when the line starting at `i` holds only white space.
    private static bool IsBlankLineAhead(string text, int i)
    {
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || c == '\r')
            {
                return true;
            }

            if (!TextChars.IsSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void AddTrimmed(string text, int start, int end, List<TextSpan> result)
    {
        while (start < end && TextChars.IsSpace(text[start]))
        {
            start++;
        }

        while (end > start && TextChars.IsSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            result.Add(new TextSpan(start, end));
        }
    }
}
