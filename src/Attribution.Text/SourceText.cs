namespace Attribution.Text;

/// <summary>
/// An immutable decoded document: the text every span points into, its path and a line map.
/// </summary>
public sealed class SourceText
{
    private int[]? _lineStarts;

    /// <summary>Creates a source text.</summary>
    /// <param name="path">The document path as the user named it (or the JSONL id).</param>
    /// <param name="text">The decoded text, BOM excluded.</param>
    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
    }

    /// <summary>The document path or id.</summary>
    public string Path { get; }

    /// <summary>The whole decoded text.</summary>
    public string Text { get; }

    /// <summary>
    /// The file as written when <see cref="Text"/> is a same-length view of it (Markdown with its
    /// markup blanked); suppression comments are read from here.
    /// </summary>
    public string Raw { get; init; } = "";

    /// <summary><see cref="Raw"/> when set, else <see cref="Text"/>.</summary>
    public string Original => Raw.Length == Text.Length ? Raw : Text;

    /// <summary>The number of UTF-16 code units.</summary>
    public int Length => Text.Length;

    /// <summary>The characters of <paramref name="span"/>.</summary>
    public ReadOnlySpan<char> this[TextSpan span] => Text.AsSpan(span.Start, span.Length);

    /// <summary>The characters of <paramref name="span"/> as a string.</summary>
    public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);

    /// <summary>Maps an offset to its 1-based line and column.</summary>
    public LinePosition GetLinePosition(int offset)
    {
        var starts = _lineStarts ??= ComputeLineStarts(Text);
        var index = Array.BinarySearch(starts, Math.Clamp(offset, 0, Text.Length));
        if (index < 0)
        {
            index = ~index - 1;
        }

        return new LinePosition(index + 1, offset - starts[index] + 1);
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                // "\r\n" is one line break.
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c is '\n' or '\u2028' or '\u2029')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
