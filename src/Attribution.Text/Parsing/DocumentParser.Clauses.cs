using static Attribution.Text.WordLists;

namespace Attribution.Text;

/// <summary>The clauses the constructions share: what a cue reports, where it ends, the adjuncts and objects passed over.</summary>
internal sealed partial class DocumentParser
{
    // What follows a cue: said (on Tuesday) (that) … / told reporters … / added: "…"
    internal TextSpan? ContentAfter(int c, CueVerb verb, out int lastToken)
    {
        lastToken = c;
        var j = SkipAdjuncts(c + 1);
        var objectStart = j;
        // "asked her to call him", "asked Republican leaders to disavow Trump": the listener and the infinitive are
        // what was asked, as "urged residents to stay home" is; "observers expect the agency to dial back the
        // mandate": what is expected, the same shape.
        if (verb.NeedsComplement && InfinitiveAfterObject(objectStart) is var to and > 0)
        {
            var toEnd = ContentEnd(objectStart);
            if (toEnd > to)
            {
                lastToken = TrailingPunctuation(toEnd);
                return TokenSpan(objectStart, toEnd);
            }
        }

        if (verb.TakesObject)
        {
            j = SkipAdjuncts(SkipObject(j));
        }

        // "said that …": the complementizer opens the reported clause and belongs to it, as annotated news
        // corpora mark it (PolNeAR keeps "that" in the content of 1,212 of its 1,215 "said that").
        var complement = false;
        var that = -1;
        if (IsWord(j, "that"))
        {
            that = j;
            j++;
            complement = true;
        }
        else if (j < N && _toks[j].Kind == TokenKind.Word && !_toks[j].InQuote
            && (IsAnyWord(j, ClauseSubjects) || _lex.Lookup(ClauseSubjects).Contains(WithoutContraction(Word(j))) || StartsClause(j)))
        {
            complement = true; // admitted he had lied / claimed the budget was padded: a clause follows
        }
        else if (j + 2 < N && verb.Class != CueClass.Mental && IsAnyWord(j, QuestionWords) && !_toks[j].InQuote && _toks[j + 1].Kind is TokenKind.Word or TokenKind.Number)
        {
            // asked whether the deals required … / explained how the fund works: an indirect question; what someone
            // knows or wonders is not said.
            complement = true;
        }

        if (j < N && IsPunct(j, ':'))
        {
            j++;
            complement = true;
        }
        else if (j + 1 < N && IsPunct(j, ',') && _toks[j + 1].Kind == TokenKind.Word && !_toks[j + 1].InQuote && StartsClause(j + 1))
        {
            j++; // "…, advisers say, the president has grown …"
            complement = true;
        }
        else if (j + 1 < N && IsPunct(j, ',') && _toks[j + 1].Kind == TokenKind.QuoteOpen)
        {
            j++; // said, "…"
        }

        if (j >= N)
        {
            return null;
        }

        if (_toks[j].Kind == TokenKind.QuoteOpen)
        {
            complement = true;
        }

        if (verb.NeedsComplement && !complement)
        {
            return null;
        }


        var end = ContentEnd(j);
        if (end < j || (!complement && CountWords(j, end) < 2))
        {
            return null;
        }

        lastToken = TrailingPunctuation(end);
        return TokenSpan(that >= 0 && _toks[j].Kind != TokenKind.QuoteOpen ? that : j, end);
    }

    // Content runs to the sentence end, or to "; …" or ", adding …" which start another attribution.
    internal int ContentEnd(int j)
    {
        var k = j;
        for (; k < N; k++)
        {
            // Each token is looked at by its kind: a word for a conjunction, a mark for ';' and ','.
            var t = _toks[k];
            if (t.InQuote)
            {
                continue;
            }

            if (t.Kind == TokenKind.Word)
            {
                // … wrote a letter to the board and says it was never answered: a second attribution.
                if (k > j && _lex.Lookup(Conjunctions).Contains(Word(k)) && k + 1 < N && _toks[k + 1].Kind == TokenKind.Word && !_toks[k + 1].InQuote
                    && CueAt(SkipModifiersForward(k + 1), out var next) && next.Tense is VerbTense.Past or VerbTense.Present)
                {
                    break;
                }

                // "…, but councillors branded it "a tax" …": after a comma, a conjunction, a short subject and a cue
                // of its own start another attribution.
                if (k > j && IsPunct(k - 1, ',') && _lex.Lookup(Conjunctions).Contains(Word(k)) && SubjectThenCue(k + 1))
                {
                    k--;
                    break;
                }

                continue;
            }

            if (t.Kind != TokenKind.Punctuation)
            {
                continue;
            }

            var mark = _text[t.Start];
            if (mark == ';')
            {
                break;
            }

            if (mark == ',' && k + 1 < N && _toks[k + 1].Kind == TokenKind.Word && !_toks[k + 1].InQuote
                && ((CueAt(k + 1, out var v) && (v.Tense == VerbTense.Participle || (v.Tense == VerbTense.Past && !v.NeedsComplement && v.Class == CueClass.Neutral)))
                    || (IsWord(k + 1, "according") && IsWord(k + 2, "to")) || IsOpenedParticiple(k + 1)))
            {
                break; // …, adding … / …, according to … / "A driver, who feared losing her route, said …" / …, even suggesting …
            }

            if (mark == ',' && IsWithSpeaker(k + 1) >= 0)
            {
                break; // …, with 62 percent of voters saying … : a second attribution
            }
        }

        return LastNonPunctuation(j, k - 1);
    }

    // "even suggesting", "while also saying": a participle cue after the words that may open it.
    private bool IsOpenedParticiple(int i)
    {
        var k = i;
        while (k < N && k - i < 3 && _toks[k].Kind == TokenKind.Word && !_toks[k].InQuote && (IsAnyWord(k, ParticipleOpeners) || IsAnyWord(k, CueModifiers)))
        {
            k++;
        }

        return k > i && k < N && _toks[k].Kind == TokenKind.Word && CueAt(k, out var v) && v.Tense == VerbTense.Participle;
    }

    internal TextSpan? ContentBefore(int lo, int end)
    {
        if (end < lo)
        {
            return null;
        }

        end = LastNonPunctuation(lo, end);
        var start = SkipDateline(lo, end);
        while (start <= end && _toks[start].Kind == TokenKind.Punctuation)
        {
            start++;
        }

        return start <= end && CountWords(start, end) >= 1 && !IsBarePhrase(start, end) ? TokenSpan(start, end) : null;
    }

    // "At his cookout, the band leader called …", "And despite his disdain for super PACs, Trump endorsed …": a
    // prepositional phrase with no verb and no quotation is where or when, not what was said.
    internal bool IsBarePhrase(int start, int end)
    {
        // "Asked to describe the device, O'Neill said, …", "Pressed on the budget, she said …": a past participle of
        // a cue opening the sentence is the question put, not the answer.
        if (start == 0 && _toks[start].Kind == TokenKind.Word && IsCapitalised(start) && CueAt(start, out var opener)
            && opener.Tense == VerbTense.Past && Word(start).EndsWith("ed", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var first = IsAnyWord(start, Conjunctions) ? start + 1 : start;
        if (first > end || !IsPreposition(first) || IsWord(first, "to"))
        {
            return false;
        }

        for (var k = first + 1; k <= end; k++)
        {
            if (_toks[k].Kind is TokenKind.QuoteOpen or TokenKind.QuoteClose || _toks[k].InQuote)
            {
                return false;
            }

            // "Among Democrats alone, Mrs. Clinton leads …": after the opening phrase's comma a clause goes on.
            if (IsPunct(k, ',') && k + 1 <= end && _toks[k + 1].Kind is TokenKind.Word or TokenKind.Number && !IsPreposition(k + 1)
                && CountWords(k + 1, end) >= 3)
            {
                return false;
            }

            if (_toks[k].Kind == TokenKind.Word && !IsCapitalised(k)
                && (IsAuxiliary(k) || CueAt(k, out _) || (Word(k) is var w && w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal))))
            {
                return false;
            }
        }

        return true;
    }

    // After the cue of a trailing attribution only a short tail may follow: "…, she said on Tuesday."
    internal bool IsTail(int j, bool afterQuote, out int last, out TextSpan? split)
    {
        split = null;
        last = N - 1;
        var words = 0;
        var maxWords = afterQuote ? 8 * MaxTailWords : MaxTailWords;
        for (var k = j; k < N; k++)
        {
            // …," Trump told NBC's "Today" on Monday. — a title in the tail is not a second quotation.
            if (_toks[k].Kind == TokenKind.QuoteOpen && !IsSubstantial(_regions[_toks[k].Region]))
            {
                var close = CloseTokenOf(_regions[_toks[k].Region]);
                if (close > k)
                {
                    k = close;
                    words++;
                    continue;
                }
            }

            if (IsPunct(k, ',') && k + 1 < N && _toks[k + 1].Kind == TokenKind.QuoteOpen)
            {
                // "…," she said, "…"
                var region = _regions[_toks[k + 1].Region];
                var close = CloseTokenOf(region);
                split = region.Span;
                last = TrailingPunctuation(close >= 0 ? close : N - 1);
                return true;
            }

            if (_toks[k].Kind == TokenKind.QuoteOpen)
            {
                return false;
            }

            if (IsPunct(k, ';'))
            {
                last = k - 1;
                return true;
            }

            if (IsPunct(k, ','))
            {
                last = k - 1;

                // It is no surprise, Mr. Garin said, that Mrs. Clinton did better … : the rest is content too; and
                // so is "The drugs have few uses, he says, and are mostly …": "and" with a finite verb carries on
                // the reported clause's predicate.
                var that = IsWord(k + 1, "that") ? k + 1 : -1;
                var from = that >= 0 ? k + 2 : k + 1;
                var predicateGoesOn = (IsAnyWord(from, Conjunctions) && from + 1 < N && IsAuxiliary(from + 1)) || IsGerundSubject(from)
                    || IsAnyWord(from, ReasonConjunctions) || (IsPreposition(from) && !IsAnyWord(from, LinkingPrepositions) && !IsAdjunctAfter(from));
                if (from < N && _toks[from].Kind is TokenKind.Word or TokenKind.Number && !_toks[from].InQuote && (!StartsAdjunctClause(from) || predicateGoesOn))
                {
                    var end = ContentEnd(from);
                    if (end >= from && CountWords(from, end) >= 3)
                    {
                        split = TokenSpan(that >= 0 ? that : from, end);
                        last = TrailingPunctuation(end);
                    }
                }

                return true;
            }

            if (_toks[k].Kind is TokenKind.Word or TokenKind.Number && ++words > maxWords)
            {
                return false;
            }
        }

        return true;
    }

    // "with 62 percent of voters saying …", "with officials warning that …": at "with" (token w), the token of the
    // participle cue that its noun phrase speaks with; -1 when it is not that.
    internal int IsWithSpeaker(int w)
    {
        if (!IsWord(w, "with") || _toks[w].InQuote)
        {
            return -1;
        }

        for (var k = w + 2; k < N && k - w <= 8; k++)
        {
            if (_toks[k].Kind != TokenKind.Word && _toks[k].Kind != TokenKind.Number)
            {
                return -1;
            }

            if (!IsCapitalised(k) && CueAt(k, out var v) && v.Tense == VerbTense.Participle)
            {
                return k;
            }
        }

        return -1;
    }

    // "…, he said, replacing her would be much harder": an -ing word whose clause has a finite auxiliary of its
    // own within a few words is the subject of a reported clause, not a participle hung on the cue.
    internal bool IsGerundSubject(int i)
    {
        if (i >= N || _toks[i].Kind != TokenKind.Word || _toks[i].InQuote || !Word(i).EndsWith("ing", StringComparison.OrdinalIgnoreCase) || CueAt(i, out _))
        {
            return false;
        }

        for (var k = i + 1; k < N && k - i <= 6; k++)
        {
            if (_toks[k].Kind != TokenKind.Word || _toks[k].InQuote)
            {
                return false;
            }

            if (IsAuxiliary(k))
            {
                return k > i + 1;
            }
        }

        return false;
    }

    // A short subject (one to four words, no punctuation) and then a finite cue verb: "councillors branded".
    private bool SubjectThenCue(int from)
    {
        for (var k = from + 1; k < N && k - from <= 4; k++)
        {
            if (_toks[k].Kind != TokenKind.Word || _toks[k].InQuote || IsStopWord(k) || IsPreposition(k - 1))
            {
                return false;
            }

            if (!IsCapitalised(k) && CueAt(k, out var v) && v.Tense is VerbTense.Past or VerbTense.Present && !v.IsAlsoNoun)
            {
                return true;
            }
        }

        return false;
    }

    // After a trailing cue (and its adjuncts and listener): a noun phrase, the verb's object. An adjunct, an adverb,
    // a time or punctuation is none.
    internal bool IsObjectAfterCue(int j)
    {
        if (j >= N || _toks[j].Kind != TokenKind.Word || _toks[j].InQuote)
        {
            return false;
        }

        if (IsPreposition(j) || IsTimeWord(j) || IsAnyWord(j, TimeModifiers) || IsAnyWord(j, CueModifiers) || IsMannerAdverb(j)
            || IsAnyWord(j, Conjunctions) || IsAnyWord(j, ClauseStarts))
        {
            return false;
        }

        return IsDeterminer(j) || IsAnyWord(j, Possessives) || !IsCapitalised(j);
    }

    // "…, he said, on Tuesday": a preposition whose object within a few words is a time or an occasion.
    private bool IsAdjunctAfter(int i)
    {
        for (var k = i + 1; k < N && k - i <= 3 && _toks[k].Kind is TokenKind.Word or TokenKind.Number; k++)
        {
            if (_lex.Lookup(WordLists.AdjunctHeads).Contains(Word(k)) || IsTimeWord(k))
            {
                return true;
            }
        }

        return false;
    }

    // ", pointing to the map" / ", who …" / ", before leaving": not reported words.
    internal bool StartsAdjunctClause(int i)
    {
        var w = Word(i);
        return w.EndsWith("ing", StringComparison.OrdinalIgnoreCase) || _lex.Lookup(WordLists.Prepositions).Contains(w)
            || _lex.Lookup(WordLists.AdjunctHeads).Contains(w)
            || IsAnyWord(i, ClauseStarts);
    }

    internal int? SplitContinuation(int k, List<TextSpan> parts)
    {
        if (k + 1 < N && IsPunct(k, ',') && _toks[k + 1].Kind == TokenKind.QuoteOpen)
        {
            var region = _regions[_toks[k + 1].Region];
            parts.Add(region.Span);
            var close = CloseTokenOf(region);
            return close >= 0 ? close : N - 1;
        }

        return null;
    }

    internal int SkipAdjuncts(int j)
    {
        while (j < N && _toks[j].Kind == TokenKind.Word && !_toks[j].InQuote)
        {
            var w = Word(j);
            if (_lex.Lookup(WordLists.AdjunctHeads).Contains(w) || _lex.Lookup(WordLists.CueModifiers).Contains(w))
            {
                j++;
                continue;
            }

            if (!_lex.Lookup(WordLists.AdjunctPrepositions).Contains(w))
            {
                break;
            }

            // on Tuesday / in a statement / in an interview with CNN
            var k = j + 1;
            while (k < N && k <= j + 4 && _toks[k].Kind == TokenKind.Word && !_lex.Lookup(WordLists.AdjunctHeads).Contains(Word(k)))
            {
                k++;
            }

            if (k < N && k <= j + 4 && _toks[k].Kind == TokenKind.Word && _lex.Lookup(WordLists.AdjunctHeads).Contains(Word(k)))
            {
                j = k + 1;
                continue;
            }

            break;
        }

        return j;
    }

    // "asked voters to reject the plan", "expect the Fed to raise rates": after a short noun phrase (no clause word, no
    // preposition) the "to" of an infinitive; its token, or -1.
    private int InfinitiveAfterObject(int j)
    {
        for (var k = j; k < N && k - j <= 6; k++)
        {
            if (_toks[k].Kind != TokenKind.Word || _toks[k].InQuote)
            {
                return -1;
            }

            if (IsWord(k, "to"))
            {
                return k > j && k + 1 < N && _toks[k + 1].Kind == TokenKind.Word && !_toks[k + 1].InQuote && !IsCapitalised(k + 1)
                    && !IsDeterminer(k + 1) && !IsPreposition(k + 1) && !_lex.PronounLookup.ContainsKey(Word(k + 1)) && !IsAnyWord(k + 1, Listeners) ? k : -1;
            }

            if (IsStopWord(k) || IsPreposition(k) || IsAuxiliary(k) || (k > j && CueAt(k, out _)))
            {
                return -1;
            }
        }

        return -1;
    }

    // told reporters … / told The Associated Press … / told CNN that …
    internal int SkipObject(int j)
    {
        for (var k = j; k < N && k <= j + 6; k++)
        {
            if (IsWord(k, "that"))
            {
                return k;
            }

            if (_toks[k].Kind != TokenKind.Word || _toks[k].InQuote)
            {
                break;
            }
        }

        if (j >= N || _toks[j].Kind != TokenKind.Word || _toks[j].InQuote)
        {
            return j;
        }

        // "warned it would …", "told reporters they were …": a subject pronoun before a finite verb opens the
        // reported clause; it is no listener.
        if (IsAnyWord(j, ClauseSubjects) && (IsAuxiliary(j + 1) || ContractedAuxiliary(j) >= 0))
        {
            return j;
        }

        if (_lex.PronounLookup.ContainsKey(Word(j)) || IsAnyWord(j, Listeners))
        {
            return j + 1;
        }

        var k2 = j;
        if (IsDeterminer(k2))
        {
            k2++;
        }

        var start = k2;
        while (k2 < N && _toks[k2].Kind == TokenKind.Word && IsCapitalised(k2))
        {
            k2++;
        }

        return k2 > start ? k2 : j;
    }

    // "has sharply criticized", "egregiously claimed": lower-case -ly adverbs, not nouns like "family" or "rally".
    internal bool IsMannerAdverb(int i)
    {
        var w = Word(i);
        return w.Length > 4 && w.EndsWith("ly", StringComparison.Ordinal) && char.IsLower(w[0])
            && !IsAnyWord(i, NounsInLy);
    }

    // The offset of the apostrophe in "he’s", "they’re", "we’ve", "I’m", "who’s" (a pronoun and a
    // contracted auxiliary), or -1. Names are left alone: "Trump’s" is far more often a possessive.
    internal int ContractedAuxiliary(int i)
    {
        var word = Word(i);
        var apostrophe = word.IndexOfAny('\'', '\u2019');
        if (apostrophe <= 0 || !(_lex.PronounLookup.ContainsKey(word[..apostrophe]) || word[..apostrophe].Equals("who", StringComparison.OrdinalIgnoreCase)))
        {
            return -1;
        }

        var suffix = word[(apostrophe + 1)..];
        return suffix is "s" or "re" or "ve" or "m" or "S" or "RE" or "VE" or "M" ? _toks[i].Start + apostrophe : -1;
    }

    // "he’s", "who's", "they've": the pronoun without its contracted auxiliary.
    internal static ReadOnlySpan<char> WithoutContraction(ReadOnlySpan<char> word)
    {
        var apostrophe = word.IndexOfAny('\'', '\u2019');
        return apostrophe > 0 ? word[..apostrophe] : word;
    }

    // "the budget was padded", "the city could save …": an auxiliary within a few words of the
    // start, before any punctuation, makes the words a clause rather than an object ("the title").
    internal bool StartsClause(int j)
    {
        // The clause opens with its subject: "the budget", "Clinton", "his men" — not "not to be named".
        if (!(IsDeterminer(j) || IsCapitalised(j)) || IsPreposition(j))
        {
            return false;
        }

        // A scare-quoted word may stand in the subject ("the “budget” was balanced"): its marks are
        // skipped and do not count towards the six words.
        for (int k = j + 1, words = 1; k < N && words <= 6; k++)
        {
            if (_toks[k].Kind is TokenKind.QuoteOpen or TokenKind.QuoteClose)
            {
                continue;
            }

            if (_toks[k].Kind != TokenKind.Word)
            {
                return false;
            }

            // … or a past-tense verb after the subject's head: "the numbers slipped".
            words++;
            var w = Word(k);
            if (!_toks[k].InQuote
                && (_lex.Lookup(WordLists.FiniteAuxiliaries).Contains(w) || (words >= 3 && w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && !IsCapitalised(k))))
            {
                return true;
            }
        }

        return false;
    }

    // "they say", "would say", "Six in 10 say" — but not "The council's report, released …".
    internal bool BaseFormAgrees(CueVerb verb, int cueStart, int c, (int Start, int End) speaker)
    {
        if (verb.Tense != VerbTense.Base || cueStart < c)
        {
            return true;
        }

        var head = speaker.End;
        if (_toks[head].Kind == TokenKind.Number)
        {
            return true;
        }

        for (var k = speaker.Start + 1; k < head; k++)
        {
            if (IsWord(k, "and") && !_toks[k].InQuote)
            {
                return true; // "Grassley and Leahy say"
            }
        }

        // "advisers to Mr. Obama say": the noun before the preposition may be the plural.
        // "those surveyed say", "many polled say": a plural quantifier opens the phrase.
        return IsPluralHead(head) || (SpeakerHead(speaker) is var inner && inner != head && IsPluralHead(inner))
            || (speaker.Start < head && IsAnyWord(speaker.Start, BaseFormSubjects));
    }

    private bool IsPluralHead(int head)
    {
        if (IsPercentSign(head))
        {
            return true; // "42% say"
        }

        var w = Word(head);
        if (EndsWithApostropheS(w))
        {
            return false;
        }

        return IsAnyWord(head, BaseFormSubjects)
            || (w.Length > 3 && w.EndsWith("s", StringComparison.OrdinalIgnoreCase) && !w.EndsWith("ss", StringComparison.OrdinalIgnoreCase));
    }

    // "his early-morning tweets attempting to …", "the 9/11 attacks, Bin Laden …": a form that is also a
    // noun, followed by what cannot follow the verb, is the noun.
    internal bool ReadsAsNoun(int c, CueVerb verb)
    {
        if (!verb.IsAlsoNoun || c + 1 >= N)
        {
            return false;
        }

        if (c > 0 && IsNounModifier(c - 1))
        {
            return true;
        }

        // "Trump's comments came as …": after a possessive, a form with a verb of its own is the noun ("Clinton's
        // comments Tuesday on the shooting" stay an attribution).
        if (c > 0 && IsPossessiveNoun(c - 1) && c + 1 < N && _toks[c + 1].Kind == TokenKind.Word
            && (IsAnyWord(c + 1, VerbAfterNoun) || IsAnyWord(c + 1, IrregularPastVerbs) || IsAuxiliary(c + 1)))
        {
            return true;
        }

        if (IsPunct(c + 1, ',') || IsTerminal(c + 1) || IsPunct(c + 1, ')'))
        {
            return c > 0 && (IsDeterminer(c - 1) || _toks[c - 1].Kind == TokenKind.Number || IsAnyWord(c - 1, TimeAdjectives));
        }

        if (_toks[c + 1].Kind != TokenKind.Word || _toks[c + 1].InQuote)
        {
            return false;
        }

        var next = Word(c + 1);
        foreach (var particle in verb.Particles)
        {
            if (next.Equals(particle, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        // "wants to", "hopes to" are the verb; "tweets about", "attacks on" the noun.
        return !IsAnyWord(c + 1, Complementizers) && (next.EndsWith("ing", StringComparison.OrdinalIgnoreCase) || IsPreposition(c + 1)
            || IsAnyWord(c + 1, VerbAfterNoun));
    }

    // "5 percentage points", "renewed fears", "leaked emails": a count or a past participle before a form that is also
    // a noun makes it the noun.
    private bool IsNounModifier(int k)
    {
        if (_toks[k].InQuote || _toks[k].Kind is not (TokenKind.Word or TokenKind.Number))
        {
            return false;
        }

        if (_toks[k].Kind == TokenKind.Number || (k > 0 && _toks[k - 1].Kind == TokenKind.Number && !IsCapitalised(k)))
        {
            return true;
        }

        var w = Word(k);
        return !IsCapitalised(k) && w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && !CueAt(k, out _)
            && !_lex.Lookup(WordLists.CueModifiers).Contains(w);
    }

    // "Trump's", "the company’s" — but not "he's", "it's", "that's", a pronoun and a verb.
    private bool IsPossessiveNoun(int k)
    {
        if (_toks[k].Kind != TokenKind.Word || _toks[k].InQuote)
        {
            return false;
        }

        var w = Word(k);
        if (!EndsWithApostropheS(w))
        {
            return false;
        }

        var bare = WithoutContraction(w);
        return !_lex.PronounLookup.ContainsKey(bare) && !_lex.Lookup(WordLists.ClauseBoundaries).Contains(bare) && !IsDeterminer(k);
    }

    internal bool IsPassive(int c, int lo)
    {
        var i = c - 1;
        while (i >= lo && _toks[i].Kind == TokenKind.Word && _lex.Lookup(WordLists.CueModifiers).Contains(Word(i)) && !_lex.Lookup(WordLists.PassiveAuxiliaries).Contains(Word(i)))
        {
            i--;
        }

        return i >= lo && _toks[i].Kind == TokenKind.Word && _lex.Lookup(WordLists.PassiveAuxiliaries).Contains(Word(i));
    }

    // "to say", "plans to announce" — but "appeared to suggest", "seemed to acknowledge": after a verb of seeming
    // the infinitive is the finite cue's (IsRaisedInfinitive).
    internal bool IsInfinitive(int c, int lo) => c - 1 >= lo && IsWord(c - 1, "to") && !IsRaisedInfinitive(c, lo);

    // "he appeared to suggest", "the mayor seemed to acknowledge": "to" after a raising verb, which joins the cue.
    internal bool IsRaisedInfinitive(int c, int lo) => c - 2 >= lo && IsWord(c - 1, "to") && !_toks[c - 1].InQuote && IsAnyWord(c - 2, RaisingVerbs);

    internal bool EndsWithColonAfter(int c)
    {
        var j = SkipAdjuncts(c + 1);
        return j == N - 1 && IsPunct(j, ':');
    }

    internal int? NextParagraphQuote()
    {
        var para = _unit.Paragraph + 1;
        if (para >= _paragraphs.Count)
        {
            return null;
        }

        var start = _paragraphs[para].Start;
        for (var r = _unit.FirstRegion; r < _regions.Count; r++)
        {
            if (_regions[r].Span.Start == start && !_regionClaimed[r])
            {
                return r;
            }

            if (_regions[r].Span.Start > start)
            {
                break;
            }
        }

        return null;
    }
}
