namespace Attribution.Text;

/// <summary>
/// A position among the tokens of the unit being parsed, and the tests a construction makes there, in the spirit
/// of markdig's <c>StringSlice</c>: move with <see cref="Next"/> and <see cref="Previous"/>, look around with
/// <see cref="Peek"/> (a cursor <i>n</i> tokens away), save and restore by copying (it is a value). Every test is
/// false outside the unit, so a construction need not check bounds before it asks.
/// </summary>
internal struct TokenCursor : IEquatable<TokenCursor>
{
    private readonly DocumentParser _p;

    public TokenCursor(DocumentParser p, int position)
    {
        _p = p;
        Position = position;
    }

    /// <summary>The token's index in the unit.</summary>
    public int Position { readonly get; private set; }

    /// <summary>True on a token of the unit.</summary>
    public readonly bool InRange => Position >= 0 && Position < _p.N;

    /// <summary>True when a token of the unit follows this one.</summary>
    public readonly bool HasNext => Position >= -1 && Position + 1 < _p.N;

    /// <summary>The token (only in range).</summary>
    public readonly Token Token => _p.Tokens[Position];

    /// <summary>The token's characters (only in range).</summary>
    public readonly TextSpan Span => Token.Span;

    /// <summary>The token's text (only in range).</summary>
    public readonly ReadOnlySpan<char> Word => _p.Word(Position);

    /// <summary>A word token, outside quotation marks or in.</summary>
    public readonly bool IsWordToken => InRange && Token.Kind == TokenKind.Word;

    /// <summary>A word or a number.</summary>
    public readonly bool IsWordOrNumber => InRange && Token.Kind is TokenKind.Word or TokenKind.Number;

    /// <summary>An opening quotation mark.</summary>
    public readonly bool IsQuoteOpen => InRange && Token.Kind == TokenKind.QuoteOpen;

    /// <summary>A closing quotation mark.</summary>
    public readonly bool IsQuoteClose => InRange && Token.Kind == TokenKind.QuoteClose;

    /// <summary>A token inside quotation marks.</summary>
    public readonly bool IsInQuote => InRange && Token.InQuote;

    /// <summary>A sentence's end: a period that ends no abbreviation, "!" or "?".</summary>
    public readonly bool IsTerminal => _p.IsTerminal(Position);

    /// <summary>A dash.</summary>
    public readonly bool IsDash => _p.IsDash(Position);

    /// <summary>A word that starts with a capital.</summary>
    public readonly bool IsCapitalised => InRange && _p.IsCapitalised(Position);

    /// <summary>The region of the quotation this opening mark opens (only on one).</summary>
    public readonly QuoteRegion Region => _p.Regions[Token.Region];

    /// <summary>The cursor <paramref name="offset"/> tokens away (before, when negative).</summary>
    public readonly TokenCursor Peek(int offset) => new(_p, Position + offset);

    /// <summary>Moves to the next token.</summary>
    public void Next() => Position++;

    /// <summary>Moves to the token before.</summary>
    public void Previous() => Position--;

    /// <summary>The word <paramref name="word"/>, ignoring case.</summary>
    public readonly bool IsWord(string word) => _p.IsWord(Position, word);

    /// <summary>A word of <paramref name="list"/>.</summary>
    public readonly bool IsAnyWord(WordList list) => _p.IsAnyWord(Position, list);

    /// <summary>The punctuation mark <paramref name="mark"/>.</summary>
    public readonly bool IsPunct(char mark) => _p.IsPunct(Position, mark);

    /// <summary>The characters from this token to <paramref name="last"/>'s, both in.</summary>
    public readonly TextSpan SpanTo(TokenCursor last) => _p.TokenSpan(Position, last.Position);

    /// <summary>How many tokens from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static int operator -(TokenCursor to, TokenCursor from) => to.Position - from.Position;

    /// <summary>Before.</summary>
    public static bool operator <(TokenCursor a, TokenCursor b) => a.Position < b.Position;

    /// <summary>After.</summary>
    public static bool operator >(TokenCursor a, TokenCursor b) => a.Position > b.Position;

    /// <summary>Before or at.</summary>
    public static bool operator <=(TokenCursor a, TokenCursor b) => a.Position <= b.Position;

    /// <summary>After or at.</summary>
    public static bool operator >=(TokenCursor a, TokenCursor b) => a.Position >= b.Position;

    /// <summary>At the same token.</summary>
    public static bool operator ==(TokenCursor a, TokenCursor b) => a.Position == b.Position;

    /// <summary>At different tokens.</summary>
    public static bool operator !=(TokenCursor a, TokenCursor b) => a.Position != b.Position;

    /// <inheritdoc/>
    public readonly bool Equals(TokenCursor other) => Position == other.Position;

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is TokenCursor other && Equals(other);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => Position;
}
