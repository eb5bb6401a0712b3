namespace Attribution.Text.Constructions;

/// <summary>Said Dorothy Poynter, who grew up with him, "We were all so proud of him." — the verb first, then the speaker and the quotation.</summary>
internal sealed class FrontedVerb : VerbConstruction
{
    /// <inheritdoc/>
    public override string Name => "fronted-verb";

    /// <inheritdoc/>
    public override Match? Match(DocumentParser p, in VerbCue cue, int lo, Match? previous)
    {
        var verb = p.Cursor(cue.Index);
        if (verb.Position != lo || p.NounPhraseAfter(verb.Position + 1, true) is not { } fronted)
        {
            return null;
        }

        // The speaker and what describes them run to a comma or colon before a quotation, within twenty tokens.
        var speakerEnd = p.Cursor(fronted.End);
        var mark = speakerEnd.Peek(1);
        while (mark.HasNext && mark - speakerEnd < 20 && !mark.Peek(1).IsQuoteOpen && !mark.IsTerminal)
        {
            mark.Next();
        }

        var open = mark.Peek(1);
        if (!mark.HasNext || !(mark.IsPunct(',') || mark.IsPunct(':')) || !open.IsQuoteOpen)
        {
            return null;
        }

        var speakerStart = p.Cursor(fronted.Start);
        var speaker = speakerStart.SpanTo(p.LastNonPunctuation(speakerStart, mark.Peek(-1)));
        var quoted = open.Region;
        var close = p.CloseTokenOf(quoted);
        return new Match(QuotationKind.Direct, [quoted.Span], cue.Span, cue.Verb, speaker, close >= 0 ? p.TrailingPunctuation(close) : p.Last.Position, -1);
    }
}
