namespace Attribution.Text.Constructions;

/// <summary>
/// "We will not back down." — Mayor Ruth Okafor  /  "…" ― Ana Ruiz "…" ― Lee Park (reader comments run together,
/// each signed with a dash): the name after the dash says the quotation.
/// </summary>
internal sealed class DashSignoff : QuotationConstruction
{
    /// <inheritdoc/>
    public override string Name => "dash-signoff";

    /// <inheritdoc/>
    public override bool NeedsSpeech => false;

    /// <inheritdoc/>
    public override (TextSpan Cue, TextSpan Speaker)? Match(DocumentParser p, QuoteRegion region)
    {
        var close = p.CloseTokenOf(region);
        if (region.Closed && close >= 0 && close + 2 < p.N && p.IsDash(close + 1) && p.NounPhraseAfter(close + 2, true) is { } np
            && (p.TrailingPunctuation(np.End) == p.N - 1 || (np.End + 1 < p.N && p.Tokens[np.End + 1].Kind == TokenKind.QuoteOpen)))
        {
            return (p.Tokens[close + 1].Span, p.TokenSpan(np.Start, np.End));
        }

        return null;
    }
}
