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

        var (c, cueStart, verb, span) = (cue.Index, cue.Start, cue.Verb, cue.Span);

        // footage of Hillary Clinton asking, "…" / Trump saying during the debate, "…" — a name right
        // before the participle is its subject, and the quotation after the comma its words.
        if (c - 1 > lo && p.Tokens[c - 1].Kind == TokenKind.Word && !p.Tokens[c - 1].InQuote && p.IsCapitalised(c - 1))
        {
            var j = p.SkipAdjuncts(c + 1);
            if (j + 1 < p.N && (p.IsPunct(j, ',') || p.IsPunct(j, ':')) && p.Tokens[j + 1].Kind == TokenKind.QuoteOpen)
            {
                var s = c - 1;
                while (s - 1 > lo && p.Tokens[s - 1].Kind == TokenKind.Word && !p.Tokens[s - 1].InQuote && p.IsCapitalised(s - 1))
                {
                    s--;
                }

                var quoted = p.Regions[p.Tokens[j + 1].Region];
                var close = p.CloseTokenOf(quoted);
                return new Match(QuotationKind.Direct, [quoted.Span], span, verb, p.TokenSpan(s, c - 1), close >= 0 ? p.TrailingPunctuation(close) : p.N - 1, -1);
            }
        }

        // …, saying … / …, while saying that … / … by arguing that …
        var before = c - 1;
        if (before >= 0 && p.IsAnyWord(before, ParticipleOpeners))
        {
            before--;
        }

        if (before < 0 || !(p.IsPunct(before, ',') || before < c - 1 || p.Tokens[before].Kind == TokenKind.QuoteClose))
        {
            return Text.Match.Declined;
        }

        if (p.ContentAfter(c, verb, out var lastToken) is not { } content)
        {
            return Text.Match.Declined;
        }

        if (previous is { Speaker: not null })
        {
            // X said …, adding that … : the same speaker, who is also this cue's subject.
            return new Match(p.KindOf([content]), [content], span, verb, previous.Speaker, lastToken, p.QuoteCount - 1);
        }

        if (p.LeadingNounPhrase(lo, before) is { } subject)
        {
            return new Match(p.KindOf([content]), [content], span, verb, p.TokenSpan(subject.Start, subject.End), lastToken, -1);
        }

        return Text.Match.Declined;
    }
}
