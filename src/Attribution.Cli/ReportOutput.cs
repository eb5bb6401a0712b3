using Microsoft.Win32.SafeHandles;

namespace Attribution.Cli;

/// <summary>
/// Where a command's output goes (standard output or the <c>--output</c> file), so that a failed write ends
/// the run with a message instead of a stack trace: a full disk, or a reader that has gone away
/// (<c>attribution check … | head</c>). The first failure is thrown as <see cref="ReportOutputException"/>;
/// later writes, such as the writers flushing as they are disposed on the way out, are dropped.
/// </summary>
internal sealed class ReportOutput(Stream inner, bool leaveOpen) : Stream
{
    // EPIPE, the same number on Linux and macOS: the reading end of the pipe was closed.
    private const int BrokenPipe = 32;
    private bool _failed;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>
    /// The process's standard output. When it is a pipe or a socket on Linux or macOS it is written as a plain
    /// file descriptor: the console stream of .NET drops writes to a closed pipe without a word, so the run
    /// would go on analysing an archive whose report nobody reads. A terminal, a file (whose offset a file
    /// stream would not move, so a later command in the same redirection would write over the report) and
    /// Windows keep the console's stream, and so does a pipe a parent left non-blocking: the console's stream
    /// waits when the pipe is full, where a file stream would fail with EAGAIN.
    /// </summary>
    public static Stream StandardOutput()
    {
        if (Console.IsOutputRedirected && Descriptors.IsBlocking(1))
        {
            try
            {
                var pipe = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
                if (!pipe.CanSeek)
                {
                    return pipe;
                }

                pipe.Dispose();
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
            {
                // Not a descriptor a file stream takes (it was closed, say): the console's stream copes.
            }
        }

        return Console.OpenStandardOutput();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_failed)
        {
            return;
        }

        try
        {
            inner.Write(buffer);
        }
        catch (Exception ex) when (IsWriteFailure(ex))
        {
            throw Fail(ex);
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush()
    {
        if (_failed)
        {
            return;
        }

        try
        {
            inner.Flush();
        }
        catch (Exception ex) when (IsWriteFailure(ex))
        {
            throw Fail(ex);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            try
            {
                inner.Dispose();
            }
            catch (IOException) when (_failed)
            {
                // A file stream writes what it still holds as it closes; the run has failed on a write already.
            }
        }

        base.Dispose(disposing);
    }

    // What a write to a full disk, a closed descriptor or a gone reader throws.
    private static bool IsWriteFailure(Exception ex) => ex is IOException or UnauthorizedAccessException;

    private ReportOutputException Fail(Exception ex)
    {
        _failed = true;

        // A closed descriptor comes as "access denied" around the system's own words ("Bad file descriptor").
        var cause = ex.InnerException as IOException ?? ex;
        return new ReportOutputException(cause.Message, ex, closedByReader: !OperatingSystem.IsWindows() && cause.HResult == BrokenPipe);
    }
}

/// <summary>A command's output could not be written; the run stops.</summary>
internal sealed class ReportOutputException : Exception
{
    public ReportOutputException()
    {
    }

    public ReportOutputException(string message)
        : base(message)
    {
    }

    public ReportOutputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ReportOutputException(string message, Exception innerException, bool closedByReader)
        : base(message, innerException) => ClosedByReader = closedByReader;

    /// <summary>True when the reader of a pipe went away (<c>| head</c>): the user stopped reading, nothing failed.</summary>
    public bool ClosedByReader { get; }
}
