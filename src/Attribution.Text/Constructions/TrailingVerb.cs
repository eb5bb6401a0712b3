namespace Attribution.Text.Constructions;

/// <summary>…, officials said Tuesday.  /  "…," she said, "…"  /  "…," the spokesman, Josh Earnest, said. — the attribution after what it reports.</summary>
internal sealed class TrailingVerb : VerbConstruction
{
    /// <inheritdoc/>
    public override string Name => "trailing-verb";

    /// <inheritdoc/>
    public override Match? Match(DocumentParser p, in VerbCue cue, int lo, Match? previous)
    {
        var (c, cueStart, verb, span) = (cue.Index, cue.Start, cue.Verb, cue.Span);

        // …, officials said Tuesday.  /  "…," she said, "…"  /  "…," the spokesman, Josh Earnest, said.
        var e = p.SkipModifiersBack(cueStart - 1, lo);
        var trailingSpeaker = e >= lo && (p.Tokens[e].Kind is TokenKind.Word or TokenKind.Number || p.IsPunct(e, ')')) ? p.NounPhraseBefore(e, lo)
            : e >= lo && p.IsPunct(e, ',') ? p.SpeakerBefore(cueStart, lo) : null;
        if (trailingSpeaker is { } np2 && np2.Start - 1 >= lo)
        {
            var d = np2.Start - 1;
            if (p.IsPunct(d, ',') || p.Tokens[d].Kind == TokenKind.QuoteClose || p.IsDash(d))
            {
                var contentEnd = p.Tokens[d].Kind == TokenKind.QuoteClose ? d : d - 1;
                var j = p.SkipAdjuncts(c + 1);
                if (verb.TakesObject)
                {
                    j = p.SkipAdjuncts(p.SkipObject(j));
                }

                if (p.ContentBefore(lo, contentEnd) is { } before && p.IsTail(j, p.Tokens[contentEnd].Kind == TokenKind.QuoteClose, out var last, out var split))
                {
                    var parts = new List<TextSpan> { before };
                    if (split is { } s)
                    {
                        parts.Add(s);
                    }

                    return new Match(p.KindOf(parts), parts, span, verb, p.TokenSpan(np2.Start, np2.End), last, -1);
                }
            }
        }

        return null;
    }
}
