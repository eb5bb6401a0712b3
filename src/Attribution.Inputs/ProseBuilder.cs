using System.Text;
using Attribution.Text;

namespace Attribution.Inputs;

/// <summary>
/// Builds the prose of a marked-up file (HTML, NITF XML) block by block, with a map from every character
/// back to the file. A parser (AngleSharp, System.Xml) says where each block starts and what text it
/// holds; this class walks the file from there, matching that text past tags, comments and character
/// references, so a quotation's offsets and lines point into the file as written. White space is
/// collapsed to single spaces and blocks are separated by blank lines, as in a plain-text story.
/// </summary>
internal sealed class ProseBuilder(string raw)
{
    private readonly StringBuilder _text = new();
    private readonly OffsetMap.Builder _map = new();
    private int _lastEnd;

    /// <summary>Blocks added so far.</summary>
    public int Blocks { get; private set; }

    /// <summary>Blocks whose text could not be matched to the file character by character (mapped to their start).</summary>
    public int Unaligned { get; private set; }

    /// <summary>
    /// Adds a block whose start tag begins at <paramref name="tagStart"/> in the file and whose text
    /// (entities decoded, <c>br</c> as a line break) is <paramref name="text"/>.
    /// </summary>
    public void AddBlock(int tagStart, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var starts = new int[text.Length];
        var lengths = new int[text.Length];
        var verbatim = new bool[text.Length];
        if (tagStart < 0 || tagStart >= raw.Length || !Align(tagStart, text, starts, lengths, verbatim))
        {
            // Mapped as a whole to where the block starts: lines stay right, offsets point at the block.
            Unaligned++;
            var at = Math.Clamp(tagStart, 0, raw.Length);
            Array.Fill(starts, at);
            Array.Clear(lengths);
            Array.Clear(verbatim);
        }

        if (Blocks > 0)
        {
            Append('\n', _lastEnd, 0, verbatim: false);
            Append('\n', _lastEnd, 0, verbatim: false);
        }

        Blocks++;
        var first = 0;
        var last = text.Length - 1;
        while (first <= last && char.IsWhiteSpace(text[first]))
        {
            first++;
        }

        while (last >= first && char.IsWhiteSpace(text[last]))
        {
            last--;
        }

        for (var k = first; k <= last; k++)
        {
            if (char.IsWhiteSpace(text[k]))
            {
                var run = k;
                while (k + 1 <= last && char.IsWhiteSpace(text[k + 1]))
                {
                    k++;
                }

                var rawEnd = starts[k] + lengths[k];
                Append(' ', starts[run], rawEnd - starts[run], verbatim: run == k && verbatim[k] && text[k] == ' ');
            }
            else
            {
                Append(text[k], starts[k], lengths[k], verbatim[k]);
            }
        }

        _lastEnd = starts[last] + lengths[last];
    }

    /// <summary>The prose as a source text over the file.</summary>
    public SourceText Build(string path) => new(path, _text.ToString()) { Raw = raw, Map = _map.Build() };

    private void Append(char c, int rawStart, int rawLength, bool verbatim)
    {
        _text.Append(c);
        _map.Add(rawStart, rawLength, verbatim);
    }

    // Walks the file from the block's start tag, pairing each character of the text with the file
    // characters it came from. False when the two disagree (the parser moved or invented text).
    private bool Align(int at, string text, int[] starts, int[] lengths, bool[] verbatim)
    {
        var i = SkipTag(at);
        var k = 0;
        var cdataEnd = -1;
        while (k < text.Length)
        {
            if (i < 0 || i >= raw.Length)
            {
                return false;
            }

            var c = raw[i];
            if (cdataEnd >= 0)
            {
                if (i == cdataEnd)
                {
                    i += 3;
                    cdataEnd = -1;
                    continue;
                }
            }
            else if (c == '<')
            {
                if (Starts(i, "<!--"))
                {
                    var close = raw.IndexOf("-->", i + 4, StringComparison.Ordinal);
                    i = close < 0 ? -1 : close + 3;
                }
                else if (Starts(i, "<![CDATA["))
                {
                    cdataEnd = raw.IndexOf("]]>", i + 9, StringComparison.Ordinal);
                    i = cdataEnd < 0 ? -1 : i + 9;
                }
                else if (TagNameIs(i, "script") || TagNameIs(i, "style"))
                {
                    var name = TagNameIs(i, "script") ? "</script" : "</style";
                    var close = raw.IndexOf(name, i + 1, StringComparison.OrdinalIgnoreCase);
                    i = close < 0 ? -1 : SkipTag(close);
                }
                else if (TagNameIs(i, "br") && text[k] == '\n')
                {
                    var end = SkipTag(i);
                    if (end < 0)
                    {
                        return false;
                    }

                    Set(k++, i, end - i, false);
                    i = end;
                }
                else
                {
                    i = SkipTag(i);
                }

                continue;
            }
            else if (c == '&' && EntityEnd(i) is var entityEnd and > 0)
            {
                // One decoded character (two for a surrogate pair) for the whole reference.
                var n = char.IsHighSurrogate(text[k]) && k + 1 < text.Length ? 2 : 1;
                for (var m = 0; m < n; m++)
                {
                    Set(k++, i, entityEnd - i, false);
                }

                i = entityEnd;
                continue;
            }
            else if (c == '\r' && text[k] == '\n')
            {
                var length = i + 1 < raw.Length && raw[i + 1] == '\n' ? 2 : 1;
                Set(k++, i, length, false);
                i += length;
                continue;
            }

            if (c != text[k])
            {
                return false;
            }

            Set(k++, i, 1, true);
            i++;
        }

        return true;

        void Set(int index, int start, int length, bool same)
        {
            starts[index] = start;
            lengths[index] = length;
            verbatim[index] = same;
        }
    }

    private bool Starts(int i, string s) => string.CompareOrdinal(raw, i, s, 0, s.Length) == 0;

    private bool TagNameIs(int i, string name) =>
        i + 1 + name.Length <= raw.Length
        && string.Compare(raw, i + 1, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (i + 1 + name.Length == raw.Length || raw[i + 1 + name.Length] is ' ' or '>' or '/' or '\t' or '\n' or '\r');

    // Past the tag that opens at i ('<'), minding quoted attribute values; -1 when it never closes.
    private int SkipTag(int i)
    {
        char quote = '\0';
        for (var j = i + 1; j < raw.Length; j++)
        {
            var c = raw[j];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return j + 1;
            }
        }

        return -1;
    }

    // The end of a character reference at i ("&amp;", "&#8217;", "&#x2019;"), or -1.
    private int EntityEnd(int i)
    {
        var j = i + 1;
        if (j < raw.Length && raw[j] == '#')
        {
            j++;
            if (j < raw.Length && raw[j] is 'x' or 'X')
            {
                j++;
            }
        }

        var nameStart = j;
        while (j < raw.Length && j - i < 40 && char.IsAsciiLetterOrDigit(raw[j]))
        {
            j++;
        }

        return j > nameStart && j < raw.Length && raw[j] == ';' ? j + 1 : -1;
    }
}
