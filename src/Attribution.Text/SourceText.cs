using System.Buffers;

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

    /// <summary>The <see cref="Path"/> of a story read from standard input.</summary>
    public const string StandardInput = "<stdin>";

    /// <summary>The whole decoded text.</summary>
    public string Text { get; }

    /// <summary>
    /// The file as written when <see cref="Text"/> is a view of it: the same length with markup blanked
    /// (Markdown), or the prose extracted through <see cref="Map"/> (HTML, NITF). Suppression comments are
    /// read from here, and line/column positions count in it.
    /// </summary>
    public string Raw { get; init; } = "";

    /// <summary>How offsets in <see cref="Text"/> map to <see cref="Raw"/>, when the text was extracted from it.</summary>
    public OffsetMap? Map { get; init; }

    /// <summary><see cref="Raw"/> when set, else <see cref="Text"/>.</summary>
    public string Original => Map is not null || Raw.Length == Text.Length ? Raw : Text;

    /// <summary>Where <paramref name="span"/> lies in the file as written (<see cref="Original"/>).</summary>
    public TextSpan ToOriginal(TextSpan span) => Map?.Map(span) ?? span;

    /// <summary>The number of UTF-16 code units.</summary>
    public int Length => Text.Length;

    /// <summary>The characters of <paramref name="span"/>.</summary>
    public ReadOnlySpan<char> this[TextSpan span] => Text.AsSpan(span.Start, span.Length);

    /// <summary>The characters of <paramref name="span"/> as a string.</summary>
    public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);

    /// <summary>The characters of <paramref name="parts"/> (a split quotation's), joined by a space.</summary>
    public string ToString(IReadOnlyList<TextSpan> parts) =>
        parts.Count == 1 ? ToString(parts[0]) : string.Join(' ', parts.Select(ToString));

    /// <summary>Maps an offset in <see cref="Text"/> to its 1-based line and column in the file as written.</summary>
    public LinePosition GetLinePosition(int offset) =>
        GetOriginalLinePosition(Map?.MapStart(Math.Clamp(offset, 0, Text.Length)) ?? offset);

    /// <summary>The first and last line/column of <paramref name="span"/> in the file as written (the end is exclusive).</summary>
    public (LinePosition Start, LinePosition End) GetLineSpan(TextSpan span)
    {
        var original = ToOriginal(span);
        return (GetOriginalLinePosition(original.Start), GetOriginalLinePosition(original.End));
    }

    private LinePosition GetOriginalLinePosition(int offset)
    {
        var original = Original;
        var starts = _lineStarts ??= ComputeLineStarts(original);
        var index = Array.BinarySearch(starts, Math.Clamp(offset, 0, original.Length));
        if (index < 0)
        {
            index = ~index - 1;
        }

        return new LinePosition(index + 1, offset - starts[index] + 1);
    }

    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\r\n\u2028\u2029");

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = text.AsSpan().IndexOfAny(LineBreaks); i >= 0;)
        {
            // "\r\n" is one line break.
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            starts.Add(i + 1);
            var next = text.AsSpan(i + 1).IndexOfAny(LineBreaks);
            i = next < 0 ? -1 : i + 1 + next;
        }

        return [.. starts];
    }
}
