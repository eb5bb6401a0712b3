namespace Attribution.Text;

/// <summary>A half-open range <c>[Start, End)</c> of UTF-16 offsets into a <see cref="SourceText"/>.</summary>
/// <param name="Start">The first offset in the span.</param>
/// <param name="End">The offset just past the span.</param>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>The number of UTF-16 code units in the span.</summary>
    public int Length => End - Start;

    /// <summary>True when the span holds no characters.</summary>
    public bool IsEmpty => End <= Start;

    /// <summary>True when <paramref name="other"/> lies wholly inside this span.</summary>
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>True when the two spans share at least one character.</summary>
    public bool OverlapsWith(TextSpan other) => Math.Max(Start, other.Start) < Math.Min(End, other.End);

    /// <summary>The smallest span covering both spans.</summary>
    public TextSpan Union(TextSpan other) => new(Math.Min(Start, other.Start), Math.Max(End, other.End));

    /// <inheritdoc/>
    public override string ToString() => $"[{Start}..{End})";
}

/// <summary>A 1-based line and column, as compilers print them.</summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Column">The 1-based column (UTF-16 code units).</param>
public readonly record struct LinePosition(int Line, int Column);
