using System.Text;

namespace Attribution.Analysis.Inputs;

/// <summary>
/// Reads the lines of an archive like <see cref="TextReader.ReadLine"/> (ended by \n, \r or \r\n), but
/// never holds more than a set number of characters of one line: the rest of a longer line is read
/// and dropped, and the line is reported as too long, so a record without an end cannot take all memory.
/// </summary>
internal sealed class BoundedLineReader(TextReader reader, int maxChars) : IDisposable
{
    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _length;

    /// <summary>The next line, or null at the end. <paramref name="tooLong"/> says it was cut and is unusable.</summary>
    public string? ReadLine(out bool tooLong)
    {
        tooLong = false;
        _line.Clear();
        var any = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = reader.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_length == 0)
                {
                    return any ? Finish(tooLong) : null;
                }
            }

            any = true;
            var chunk = _buffer.AsSpan(_position, _length - _position);
            var end = chunk.IndexOfAny('\n', '\r');
            var take = end < 0 ? chunk : chunk[..end];
            if (!tooLong && _line.Length + take.Length > maxChars)
            {
                tooLong = true;
                _line.Clear();
            }

            if (!tooLong)
            {
                _line.Append(take);
            }

            _position += take.Length;
            if (end < 0)
            {
                continue;
            }

            // The terminator: \r\n counts once, also when the \n starts the next block.
            var terminator = _buffer[_position++];
            if (terminator == '\r')
            {
                if (_position == _length)
                {
                    _length = reader.Read(_buffer, 0, _buffer.Length);
                    _position = 0;
                }

                if (_position < _length && _buffer[_position] == '\n')
                {
                    _position++;
                }
            }

            return Finish(tooLong);
        }
    }

    public void Dispose() => reader.Dispose();

    private string Finish(bool tooLong) => tooLong ? "" : _line.ToString();
}
