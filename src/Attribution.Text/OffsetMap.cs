namespace Attribution.Text;

/// <summary>
/// Maps offsets in an extracted text (the prose of an HTML or XML file) back to the file it came from.
/// The text is a run of segments: a verbatim segment copies the file character for character; any other
/// segment (a decoded entity, collapsed white space, an inserted paragraph break) stands for a stretch of
/// the file as a whole. Lookups are a binary search over the segments.
/// </summary>
public sealed class OffsetMap
{
    private readonly int[] _textStarts;
    private readonly int[] _rawStarts;
    private readonly int[] _rawLengths;
    private readonly bool[] _verbatim;
    private readonly int _textLength;

    private OffsetMap(int[] textStarts, int[] rawStarts, int[] rawLengths, bool[] verbatim, int textLength)
    {
        _textStarts = textStarts;
        _rawStarts = rawStarts;
        _rawLengths = rawLengths;
        _verbatim = verbatim;
        _textLength = textLength;
    }

    /// <summary>The file offset where the text character at <paramref name="offset"/> begins.</summary>
    public int MapStart(int offset)
    {
        if (_textStarts.Length == 0)
        {
            return 0;
        }

        if (offset >= _textLength)
        {
            return _rawStarts[^1] + _rawLengths[^1];
        }

        var s = Segment(Math.Max(0, offset));
        return _verbatim[s] ? _rawStarts[s] + (offset - _textStarts[s]) : _rawStarts[s];
    }

    /// <summary>The file offset just after the text character before <paramref name="offset"/> (an exclusive end).</summary>
    public int MapEnd(int offset)
    {
        if (_textStarts.Length == 0)
        {
            return 0;
        }

        if (offset <= 0)
        {
            return _rawStarts[0];
        }

        var s = Segment(Math.Min(offset, _textLength) - 1);
        return _verbatim[s] ? _rawStarts[s] + (Math.Min(offset, _textLength) - _textStarts[s]) : _rawStarts[s] + _rawLengths[s];
    }

    /// <summary>The stretch of the file that <paramref name="span"/> was extracted from.</summary>
    public TextSpan Map(TextSpan span)
    {
        var start = MapStart(span.Start);
        return span.Length == 0 ? new TextSpan(start, start) : new TextSpan(start, Math.Max(start, MapEnd(span.End)));
    }

    /// <summary>True when <paramref name="span"/> was copied from the file unchanged (no entity, no collapsed space).</summary>
    public bool IsVerbatim(TextSpan span)
    {
        if (span.Length == 0)
        {
            return true;
        }

        var s = Segment(span.Start);
        return _verbatim[s] && span.End <= (s + 1 < _textStarts.Length ? _textStarts[s + 1] : _textLength);
    }

    private int Segment(int offset)
    {
        var index = Array.BinarySearch(_textStarts, offset);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>Builds a map one text character at a time, merging verbatim runs.</summary>
    public sealed class Builder
    {
        private readonly List<int> _textStarts = [];
        private readonly List<int> _rawStarts = [];
        private readonly List<int> _rawLengths = [];
        private readonly List<bool> _verbatim = [];
        private int _length;

        /// <summary>Characters added so far.</summary>
        public int Length => _length;

        /// <summary>
        /// Adds one text character that stands for <paramref name="rawLength"/> file characters at
        /// <paramref name="rawStart"/>; <paramref name="verbatim"/> when it is that one character, unchanged.
        /// </summary>
        public void Add(int rawStart, int rawLength, bool verbatim)
        {
            var last = _textStarts.Count - 1;
            if (verbatim && last >= 0 && _verbatim[last] && _rawStarts[last] + _rawLengths[last] == rawStart)
            {
                _rawLengths[last]++;
            }
            else if (!verbatim && rawLength == 0 && last >= 0 && !_verbatim[last] && _rawLengths[last] == 0 && _rawStarts[last] == rawStart)
            {
                // More text standing for the same point of the file (an unaligned block): one segment.
            }
            else
            {
                _textStarts.Add(_length);
                _rawStarts.Add(rawStart);
                _rawLengths.Add(rawLength);
                _verbatim.Add(verbatim && rawLength == 1);
            }

            _length++;
        }

        /// <summary>The finished map.</summary>
        public OffsetMap Build() => new([.. _textStarts], [.. _rawStarts], [.. _rawLengths], [.. _verbatim], _length);
    }
}
