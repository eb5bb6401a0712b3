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
        var close = p.Cursor(p.CloseTokenOf(region));
        var dash = close.Peek(1);
        if (!region.Closed || close.Position < 0 || !dash.HasNext || !dash.IsDash || p.NounPhraseAfter(dash.Position + 1, true) is not { } name)
        {
            return null;
        }

        // The name ends the sentence, or the next signed comment opens right after it.
        var nameEnd = p.Cursor(name.End);
        var signed = p.TrailingPunctuation(nameEnd).Position == p.Last.Position || nameEnd.Peek(1).IsQuoteOpen;
        return signed ? (dash.Span, p.TokenSpan(name.Start, name.End)) : null;
    }
}
