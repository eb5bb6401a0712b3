using static Attribution.Text.WordLists;

namespace Attribution.Text.Constructions;

/// <summary>The ministry issued a statement, saying it would …  /  …, adding that …  /  Trump saying during the debate, "…" — a participle reports for the subject of the clause before it.</summary>
internal sealed class Participle : VerbConstruction
{
    /// <inheritdoc/>
    public override string Name => "participle";

    /// <inheritdoc/>
    public override Match? Match(DocumentParser p, in VerbCue cue, int lo, Match? previous)
    {
        if (cue.Verb.Tense != VerbTense.Participle || cue.Progressive)
        {
            return null;
        }

        var verb = p.Cursor(cue.Index);

        // footage of Hillary Clinton asking, "…" / Trump saying during the debate, "…" — a name right
        // before the participle is its subject, and the quotation after the comma its words.
        var name = verb.Peek(-1);
        if (name.Position > lo && name.IsWordToken && !name.IsInQuote && name.IsCapitalised)
        {
            var mark = p.Cursor(p.SkipAdjuncts(verb.Position + 1));
            if (mark.HasNext && (mark.IsPunct(',') || mark.IsPunct(':')) && mark.Peek(1).IsQuoteOpen)
            {
                var first = name;
                while (first.Peek(-1).Position > lo && first.Peek(-1).IsWordToken && !first.Peek(-1).IsInQuote && first.Peek(-1).IsCapitalised)
                {
                    first.Previous();
                }

                var quoted = mark.Peek(1).Region;
                var close = p.CloseTokenOf(quoted);
                return new Match(QuotationKind.Direct, [quoted.Span], cue.Span, cue.Verb, first.SpanTo(name), close >= 0 ? p.TrailingPunctuation(close) : p.Last.Position, -1);
            }
        }

        // "…, with 62 percent of voters saying …": the noun phrase after "with" speaks.
        for (var with = verb.Peek(-2); with.Position >= lo && verb - with <= 8; with.Previous())
        {
            if (p.IsWithSpeaker(with.Position) == verb.Position)
            {
                return p.ContentAfter(verb.Position, cue.Verb, out var withLast) is { } withContent
                    ? new Match(p.KindOf([withContent]), [withContent], cue.Span, cue.Verb, with.Peek(1).SpanTo(verb.Peek(-1)), withLast, -1)
                    : Text.Match.Declined;
            }
        }

        // …, saying … / …, while saying that … / … by arguing that …
        var before = verb.Peek(-1);
        if (before.Position >= 0 && before.IsAnyWord(ParticipleOpeners))
        {
            before.Previous();
        }

        if (before.Position < 0 || !(before.IsPunct(',') || before < verb.Peek(-1) || before.IsQuoteClose))
        {
            return Text.Match.Declined;
        }

        if (p.ContentAfter(verb.Position, cue.Verb, out var lastToken) is not { } content)
        {
            return Text.Match.Declined;
        }

        if (previous is { Speaker: not null })
        {
            // X said …, adding that … : the same speaker, who is also this cue's subject.
            return new Match(p.KindOf([content]), [content], cue.Span, cue.Verb, previous.Speaker, lastToken, p.QuoteCount - 1);
        }

        if (p.LeadingNounPhrase(lo, before.Position) is { } subject)
        {
            return new Match(p.KindOf([content]), [content], cue.Span, cue.Verb, p.TokenSpan(subject.Start, subject.End), lastToken, -1);
        }

        return Text.Match.Declined;
    }
}
