using static Attribution.Text.WordLists;

namespace Attribution.Text;

/// <summary>The phrases the constructions share: the speaker before or after a cue, noun phrases and their modifiers.</summary>
internal sealed partial class DocumentParser
{
    // X said / X, who …, said / Jillian Chase, 27, a Tinder user, said / leaders who say —
    // the speaker phrase before the cue, with its appositives.
    internal (int Start, int End)? SpeakerBefore(int cueStart, int lo)
    {
        var e = SkipModifiersBack(cueStart - 1, lo);
        if (e < lo)
        {
            return null;
        }

        // "Rep. Cummings, the top Democrat on the committee, in a statement said …": an adjunct before the cue is
        // not the speaker.
        if (_toks[e].Kind == TokenKind.Word && IsAnyWord(e, AdjunctHeads))
        {
            for (var k = e - 1; k >= lo && e - k <= 4 && _toks[k].Kind == TokenKind.Word && !_toks[k].InQuote; k--)
            {
                if (IsAnyWord(k, AdjunctPrepositions))
                {
                    if (k - 1 >= lo && IsPunct(k - 1, ','))
                    {
                        e = SkipModifiersBack(k - 1, lo);
                    }

                    break;
                }
            }
        }

        // "Kall -- co-editor of a book on the debates -- said …": an appositive between dashes.
        var dash = e;
        while (IsDash(dash - 1) && dash - 1 > lo)
        {
            dash--; // "--"
        }

        if (IsDash(e) && dash - 1 >= lo && _toks[dash - 1].Kind is TokenKind.Word or TokenKind.Number && _toks[dash - 1].End < _toks[dash].Start)
        {
            for (var d = dash - 2; d > lo && e - d <= 40; d--)
            {
                if (IsTerminal(d) || IsPunct(d, ';') || _toks[d].InQuote)
                {
                    break;
                }

                if (IsDash(d) && _toks[d - 1].Kind is TokenKind.Word or TokenKind.Punctuation && _toks[d].Start > _toks[d - 1].End)
                {
                    return NounPhraseBefore(d - 1, lo) is { } head && HasWord(head.Start, head.End) ? (head.Start, dash - 1) : null;
                }
            }

            return null;
        }

        if (_toks[e].Kind == TokenKind.Word && !_toks[e].InQuote
            && (WithoutContraction(Word(e)).Equals("who", StringComparison.OrdinalIgnoreCase) || (IsWord(e, "which") && e - 1 >= lo && IsPunct(e - 1, ','))))
        {
            // business leaders who say … / Mr. Kasich, who refused to … / the police department, which
            // reported … : the antecedent and the relative pronoun.
            var before = e - 1 >= lo && IsPunct(e - 1, ',') ? e - 2 : e - 1;
            return NounPhraseBefore(before, lo) is { } antecedent ? (antecedent.Start, e) : (e, e);
        }

        if (!IsPunct(e, ','))
        {
            return _toks[e].Kind is TokenKind.Word or TokenKind.Number || IsAbbreviationDot(e) || IsPunct(e, ')') || IsPercentSign(e) ? NounPhraseBefore(e, lo) : null;
        }

        // Brig. Tahseen al-Khafaji, who was at a withdrawal ceremony, said …
        // Scott Pruitt, the attorney general of Oklahoma, one of the plaintiffs, said … — the head
        // that opens the clause wins over heads nearer the cue.
        (int Start, int End)? fallback = null;
        (int Start, int End)? delimited = null;
        var segments = 0;
        for (var p = e - 1; p >= lo && e - p <= 60; p--)
        {
            if (IsTerminal(p) || IsPunct(p, ';') || (p == lo && _toks[p].InQuote))
            {
                break;
            }

            if (_toks[p].InQuote)
            {
                continue; // Mr. Manafort, citing ''the unique magic of Trump,'' said …
            }

            if (!IsPunct(p, ',') || p == e - 1)
            {
                continue;
            }

            if (++segments > 4)
            {
                break;
            }

            if (NounPhraseBefore(p - 1, lo) is { } head && HasWord(head.Start, head.End))
            {
                if (head.Start == lo)
                {
                    return (head.Start, e - 1);
                }

                if (_toks[head.Start - 1].Kind is TokenKind.Punctuation or TokenKind.QuoteClose || IsStopWord(head.Start - 1))
                {
                    delimited = (head.Start, e - 1); // the furthest back: "But, Hans Reckers, a board member, said"
                }

                fallback ??= (head.Start, e - 1);
            }
        }

        return delimited ?? fallback;
    }

    internal (int Start, int End)? NounPhraseBefore(int e, int lo)
    {
        if (e < lo || e < 0)
        {
            return null;
        }

        if (e > lo && IsAbbreviationDot(e))
        {
            e--; // "James B. Comey Jr., the director …"
        }

        // A personal pronoun is a whole speaker: "even now at 86 she said" → "she", "he’s sought" → "he’s".
        if (_toks[e].Kind == TokenKind.Word && _lex.PronounLookup.ContainsKey(WithoutContraction(Word(e))))
        {
            return (e, e);
        }

        var end = e;
        if (IsPunct(e, ')'))
        {
            // Sen. David Perdue (R-Ga.) said …
            var open = e - 1;
            while (open > lo && e - open <= 8 && !IsPunct(open, '('))
            {
                open--;
            }

            if (!IsPunct(open, '(') || open <= lo)
            {
                return null;
            }

            e = open - 1;
        }

        // A determiner ends no phrase, but a count does after "of" or "in" ("a mother of three said …", "two in three
        // said"), and a quantifier standing alone is a whole speaker ("Many said …", "Several say …").
        var percent = e >= lo && e >= 0 && _toks[e].Kind == TokenKind.Punctuation && IsPercentSign(e);
        if (e < lo || (_toks[e].Kind is not (TokenKind.Word or TokenKind.Number) && !percent) || IsStopWord(e) || IsPreposition(e)
            || (IsDeterminer(e) && !(e - 1 >= lo && IsAnyWord(e - 1, PollShareLinks) && !IsAnyWord(e, Articles)) && !IsStandingQuantifier(e, lo)))
        {
            return null;
        }

        var i = e;
        var words = 0;
        while (i >= lo)
        {
            var t = _toks[i];
            if (t.InQuote)
            {
                break;
            }

            if (t.Kind is TokenKind.Word or TokenKind.Number || (percent && i == e))
            {
                // A past cue inside the phrase ends it ("… after the minister said"), but not a document's
                // participle ("A Leger poll released Monday showed …").
                // "advisers to Mr. Obama", "an aide to the mayor", "people close to the talks": "to" after a person's
                // noun, or after an adjective that ties people to someone, stays in the phrase.
                if (IsWord(i, "to") && i > lo && i < e
                    && ((IsSourceNoun(i - 1) && !IsAnyWord(i - 1, DocumentNouns)) || IsRelationAdjective(i - 1)))
                {
                    words++;
                    i--;
                    continue;
                }

                if (IsStopWord(i) || (t.Kind == TokenKind.Word && i != e && CueAt(i, out var inner) && !IsCapitalised(i)
                    && (inner.Tense == VerbTense.Past || IsAnyWord(i, PresentReports)) && !(i > lo && IsAnyWord(i - 1, DocumentNouns))))
                {
                    break;
                }

                // "not paying an architect who said …": a determiner after an -ing verb opens the phrase.
                if (i > lo && i < e && IsDeterminer(i) && _toks[i - 1].Kind == TokenKind.Word && !IsCapitalised(i - 1)
                    && Word(i - 1).EndsWith("ing", StringComparison.OrdinalIgnoreCase) && !IsPreposition(i - 1))
                {
                    words++;
                    i--;
                    break;
                }

                words++;
                if (words > MaxSpeakerWords)
                {
                    return null;
                }
            }
            else if (IsPunct(i, ')') && i != e)
            {
                // Rep. Gregory Meeks (D-N.Y.) said …
                var open = i - 1;
                while (open > lo && i - open <= 8 && !IsPunct(open, '('))
                {
                    open--;
                }

                if (!IsPunct(open, '(') || open <= lo)
                {
                    break;
                }

                i = open;
            }
            else if (!(IsJoiner(i) && i > lo && _toks[i - 1].End == t.Start))
            {
                break;
            }

            i--;
        }

        var s = i + 1;

        // "…, Iraqi and coalition officials said" / "U.S. and Afghan officials said": a proper modifier
        // joined by "and" to the phrase's first modifier shares its head, and is part of the speaker.
        if (words >= 2 && i - 1 >= lo && IsWord(i, "and") && CoordinatedModifierStart(i - 1, lo) is { } left)
        {
            s = left;
        }

        // "The vote came three days after the council said", "I hope in 2017 America says": what stands before a
        // linking preposition, or before a year or a time, is another clause; the speaker follows it.
        for (var k = e - 1; k > s; k--)
        {
            if (_toks[k].Kind == TokenKind.Word && !IsCapitalised(k) && IsAnyWord(k, LinkingPrepositions))
            {
                s = k + 1;
                break;
            }

            if (_toks[k].Kind == TokenKind.Number && IsYear(k) && k - 1 > s && IsPreposition(k - 1) && _toks[k + 1].Kind == TokenKind.Word && IsCapitalised(k + 1))
            {
                s = k + 1;
                break;
            }
        }

        // "On Tuesday the minister said": drop a leading prepositional phrase; "In a Bloomberg
        // interview Trump declared": when a name closes the phrase, the name is the speaker. ("About 9 percent
        // said": before a number the word is an approximation.)
        if (IsPreposition(s) && !(s + 1 <= e && _toks[s + 1].Kind == TokenKind.Number))
        {
            var name = e;
            while (name > s && _toks[name - 1].Kind == TokenKind.Word && IsCapitalised(name - 1))
            {
                name--;
            }

            if (name > s + 1 && _toks[name - 1].Kind == TokenKind.Word && !IsCapitalised(name - 1) && IsCapitalised(e))
            {
                return (name, end);
            }

            var k = s + 1;
            while (k < e && !IsDeterminer(k))
            {
                k++;
            }

            if (k >= e)
            {
                return null;
            }

            s = k;
        }

        return s <= e ? (s, end) : null;
    }

    // "Many said", "Several say", "Both said": a quantifier that stands as the subject, at the start of its clause.
    private bool IsStandingQuantifier(int e, int lo) =>
        IsAnyWord(e, BaseFormSubjects) && !IsAnyWord(e, Articles) && (e == lo || _toks[e - 1].Kind != TokenKind.Word || IsAnyWord(e - 1, Conjunctions));

    // "Mr. Grassley and Mr. Leahy say …", "Obama and Clinton said …": a speaker joined to the phrase before it by
    // "and" is one speaker of both. Taken when the verb is a base form that the right side alone does not agree
    // with, or when both sides are names.
    internal (int Start, int End) WithCoordinatedSpeaker((int Start, int End) speaker, int lo, bool needsPlural)
    {
        var and = speaker.Start - 1;
        if (and - 1 < lo || !IsWord(and, "and") || _toks[and].InQuote || NounPhraseBefore(and - 1, lo) is not { } left
            || !HasWord(left.Start, left.End) || IsAnyWord(left.End, WordLists.ClauseSubjects))
        {
            return speaker;
        }

        if (!needsPlural && !(IsName(left.Start, left.End) && IsName(speaker.Start, speaker.End)))
        {
            return speaker;
        }

        // "Ben Carson, Ted Cruz and Rand Paul": earlier names of the list, each set off by a comma.
        var start = left.Start;
        while (start - 2 >= lo && IsPunct(start - 1, ',') && NounPhraseBefore(start - 2, lo) is { } earlier && IsName(earlier.Start, earlier.End)
            && !IsAnyWord(earlier.Start, LinkingPrepositions) && (earlier.Start == lo || !IsCapitalised(earlier.Start - 1) || IsPunct(earlier.Start - 1, ',')))
        {
            start = earlier.Start;
        }

        return (start, speaker.End);
    }

    // Every word capitalised: "Mr. Grassley", "Hillary Clinton" (a dotted honorific and a hyphen inside are part).
    private bool IsName(int start, int end)
    {
        var words = 0;
        for (var k = start; k <= end; k++)
        {
            if (_toks[k].Kind == TokenKind.Word)
            {
                if (!IsCapitalised(k) || IsDeterminer(k) || IsStopWord(k))
                {
                    return false;
                }

                words++;
            }
            else if (!IsJoiner(k))
            {
                return false;
            }
        }

        return words > 0;
    }

    // The start of "Iraqi" in "…, Iraqi and coalition officials", of "port" in "…, port and union officials"
    // or of "the U.S." in "the U.S. and Iraqi officials": one word (or dotted abbreviation) ending at token
    // j that opens its phrase, after punctuation or the unit's start, or, when capitalised, after a
    // determiner. Null for "Hillary Clinton and aides", whose left side is a name of its own.
    internal int? CoordinatedModifierStart(int j, int lo)
    {
        if (IsAbbreviationDot(j) && j - 1 >= lo)
        {
            j--;
        }

        if (_toks[j].Kind != TokenKind.Word || _toks[j].InQuote || IsStopWord(j) || IsDeterminer(j) || IsPreposition(j) || CueAt(j, out _))
        {
            return null;
        }

        if (!IsCapitalised(j))
        {
            return j - 1 < lo || IsPunct(j - 1, ',') ? j : null;
        }

        var start = j;
        while (start - 2 >= lo && IsJoiner(start - 1) && _toks[start - 1].Start == _toks[start - 2].End && _toks[start - 2].Kind == TokenKind.Word)
        {
            start -= 2; // U.S.
        }

        if (start - 1 < lo || _toks[start - 1].Kind is TokenKind.Punctuation or TokenKind.QuoteClose)
        {
            return start;
        }

        return IsDeterminer(start - 1) ? start - 1 : null;
    }

    // said Mr Smith / said the official / said a senior coalition military official, speaking on …
    internal (int Start, int End)? NounPhraseAfter(int j, bool afterQuote)
    {
        // A speaker may open with a number: "said 9/11 widow Terry Strada", "said 72-year-old Ana Ruiz".
        var numberFirst = j + 1 < N && _toks[j].Kind == TokenKind.Number && (_toks[j + 1].Kind == TokenKind.Word || IsJoiner(j + 1))
            && !IsTimeWord(j + 1) && !IsAnyWord(j + 1, NumberUnits);
        if (j >= N || (_toks[j].Kind != TokenKind.Word && !numberFirst) || _toks[j].InQuote || IsPreposition(j) || IsStopWord(j))
        {
            return null;
        }

        if (_lex.PronounLookup.ContainsKey(Word(j)))
        {
            // "…," said he.  — but not "…, said he did not see …".
            return j + 1 >= N || IsTerminal(j + 1) || IsPunct(j + 1, ',') ? (j, j) : null;
        }

        var k = j;
        var words = 0;
        var lower = 0;
        while (k < N)
        {
            var t = _toks[k];
            if (t.InQuote)
            {
                break;
            }

            if (t.Kind is TokenKind.Word or TokenKind.Number)
            {
                if (IsAnyWord(k, PersonRelatives) && k > j)
                {
                    // …," said a committee member who supports Trump, asking for anonymity.
                    var m = k + 1;
                    while (m < N && _toks[m].Kind is TokenKind.Word or TokenKind.Number && !_toks[m].InQuote && m - k <= 10)
                    {
                        m++;
                    }

                    if (m >= N || IsPunct(m, ',') || IsTerminal(m))
                    {
                        k = m;
                    }

                    break;
                }

                if (IsStopWord(k) || CueAt(k, out _))
                {
                    break;
                }

                words++;
                if (t.Kind == TokenKind.Word && !IsCapitalised(k) && !IsDeterminer(k) && !IsPreposition(k))
                {
                    lower++;
                }
            }
            else if (IsPunct(k, '(') && k > j)
            {
                // …," said Sen. Chris Murphy (D-Conn.).
                var close = k + 1;
                while (close < N && close - k <= 8 && !IsPunct(close, ')'))
                {
                    close++;
                }

                if (close >= N || !IsPunct(close, ')'))
                {
                    break;
                }

                k = close;
            }
            else if (!((IsJoiner(k) && k + 1 < N && _toks[k + 1].Start == t.End) || IsAbbreviationDot(k)))
            {
                break;
            }

            k++;
            if (words > MaxSpeakerWords)
            {
                return null;
            }
        }

        var end = k - 1;
        while (end > j && (IsPreposition(end) || IsDeterminer(end) || (_toks[end].Kind == TokenKind.Punctuation && !IsPunct(end, ')'))))
        {
            end--;
        }

        // The phrase ends at punctuation, or after a quotation at the next one: "…" ― Ana Ruiz "…"
        if (lower > (afterQuote ? 6 : 2) || (k < N && !(IsPunct(k, ',') || IsTerminal(k) || IsPunct(k, ':') || IsDash(k) || IsPunct(k, ';')
            || (afterQuote && _toks[k].Kind == TokenKind.QuoteOpen))))
        {
            return null;
        }

        // …, said John Smith, a spokesman for the ministry.
        if (k < N && IsPunct(k, ',') && k + 1 < N && _toks[k + 1].Kind == TokenKind.Word && !IsStopWord(k + 1))
        {
            var m = k + 1;
            var appositiveWords = 0;
            while (m < N && _toks[m].Kind != TokenKind.QuoteOpen && !IsTerminal(m) && !IsPunct(m, ','))
            {
                appositiveWords++;
                m++;
            }

            if ((m == N || IsTerminal(m)) && appositiveWords <= 12)
            {
                end = LastNonPunctuation(k + 1, m - 1);
            }
            else if (afterQuote)
            {
                // …," said a Republican, who, like all respondents, responded anonymously.
                m = k + 1;
                while (m < N && _toks[m].Kind != TokenKind.QuoteOpen && !IsTerminal(m) && m - k <= 30)
                {
                    m++;
                }

                if (m == N || IsTerminal(m))
                {
                    end = LastNonPunctuation(k + 1, m - 1);
                }
            }
        }

        return (j, end);
    }

    // The subject of a sentence, for ", saying …": "The ministry issued a statement, saying …".
    internal (int Start, int End)? LeadingNounPhrase(int lo, int limit)
    {
        // In Ohio on Tuesday, Trump …, saying … : the subject follows the opening phrase.
        if (lo < limit && (IsPreposition(lo) || _lex.Lookup(WordLists.CueModifiers).Contains(Word(lo))))
        {
            var comma = lo + 1;
            while (comma < limit && comma - lo <= 12 && !IsPunct(comma, ','))
            {
                comma++;
            }

            if (comma >= limit || !IsPunct(comma, ','))
            {
                return null;
            }

            lo = comma + 1;
        }

        var k = lo;
        if (k >= limit || _toks[k].Kind != TokenKind.Word)
        {
            return null;
        }

        if (IsDeterminer(k))
        {
            k++;
            if (k >= limit || _toks[k].Kind != TokenKind.Word)
            {
                return null;
            }
        }
        else if (!IsCapitalised(k) || IsStopWord(k))
        {
            return null;
        }

        var end = k;
        while (end + 1 < limit && !_toks[end + 1].InQuote
            && ((_toks[end + 1].Kind == TokenKind.Word && IsCapitalised(end + 1)) || (IsAbbreviationDot(end + 1) && end + 2 < limit)))
        {
            end++; // Mrs. Clinton, Sen. Ted Cruz
        }

        return (lo, end);
    }

    // The subject that opens the sentence when it names someone who can speak (SubjectFrame): a personal pronoun,
    // a name, or a description whose head is a person, an institution or a document ("the city council", "a
    // doctor"). An opening phrase up to a comma is passed over ("In recent weeks, Reid …").
    internal (int Start, int End)? SpeakingSubject(int lo, int limit)
    {
        // "After a hastily called, late-afternoon meeting, the Security Council …": past the opening phrase's commas,
        // up to three, to the first subject that can speak.
        if (lo < limit && (IsPreposition(lo) || IsAnyWord(lo, WordLists.SubordinateOpeners) || IsAnyWord(lo, WordLists.CueModifiers)))
        {
            var commas = 0;
            for (var comma = lo + 1; comma < limit && comma - lo <= 24 && commas < 3 && !_toks[comma].InQuote; comma++)
            {
                if (!IsPunct(comma, ','))
                {
                    continue;
                }

                commas++;
                if (SubjectAt(comma + 1, limit) is { } after)
                {
                    return after;
                }
            }

            return null;
        }

        return SubjectAt(lo, limit);
    }

    private (int Start, int End)? SubjectAt(int lo, int limit)
    {
        if (lo >= limit || _toks[lo].Kind != TokenKind.Word || _toks[lo].InQuote)
        {
            return null;
        }

        if (IsAnyWord(lo, WordLists.ClauseSubjects))
        {
            return IsAnyWord(lo, "it", "there") ? null : (lo, lo);
        }

        if (IsDeterminer(lo))
        {
            // The last source noun of a short run: "the company spokesman", "the Security Council".
            var head = -1;
            for (var j = lo + 1; j < limit && j - lo <= 5 && _toks[j].Kind == TokenKind.Word && !_toks[j].InQuote; j++)
            {
                if (IsSourceNoun(j))
                {
                    head = j;
                }
                else if (head >= 0)
                {
                    break;
                }
            }

            return head >= 0 ? (lo, head) : null;
        }

        if (!IsCapitalised(lo) || IsStopWord(lo))
        {
            return null;
        }

        var end = lo;
        while (end + 1 < limit && !_toks[end + 1].InQuote
            && ((_toks[end + 1].Kind == TokenKind.Word && IsCapitalised(end + 1)) || (IsAbbreviationDot(end + 1) && end + 2 < limit)))
        {
            end++; // Gov. Earl Ray Tomblin, Mrs. Clinton
        }

        var last = Word(end);
        return end - lo < 6 && !EndsWithApostropheS(last) ? (lo, end) : null;
    }

    // The agent of a passive cue after "by": "by The Washington Post", "by dozens of papers across the country" —
    // a noun phrase up to punctuation, a clause word, another preposition than "of", or a lower-case verb.
    internal (int Start, int End)? AgentAfter(int j)
    {
        if (j >= N || _toks[j].Kind is not (TokenKind.Word or TokenKind.Number) || _toks[j].InQuote || IsPreposition(j) || IsStopWord(j))
        {
            return null;
        }

        var end = -1;
        for (var k = j; k < N && k - j < 16; k++)
        {
            var t = _toks[k];
            if (t.InQuote)
            {
                break;
            }

            if (t.Kind is TokenKind.Word or TokenKind.Number)
            {
                if (k > j && (IsStopWord(k) || (IsPreposition(k) && !IsWord(k, "of"))
                    || (!IsCapitalised(k) && CueAt(k, out var v) && v.Tense is VerbTense.Past or VerbTense.Present or VerbTense.Participle)))
                {
                    break;
                }

                end = k;
            }
            else if (!(IsJoiner(k) && k + 1 < N && _toks[k + 1].Start == t.End) && !IsAbbreviationDot(k))
            {
                break;
            }
        }

        return end >= j ? (j, end) : null;
    }

    // "Polls there", "A Monmouth poll out Monday", "The poll, released on Wednesday": a document noun in the speaker
    // phrase before any preposition or comma ("The author of the report" has none).
    internal bool HeadsWithDocument((int Start, int End) speaker)
    {
        for (var k = speaker.Start; k <= speaker.End; k++)
        {
            if (IsPunct(k, ',') || (k > speaker.Start && IsPreposition(k) && !IsInsideName(k, speaker.End)))
            {
                return false;
            }

            if (IsAnyWord(k, DocumentNouns))
            {
                return true;
            }
        }

        return false;
    }

    // The head of a speaker phrase: its last word before a preposition ("Video of the incident" → Video, but "A
    // University of Iowa poll" → poll), or before an adjective that ties it to someone ("those close to him" → those).
    internal int SpeakerHead((int Start, int End) speaker)
    {
        for (var k = speaker.Start + 1; k <= speaker.End; k++)
        {
            if (IsPreposition(k) && !IsInsideName(k, speaker.End))
            {
                return k - 2 >= speaker.Start && IsRelationAdjective(k - 1) ? k - 2 : k - 1;
            }
        }

        return speaker.End;
    }

    // "close to", "familiar with", "loyal to": an adjective that ties the people of a speaker phrase to someone.
    private bool IsRelationAdjective(int k) => IsAnyWord(k, KnowledgeAdjectives) || IsAnyWord(k, RelationAdjectives);

    // "A University of Iowa poll": a preposition between capitalised words, inside a name that a lower-case head
    // follows. ("Officials at Homeland Security Investigations" ends at "Officials".)
    private bool IsInsideName(int k, int end)
    {
        if (k == 0 || k + 1 > end || !IsCapitalised(k - 1) || !IsCapitalised(k + 1) || _toks[k - 1].InQuote)
        {
            return false;
        }

        var after = k + 1;
        while (after <= end && (_toks[after].Kind != TokenKind.Word || IsCapitalised(after)))
        {
            after++;
        }

        return after <= end && !IsPreposition(after);
    }

    private bool IsYear(int k) => _toks[k].End - _toks[k].Start == 4 && Word(k) is [var c, var d, _, _] && ((c == '1' && d == '9') || (c == '2' && d == '0'));

    internal bool IsSourceNoun(int j) =>
        IsAnyWord(j, WordLists.RoleNouns) || IsAnyWord(j, WordLists.InstitutionNouns) || IsAnyWord(j, WordLists.AnonymousNouns)
        || IsAnyWord(j, WordLists.SpokespersonNouns) || IsAnyWord(j, WordLists.KinshipNouns) || IsAnyWord(j, WordLists.DocumentNouns);

    internal int SkipModifiersForward(int i)
    {
        while (i + 1 < N && _toks[i].Kind == TokenKind.Word && _lex.Lookup(WordLists.CueModifiers).Contains(Word(i)))
        {
            i++;
        }

        return i;
    }

    // "A Leger poll released Monday showed …": the day belongs to the participle before it, not to the cue.
    private bool IsParticipleBefore(int i)
    {
        // "A poll released Sunday", "a survey conducted last week", "a poll out this week": the time is the document's.
        var k = IsAnyWord(i - 1, TimeModifiers) ? i - 2 : i - 1;
        return k > 0 && _toks[k].Kind == TokenKind.Word && !IsCapitalised(k)
            && (Word(k).EndsWith("ed", StringComparison.Ordinal) || IsWord(k, "out")) && IsAnyWord(k - 1, DocumentNouns);
    }

    internal int SkipModifiersBack(int i, int lo)
    {
        while (i >= lo)
        {
            if (_toks[i].Kind == TokenKind.Word && !_toks[i].InQuote && (_lex.Lookup(WordLists.CueModifiers).Contains(Word(i)) || IsMannerAdverb(i)) && !IsNameInside(i, lo))
            {
                i--;
            }
            else if (_toks[i].Kind == TokenKind.Word && !_toks[i].InQuote && IsTimeWord(i) && i > lo && !IsParticipleBefore(i))
            {
                // McConnell, R-Ky., Tuesday said … / Sanders on Tuesday said …
                i--;
                if (i >= lo && IsAnyWord(i, TimeModifiers))
                {
                    i--;
                }
            }
            else if (i > lo && _toks[i].Kind == TokenKind.Word && !_toks[i].InQuote && IsAnyWord(i, FloatingQuantifiers) && _toks[i - 1].Kind == TokenKind.Word
                && !IsDeterminer(i - 1) && !IsPreposition(i - 1) && !IsStopWord(i - 1))
            {
                i--; // "Carson, Cruz and Paul have all attacked …", "They both said …"
            }
            else if (i - 2 >= lo && IsPunct(i, ',') && IsPunct(i - 2, ',') && _toks[i - 1].Kind == TokenKind.Word && _lex.Lookup(WordLists.CueModifiers).Contains(Word(i - 1)))
            {
                i -= 3; // Proponents of the bill, however, say …
            }
            else
            {
                break;
            }
        }

        return i;
    }

    // A capitalised word after the first of its clause is a name, not a modal or an adverb: "Ms. May said",
    // "Will Smith said".
    internal bool IsNameInside(int i, int lo) => i > lo && IsCapitalised(i) && !IsTerminal(i - 1);

    internal bool IsTimeWord(int i) =>
        IsAnyWord(i, TimeWords);

    // KIRKUK, Iraq — / PORT ELLIS — / WASHINGTON (Reuters) - : a dateline is not reported speech.
    internal int SkipDateline(int lo, int end)
    {
        if (lo != 0 || _unit.Span.Start != _paragraphs[_unit.Paragraph].Start)
        {
            return lo;
        }

        var k = lo;
        var capsWords = 0;
        while (k <= end && k - lo < 10)
        {
            if (_toks[k].Kind == TokenKind.Word && IsAllCaps(Word(k)))
            {
                capsWords++;
            }
            else if (IsDash(k))
            {
                return capsWords > 0 ? k + 1 : lo;
            }
            else if (!(IsPunct(k, ',') || IsPunct(k, '(') || IsPunct(k, ')') || IsAbbreviationDot(k) || (_toks[k].Kind == TokenKind.Word && IsCapitalised(k)) || _toks[k].Kind == TokenKind.Number))
            {
                return lo;
            }

            k++;
        }

        return lo;
    }

    internal static bool IsAllCaps(ReadOnlySpan<char> word)
    {
        foreach (var ch in word)
        {
            if (char.IsLower(ch))
            {
                return false;
            }
        }

        return word.Length > 0 && char.IsLetter(word[0]);
    }
}
