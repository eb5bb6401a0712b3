using System.Buffers;
using System.Text.Unicode;

namespace Attribution.Inputs;

/// <summary>
/// Reads the common JSONL record, a flat object of strings and numbers, straight from its UTF-8 bytes into
/// what <see cref="InputReader"/> needs: the text, the id and the metadata. A story's text is long and full
/// of escapes (\n, \"), and System.Text.Json checks every byte of a string one at a time after its first
/// escape; here the runs between escapes are found and transcoded with vectorised searches. Anything else
/// (nesting, true, false, null, an escaped property name, a lone surrogate, a record that is not valid JSON)
/// is declined, and InputReader gives that record to JsonDocument, which also words the errors. Both ways
/// give the same result (JsonlRecordProperties).
/// </summary>
internal static class JsonlRecord
{
    // What ends a run of plain string bytes: the closing quote, an escape, or a control character (invalid).
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        [(byte)'"', (byte)'\\', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    private const int MaxPooledLength = 1 << 20;

    /// <summary>
    /// The record's last "text" string, its last "id" (a string, or a number as written; null when there is
    /// none) and its other string and number properties; false when the record is not such a flat object of
    /// strings and numbers. <paramref name="record"/> must be valid UTF-8.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> record, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text, out string? id, out Dictionary<string, string> metadata)
    {
        text = null;
        id = null;
        metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        // A giant record's buffer is not kept by the pool for the rest of the run.
        var pooled = record.Length <= MaxPooledLength;
        var chars = pooled ? ArrayPool<char>.Shared.Rent(record.Length) : new char[record.Length];
        try
        {
            var i = SkipSpace(record, 0);
            if (i >= record.Length || record[i] != '{')
            {
                return false;
            }

            i = SkipSpace(record, i + 1);
            while (true)
            {
                // The name: no escapes, so that "text" and "id" are matched as JsonDocument would match them.
                if (i >= record.Length || record[i] != '"')
                {
                    return false;
                }

                var nameStart = i + 1;
                var nameLength = record[nameStart..].IndexOfAny(StringStops);
                if (nameLength < 0 || record[nameStart + nameLength] != '"')
                {
                    return false;
                }

                var name = record.Slice(nameStart, nameLength);
                i = SkipSpace(record, nameStart + nameLength + 1);
                if (i >= record.Length || record[i] != ':')
                {
                    return false;
                }

                i = SkipSpace(record, i + 1);
                if (i >= record.Length)
                {
                    return false;
                }

                string value;
                var isString = record[i] == '"';
                if (isString)
                {
                    if (ReadString(record, i + 1, chars) is not var (end, length))
                    {
                        return false;
                    }

                    value = new string(chars, 0, length);
                    i = end;
                }
                else if (NumberEnd(record, i) is var end and > 0)
                {
                    value = System.Text.Encoding.UTF8.GetString(record[i..end]);
                    i = end;
                }
                else
                {
                    return false;
                }

                if (name.SequenceEqual("text"u8))
                {
                    // The last "text" wins, as in JsonDocument; a number there is no text.
                    text = isString ? value : null;
                }
                else if (name.SequenceEqual("id"u8))
                {
                    id = value;
                }
                else
                {
                    metadata[System.Text.Encoding.UTF8.GetString(name)] = value;
                }

                i = SkipSpace(record, i);
                if (i < record.Length && record[i] == ',')
                {
                    i = SkipSpace(record, i + 1);
                    continue;
                }

                if (i < record.Length && record[i] == '}')
                {
                    return text is not null && SkipSpace(record, i + 1) == record.Length;
                }

                return false;
            }
        }
        finally
        {
            if (pooled)
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }
    }

    private static int SkipSpace(ReadOnlySpan<byte> record, int i)
    {
        while (i < record.Length && record[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            i++;
        }

        return i;
    }

    // The string whose first byte (after the opening quote) is at i, unescaped into chars: the offset after
    // its closing quote and its length in chars; null when it is not a string this reader takes.
    private static (int End, int Length)? ReadString(ReadOnlySpan<byte> record, int i, char[] chars)
    {
        var written = 0;
        while (true)
        {
            var run = record[i..].IndexOfAny(StringStops);
            if (run < 0)
            {
                return null;
            }

            // The record is valid UTF-8 and a run ends before an ASCII byte, so it holds whole characters.
            Utf8.ToUtf16(record.Slice(i, run), chars.AsSpan(written), out _, out var charsWritten);
            written += charsWritten;
            i += run;
            switch (record[i])
            {
                case (byte)'"':
                    return (i + 1, written);
                case (byte)'\\':
                    if (i + 1 >= record.Length || Unescape(record, i + 1, out var c, out var consumed) is false)
                    {
                        return null;
                    }

                    chars[written++] = c;
                    i += 1 + consumed;
                    break;
                default:
                    return null; // a control character
            }
        }
    }

    // The character an escape stands for (at i, after the backslash) and how many bytes it took; false for a
    // bad escape and for a \u escape of half a surrogate pair, which JsonDocument judges.
    private static bool Unescape(ReadOnlySpan<byte> record, int i, out char c, out int consumed)
    {
        consumed = 1;
        c = record[i] switch
        {
            (byte)'"' => '"',
            (byte)'\\' => '\\',
            (byte)'/' => '/',
            (byte)'b' => '\b',
            (byte)'f' => '\f',
            (byte)'n' => '\n',
            (byte)'r' => '\r',
            (byte)'t' => '\t',
            _ => '\0',
        };

        if (c != '\0')
        {
            return true;
        }

        if (record[i] != 'u' || i + 4 >= record.Length)
        {
            return false;
        }

        var code = 0;
        for (var k = 1; k <= 4; k++)
        {
            var digit = HexValue(record[i + k]);
            if (digit < 0)
            {
                return false;
            }

            code = (code << 4) | digit;
        }

        c = (char)code;
        consumed = 5;
        return !char.IsSurrogate(c);
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    // The end of the JSON number starting at i (-? int frac? exp?), or -1 when there is none there.
    private static int NumberEnd(ReadOnlySpan<byte> record, int i)
    {
        if (i < record.Length && record[i] == '-')
        {
            i++;
        }

        if (i >= record.Length || !char.IsAsciiDigit((char)record[i]))
        {
            return -1;
        }

        // No leading zeros: "0" alone, or a digit 1-9 and more digits.
        i = record[i] == '0' ? i + 1 : Digits(record, i);
        if (i < record.Length && record[i] == '.')
        {
            var after = Digits(record, i + 1);
            if (after == i + 1)
            {
                return -1;
            }

            i = after;
        }

        if (i < record.Length && record[i] is (byte)'e' or (byte)'E')
        {
            i++;
            if (i < record.Length && record[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            var after = Digits(record, i);
            if (after == i)
            {
                return -1;
            }

            i = after;
        }

        return i;
    }

    private static int Digits(ReadOnlySpan<byte> record, int i)
    {
        while (i < record.Length && char.IsAsciiDigit((char)record[i]))
        {
            i++;
        }

        return i;
    }
}
