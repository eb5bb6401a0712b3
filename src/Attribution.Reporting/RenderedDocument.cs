namespace Attribution.Reporting;

/// <summary>One document's JSON, rendered by <see cref="JsonReportWriter.Render"/> into an array from the shared pool.</summary>
public readonly struct RenderedDocument : IDisposable, IEquatable<RenderedDocument>
{
    private readonly byte[] _bytes;

    internal RenderedDocument(ReadOnlySpan<byte> json)
    {
        _bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(json.Length);
        json.CopyTo(_bytes);
        Length = json.Length;
    }

    /// <summary>How many bytes of JSON.</summary>
    public int Length { get; }

    /// <summary>The JSON, until <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, Length);

    /// <summary>Gives the bytes back to the pool; the document must not be read after.</summary>
    public void Dispose()
    {
        if (_bytes is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(_bytes);
        }
    }

    /// <inheritdoc/>
    public bool Equals(RenderedDocument other) => ReferenceEquals(_bytes, other._bytes) && Length == other.Length;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RenderedDocument other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_bytes, Length);

    /// <summary>True when both are the same bytes.</summary>
    public static bool operator ==(RenderedDocument left, RenderedDocument right) => left.Equals(right);

    /// <summary>False when both are the same bytes.</summary>
    public static bool operator !=(RenderedDocument left, RenderedDocument right) => !left.Equals(right);
}
