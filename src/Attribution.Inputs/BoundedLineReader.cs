using System.Text;

namespace Attribution.Inputs;

/// <summary>
/// Reads the lines of an archive as UTF-8 bytes (ended by \n, \r or \r\n), but never holds more than a
/// set number of bytes of one line: the rest of a longer line is read and dropped, and the line is
/// reported as too long, so a record without an end cannot take all memory.
/// </summary>
/// <remarks>
/// The lines stay bytes because a record is JSON, which is parsed from UTF-8: decoding the archive into
/// strings first would transcode every record twice more. A UTF-8 byte order mark is skipped; an archive
/// that starts with a UTF-16 or UTF-32 one is decoded strictly and re-encoded as UTF-8 as it is read.
/// Whether a UTF-8 line is valid is the reader of the record's business.
/// </remarks>
internal sealed class BoundedLineReader(Stream stream, int maxBytes) : IDisposable
{
    private const int BlockSize = 1 << 16;

    private readonly byte[] _buffer = new byte[BlockSize];
    private byte[] _line = new byte[256];
    private int _lineLength;
    private int _position;
    private int _length;
    private bool _started;

    // Set when the archive is UTF-16 or UTF-32: raw blocks are decoded into _chars, then encoded into _buffer.
    private Decoder? _decoder;
    private Encoder? _encoder;
    private Encoding? _encoding;
    private byte[]? _raw;
    private char[]? _chars;
    private bool _rawEnded;

    /// <summary>The encoding of the archive, as its byte order mark says: UTF-8 unless it has another's.</summary>
    public string EncodingName => _encoding?.WebName.ToUpperInvariant() ?? "UTF-8";

    /// <summary>
    /// The next line, or null at the end, in an array from the shared pool that the caller gives back.
    /// <paramref name="tooLong"/> says it was cut and is unusable (and empty, from no pool).
    /// </summary>
    /// <exception cref="DecoderFallbackException">A UTF-16 or UTF-32 archive has a byte sequence that is not valid in it.</exception>
    public ArraySegment<byte>? ReadLine(out bool tooLong)
    {
        tooLong = false;
        _lineLength = 0;
        var any = false;
        while (true)
        {
            if (_position == _length && !Fill())
            {
                return any ? Finish(tooLong) : (ArraySegment<byte>?)null;
            }

            any = true;
            var chunk = _buffer.AsSpan(_position, _length - _position);
            var end = chunk.IndexOfAny((byte)'\n', (byte)'\r');
            var take = end < 0 ? chunk : chunk[..end];
            if (!tooLong && _lineLength + take.Length > maxBytes)
            {
                tooLong = true;
                _lineLength = 0;
            }

            if (!tooLong)
            {
                Append(take);
            }

            _position += take.Length;
            if (end < 0)
            {
                continue;
            }

            // The terminator: \r\n counts once, also when the \n starts the next block.
            var terminator = _buffer[_position++];
            if (terminator == (byte)'\r' && (_position < _length || Fill()) && _buffer[_position] == (byte)'\n')
            {
                _position++;
            }

            return Finish(tooLong);
        }
    }

    public void Dispose() => stream.Dispose();

    private ArraySegment<byte> Finish(bool tooLong)
    {
        if (tooLong)
        {
            return ArraySegment<byte>.Empty;
        }

        var line = System.Buffers.ArrayPool<byte>.Shared.Rent(_lineLength);
        _line.AsSpan(0, _lineLength).CopyTo(line);
        return new ArraySegment<byte>(line, 0, _lineLength);
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_lineLength + bytes.Length > _line.Length)
        {
            Array.Resize(ref _line, Math.Max(_lineLength + bytes.Length, _line.Length * 2));
        }

        bytes.CopyTo(_line.AsSpan(_lineLength));
        _lineLength += bytes.Length;
    }

    // The next block of UTF-8 into _buffer; false at the end of the stream.
    private bool Fill()
    {
        _position = 0;
        if (!_started)
        {
            _started = true;
            return Start();
        }

        if (_decoder is null)
        {
            _length = stream.Read(_buffer, 0, _buffer.Length);
            return _length > 0;
        }

        return Transcode(0);
    }

    // The first block: skip a UTF-8 byte order mark, or switch to decoding for a UTF-16 or UTF-32 one.
    private bool Start()
    {
        _length = stream.ReadAtLeast(_buffer.AsSpan(0, 4), 4, throwOnEndOfStream: false);
        _encoding = InputReader.EncodingOfBom(_buffer.AsSpan(0, _length), out var bom);
        if (_encoding is null)
        {
            _position = bom;
            return _length > bom;
        }

        _decoder = _encoding.GetDecoder();
        _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetEncoder();
        _raw = new byte[BlockSize / 4];
        _chars = new char[_encoding.GetMaxCharCount(_raw.Length)];
        var first = _length - bom;
        _buffer.AsSpan(bom, first).CopyTo(_raw);
        return Transcode(first);
    }

    // Decodes raw blocks (the first <paramref name="pending"/> bytes of _raw already read) until some UTF-8 is ready.
    private bool Transcode(int pending)
    {
        while (true)
        {
            var n = pending;
            pending = 0;
            if (n == 0 && !_rawEnded)
            {
                n = stream.Read(_raw!, 0, _raw!.Length);
                _rawEnded = n == 0;
            }

            if (n == 0 && _rawEnded && _decoder is null)
            {
                _length = 0;
                return false;
            }

            var chars = _decoder!.GetChars(_raw.AsSpan(0, n), _chars, flush: _rawEnded);
            _length = _encoder!.GetBytes(_chars.AsSpan(0, chars), _buffer, flush: _rawEnded);
            if (_rawEnded)
            {
                _decoder = null; // Flushed: what remains is the end of the stream.
            }

            if (_length > 0)
            {
                return true;
            }
        }
    }
}
