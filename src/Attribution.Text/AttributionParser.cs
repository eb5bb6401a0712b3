using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Attribution.Text;

/// <summary>
/// Finds quotations and attributions: paragraphs, sentences and paired quotation marks first, then
/// per sentence the attribution constructions of wire copy, each with its cue and speaker spans.
/// One parser serves any number of documents and threads; it holds only the frozen lexicon.
/// </summary>
public sealed class AttributionParser
{
    private readonly Lexicon _lexicon;

    // The words every construction but a quotation or a colon label starts from: the cue verbs, "according"
    // (to) and "put" (as X put it). Null when every unit is parsed: asked for, or a cue in the lexicon is not
    // all letters ("co-signed"), which a look at runs of letters would not find.
    private readonly WordSet? _triggers;

    /// <summary>Creates a parser over a lexicon.</summary>
    public AttributionParser(Lexicon lexicon)
        : this(lexicon, passOverQuietUnits: true)
    {
    }

    /// <summary>Creates a parser; <paramref name="passOverQuietUnits"/> false parses every unit (for tests).</summary>
    internal AttributionParser(Lexicon lexicon, bool passOverQuietUnits)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
        string[] triggers = [.. lexicon.CueVerbs.Keys, "according", "put"];
        if (passOverQuietUnits && triggers.All(w => w.Length > 0 && w.All(LetterRuns.IsLetter)))
        {
            _triggers = new WordSet(triggers.ToFrozenSet(StringComparer.OrdinalIgnoreCase));
        }
    }

    /// <summary>The lexicon the parser reads.</summary>
    public Lexicon Lexicon => _lexicon;

    /// <summary>Parses one document. Never throws on any text.</summary>
    public ParsedDocument Parse(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = source.Text;

        // The document's working lists are this thread's, emptied; what the result keeps is copied out of them.
        var scratch = t_lists ??= new DocumentLists();
        var (paragraphs, unbalanced, sentences, sentenceParagraph) = scratch.Clear();
        Paragraphs.Split(text, paragraphs);
        var regions = QuoteScanner.Scan(text, paragraphs, unbalanced);

        for (var p = 0; p < paragraphs.Count; p++)
        {
            var before = sentences.Count;
            SentenceSplitter.Split(text, paragraphs[p], _lexicon, sentences);
            for (var s = before; s < sentences.Count; s++)
            {
                sentenceParagraph.Add(p);
            }
        }

        MergeAttributionTails(text, sentences, sentenceParagraph);
        var state = new DocumentParser(text, _lexicon, _triggers, regions, paragraphs);
        foreach (var unit in BuildUnits(sentences, sentenceParagraph, regions, scratch.Units))
        {
            state.ParseUnit(unit);
        }

        return new ParsedDocument(
            source,
            [.. paragraphs],
            [.. sentences],
            [.. regions],
            [.. unbalanced],
            state.Finish());
    }

    [ThreadStatic]
    private static DocumentLists? t_lists;

    /// <summary>One thread's lists for the document being parsed: paragraphs, unbalanced marks, sentences, their paragraphs and units.</summary>
    private sealed class DocumentLists
    {
        private readonly List<TextSpan> _paragraphs = [];
        private readonly List<TextSpan> _unbalanced = [];
        private readonly List<TextSpan> _sentences = [];
        private readonly List<int> _sentenceParagraph = [];

        /// <summary>The units, filled once the sentences are final.</summary>
        public List<Unit> Units { get; } = [];

        public (List<TextSpan> Paragraphs, List<TextSpan> Unbalanced, List<TextSpan> Sentences, List<int> SentenceParagraph) Clear()
        {
            _paragraphs.Clear();
            _unbalanced.Clear();
            _sentences.Clear();
            _sentenceParagraph.Clear();
            return (_paragraphs, _unbalanced, _sentences, _sentenceParagraph);
        }
    }

    // "Who do they think they are?" Trump said of Apple. — the splitter ends a sentence at ?" before a
    // capital; when the next sentence is only the attribution, it belongs to the quotation.
    private void MergeAttributionTails(string text, List<TextSpan> sentences, List<int> sentenceParagraph)
    {
        for (var s = sentences.Count - 2; s >= 0; s--)
        {
            var current = sentences[s];
            if (sentenceParagraph[s] != sentenceParagraph[s + 1] || current.Length < 3 || !QuoteScanner.IsQuoteChar(text[current.End - 1]))
            {
                continue;
            }

            // After '?"' or '!"' the attribution may run on ("…?" Trump said of Apple in February, …); after
            // '."' only a sentence that is nothing but the attribution belongs to it ("…." Trump said.) —
            // wire style ends a sentence with '."' and starts a new one with its own verb.
            var next = sentences[s + 1];
            var question = text[current.End - 2] is '?' or '!';
            if (StartsWithAttribution(text, next) && (question || CountWords(text, next) <= 8))
            {
                sentences[s] = new TextSpan(current.Start, sentences[s + 1].End);
                sentences.RemoveAt(s + 1);
                sentenceParagraph.RemoveAt(s + 1);
            }
        }
    }

    private static int CountWords(string text, TextSpan span)
    {
        var words = 0;
        var inWord = false;
        for (var i = span.Start; i < span.End; i++)
        {
            var letter = char.IsLetterOrDigit(text[i]);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return words;
    }

    // Up to seven words, then a cue verb: "Trump said", "Sarandon, 69, told", "the White House spokesman, Josh Earnest, said".
    private bool StartsWithAttribution(string text, TextSpan sentence)
    {
        var i = sentence.Start;
        for (var words = 0; words < 9 && i < sentence.End; words++)
        {
            while (i < sentence.End && (TextChars.IsSpace(text[i]) || text[i] is ',' or '.'))
            {
                i++;
            }

            var start = i;
            while (i < sentence.End && (char.IsLetterOrDigit(text[i]) || text[i] is '\'' or '\u2019' or '-'))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }

            if (_lexicon.TryGetCue(text.AsSpan(start, i - start), out var verb) && verb.Tense is VerbTense.Past or VerbTense.Present
                && verb.Class != CueClass.Stance)
            {
                return true;
            }
        }

        return false;
    }

    // A unit is a run of sentences that no quotation crosses: "Stop. Now," he said. is one unit.
    private static List<Unit> BuildUnits(List<TextSpan> sentences, List<int> sentenceParagraph, List<QuoteRegion> regions, List<Unit> units)
    {
        units.Clear();
        var r = 0;
        var firstRegion = 0;
        for (var s = 0; s < sentences.Count;)
        {
            var start = sentences[s].Start;
            var end = sentences[s].End;
            var paragraph = sentenceParagraph[s];
            s++;
            while (s < sentences.Count && CrossesEnd(regions, r, end))
            {
                end = sentences[s].End;
                s++;
            }

            while (firstRegion < regions.Count && regions[firstRegion].Span.End <= start)
            {
                firstRegion++;
            }

            units.Add(new Unit(new TextSpan(start, end), paragraph, firstRegion));
            while (r < regions.Count && regions[r].Span.End <= end)
            {
                r++;
            }
        }

        return units;
    }

    private static bool CrossesEnd(List<QuoteRegion> regions, int from, int end)
    {
        for (var k = from; k < regions.Count && regions[k].Span.Start < end; k++)
        {
            if (regions[k].Span.End > end)
            {
                return true;
            }
        }

        return false;
    }

    private readonly record struct Unit(TextSpan Span, int Paragraph, int FirstRegion);

    /// <summary>
    /// One thread's reusable buffers for the unit being parsed: its tokens, and the cue verb each token
    /// spells, looked up at most once because several constructions test the same words.
    /// </summary>
    private sealed class UnitScratch
    {
        private CueVerb?[] _cues = new CueVerb?[64];
        private bool[] _looked = new bool[64];

        // The unit's tokens: the first of them, as many as the tokenizer says; grown by it when a unit has more.
        public Token[] Tokens = new Token[256];

        /// <summary>Starts a unit of <paramref name="count"/> tokens: no cue looked up yet.</summary>
        public void ForgetCues(int count)
        {
            if (_looked.Length < count)
            {
                _looked = new bool[Math.Max(count, _looked.Length * 2)];
                _cues = new CueVerb?[_looked.Length];
            }

            Array.Clear(_looked, 0, count);
        }

        public bool CueAt(int i, Lexicon lexicon, ReadOnlySpan<char> word, out CueVerb verb)
        {
            if (!_looked[i])
            {
                _cues[i] = lexicon.TryGetCue(word, out var found) ? found : null;
                _looked[i] = true;
            }

            verb = _cues[i]!;
            return _cues[i] is not null;
        }
    }

    private sealed record Match(
        QuotationKind Kind,
        List<TextSpan> Content,
        TextSpan? Cue,
        CueVerb? Verb,
        TextSpan? Speaker,
        int LastToken,
        int ContinuesFrom);

    /// <summary>Per-document state: the tokens of the current unit and the quotations so far.</summary>
    private sealed class DocumentParser
    {
        private const int MaxSpeakerWords = 16;
        private const int MaxTailWords = 5;

        private readonly string _text;
        private readonly Lexicon _lex;
        private readonly WordSet? _triggers;
        private readonly List<QuoteRegion> _regions;
        private readonly List<TextSpan> _paragraphs;
        private readonly bool[] _regionClaimed;
        // The unit's tokens and their cue verbs, in buffers each thread reuses for every document it parses.
        [ThreadStatic]
        private static UnitScratch? t_scratch;

        private readonly UnitScratch _scratch = t_scratch ??= new();
        private Token[] _toks;
        private int _tokenCount;
        private readonly List<Quotation> _quotes = [];
        private int _lastAttributed = -1;
        private Unit _unit;

        // The last paragraph asked about and whether it is web page furniture (units come in paragraph order).
        private int _furnitureParagraph = -1;
        private bool _paragraphIsFurniture;

        // The story's Title Case words, gathered on the first label in capitals (IsSectionLabel).
        private HashSet<string>? _titleCaseWords;

        public DocumentParser(string text, Lexicon lexicon, WordSet? triggers, List<QuoteRegion> regions, List<TextSpan> paragraphs)
        {
            _triggers = triggers;
            _toks = _scratch.Tokens;
            _text = text;
            _lex = lexicon;
            _regions = regions;
            _paragraphs = paragraphs;
            _regionClaimed = new bool[regions.Count];
        }

        private int N => _tokenCount;

        // Quotations in text order. A quotation is found while parsing the unit that attributes it, which is
        // nearly always in order; when a region reaches back across units (found by fuzzing), sort and
        // renumber the links between quotations.
        public ImmutableArray<Quotation> Finish()
        {
            var sorted = true;
            for (var i = 1; i < _quotes.Count && sorted; i++)
            {
                sorted = _quotes[i - 1].Span.Start <= _quotes[i].Span.Start;
            }

            if (sorted)
            {
                return [.. _quotes];
            }

            var order = Enumerable.Range(0, _quotes.Count).OrderBy(i => _quotes[i].Span.Start).ThenBy(i => i).ToArray();

            var newIndex = new int[order.Length];
            for (var i = 0; i < order.Length; i++)
            {
                newIndex[order[i]] = i;
            }

            // A continuation always points back; one whose quotation now comes after it (only in garbled text)
            // continues nothing.
            return [.. order.Select(old => _quotes[old] is var q && (q.ContinuesFrom >= 0 || q.Within >= 0)
                ? q with
                {
                    ContinuesFrom = q.ContinuesFrom >= 0 && newIndex[q.ContinuesFrom] < newIndex[old] ? newIndex[q.ContinuesFrom] : -1,
                    Within = q.Within >= 0 ? newIndex[q.Within] : -1,
                }
                : _quotes[old])];
        }

        public void ParseUnit(Unit unit)
        {
            _unit = unit;
            if (!MayAttribute(unit) || IsFurniture(unit.Paragraph))
            {
                _tokenCount = 0;
                return;
            }

            _tokenCount = Tokenizer.Tokenize(_text, unit.Span, _regions, unit.FirstRegion, ref _scratch.Tokens);
            _toks = _scratch.Tokens;
            if (N == 0)
            {
                return;
            }

            _scratch.ForgetCues(N);

            var lo = 0;
            Match? previous = null;
            if (MatchColonLabel() is { } label && TryAdd(label))
            {
                previous = label;
                lo = label.LastToken + 1;
            }

            // Clinton had told police that she did not want an escort, the source added. — the attribution
            // at the end of a sentence is the outer one: it reports everything before it, "told" included.
            if (MatchOuterTrailing(lo, previous) is { } outer && TryAdd(outer))
            {
                previous = outer;
                lo = outer.LastToken + 1;
            }

            for (var i = lo; i < N; i++)
            {
                var t = _toks[i];
                if (t.Kind != TokenKind.Word || t.InQuote)
                {
                    continue;
                }

                Match? m = null;
                var word = Word(i);
                if (word.Equals("according", StringComparison.OrdinalIgnoreCase) && IsWord(i + 1, "to"))
                {
                    m = MatchAccordingTo(i, lo);
                }
                else if (word.Equals("as", StringComparison.OrdinalIgnoreCase) && MatchAsPutIt(i, lo) is { } asPutIt)
                {
                    m = asPutIt;
                }
                else if (CueAt(i, out var verb) && (!IsCapitalised(i) || i == 0 || IsHeadline()))
                {
                    m = MatchVerb(i, verb, lo, previous);
                }

                if (m is null || !TryAdd(m))
                {
                    continue;
                }

                previous = m;
                lo = m.LastToken + 1;
                i = Math.Max(i, m.LastToken);
                AddNested(_quotes.Count - 1, m);
            }

            AddFloatingQuotes();
        }

        // Most sentences of a story neither quote nor attribute, and are passed over without being tokenized:
        // every construction below starts from a quotation mark, a colon or a trigger word (a cue verb,
        // "according", "put"). Runs of letters are never longer than the tokenizer's words, so no trigger
        // the constructions would see is missed; a unit let through that holds none is parsed as before.
        private bool MayAttribute(Unit unit)
        {
            if (_triggers is null || (unit.FirstRegion < _regions.Count && _regions[unit.FirstRegion].Span.Start < unit.Span.End))
            {
                return true;
            }

            if (_text.AsSpan(unit.Span.Start, unit.Span.Length).Contains(':'))
            {
                return true;
            }

            // The story is passed whole: the unit's last sixteen characters are read at once with what follows.
            return LetterRuns.Any(_text, unit.Span.Start, unit.Span.End, _triggers);
        }

        // "Skip to main content", "Recommended Videos", "READ MORE: "We were ignored," say merchants": a
        // paragraph of navigation or promotion scraped with the story holds no speech of this story.
        private bool IsFurniture(int paragraph)
        {
            if (paragraph != _furnitureParagraph)
            {
                _furnitureParagraph = paragraph;
                var span = _paragraphs[paragraph];
                _paragraphIsFurniture = IsFurnitureText(_text.AsSpan(span.Start, span.Length), _lex);
            }

            return _paragraphIsFurniture;
        }

        private static bool IsFurnitureText(ReadOnlySpan<char> paragraph, Lexicon lexicon)
        {
            paragraph = paragraph.Trim();
            if (paragraph.Length > 200)
            {
                return false;
            }

            if (lexicon.FurnitureLines.GetAlternateLookup<ReadOnlySpan<char>>().Contains(paragraph.TrimEnd(".:\u2026 ")))
            {
                return true;
            }

            var colon = paragraph.IndexOf(':');
            return colon > 0 && lexicon.PromoLabels.GetAlternateLookup<ReadOnlySpan<char>>().Contains(paragraph[..colon].Trim());
        }

        // ---- constructions -------------------------------------------------------------

        // "…, the source added." / "…, according to a CNN tally." when an earlier cue verb would otherwise
        // claim the sentence: the last cue in the sentence, outside quotations, followed only by its
        // speaker and adjuncts. Null when there is no such cue or no earlier one it would displace.
        private Match? MatchOuterTrailing(int lo, Match? previous)
        {
            var last = N - 1;
            while (last >= lo && _toks[last].Kind == TokenKind.Punctuation)
            {
                last--;
            }

            // Every trailing attribution is set off by a comma, a parenthesis or a dash: most sentences are
            // out after this scan of punctuation alone.
            var window = Math.Max(lo, last - MaxSpeakerWords - MaxTailWords);
            if (!AnySetOffMark(window, last))
            {
                return null;
            }

            var earlierCue = false;
            var found = -1;
            for (var i = last; i >= window && found < 0; i--)
            {
                if (_toks[i].Kind == TokenKind.Word && !_toks[i].InQuote && (IsAccordingTo(i) || CueAt(i, out _)))
                {
                    found = i;
                }
            }

            // "While Sanders has maintained that …, Clinton has …": the comma closes a subordinate clause.
            if (found <= lo || !IsTrailingShape(found, last) || IsAnyWord(lo, SubordinateOpeners))
            {
                return null;
            }

            // The earlier cue must report indirectly ("had told police that …"): one followed by a colon, a
            // comma or a quotation ("Obama said: "…" … ," Obama said.") closes its own attribution.
            for (var i = lo; i < found && !earlierCue; i++)
            {
                earlierCue = _toks[i].Kind == TokenKind.Word && !_toks[i].InQuote && !IsCapitalised(i) && CueAt(i, out _)
                    && i + 1 < found && _toks[i + 1].Kind == TokenKind.Word;
            }

            if (!earlierCue)
            {
                return null;
            }

            var m = IsAccordingTo(found) ? MatchAccordingTo(found, lo)
                : CueAt(found, out var verb) && !IsCapitalised(found) ? MatchVerb(found, verb, lo, previous) : null;

            // Only a match that reports the whole sentence before it, up to the end, is the outer one; and
            // "…, given his previous comments." is a noun after a possessive, not a speaker and a verb.
            return m is { Cue: { } cue, Speaker: { } speaker } && m.Content.Count == 1 && m.Content[0].Start == _toks[lo].Start
                && m.Content[0].End <= cue.Start && m.LastToken >= last && !StartsWithPossessive(speaker) ? m : null;
        }

        // A comma, an opening parenthesis or a dash among the tokens from..to (all of them in the unit).
        private bool AnySetOffMark(int from, int to)
        {
            for (var i = from; i <= to; i++)
            {
                var t = _toks[i];
                if (t.Kind == TokenKind.Punctuation && _text[t.Start] is ',' or '(' or '\u2014' or '\u2013' or '\u2015' or '-')
                {
                    return true;
                }
            }

            return false;
        }

        // "…, according to X." / "…, said X." / "…, the source added Tuesday." — and not "…, Clinton has
        // nevertheless called his vote a mistake." (a clause of its own) or "…, legal challenges." (a noun).
        private bool IsTrailingShape(int cue, int last)
        {
            if (IsAccordingTo(cue) || IsPunct(cue - 1, ','))
            {
                // "…," said Jones. — a quotation just before belongs to the trailing cue alone.
                return !(cue - 2 >= 0 && _toks[cue - 2].Kind == TokenKind.QuoteClose);
            }

            if (!CueAt(cue, out var verb))
            {
                return false;
            }

            // Only adjuncts (and a listener) may follow: "…, he told reporters on Tuesday." — not "…, Teck
            // wants the gap narrowed.", whose verb opens a clause of its own.
            var next = cue + 1;
            foreach (var particle in verb.Particles)
            {
                if (IsWord(cue + 1, particle))
                {
                    next = cue + 2; // "…, the union called for." — the particle is part of the cue
                    break;
                }
            }

            next = SkipAdjuncts(next);
            if (verb.TakesObject)
            {
                next = SkipAdjuncts(SkipObject(next));
            }

            if (next <= last)
            {
                return false;
            }

            var before = cue - 1;
            while (before > 0 && _lex.CueModifierLookup.Contains(Word(before)))
            {
                before--;
            }

            // A cue that is also a noun needs a subject that cannot be its adjective: a name or a pronoun.
            if (verb.IsAlsoNoun && !IsCapitalised(before) && !_lex.PronounLookup.ContainsKey(Word(before)))
            {
                return false;
            }

            for (var i = before; i >= 0 && i >= before - MaxSpeakerWords; i--)
            {
                // DuVernay said she felt … because "most people don’t know," she said. — the quotation is the
                // trailing cue's content, and the attribution before it stands on its own.
                if (_toks[i].Kind == TokenKind.QuoteClose || (i > 0 && _toks[i - 1].Kind == TokenKind.QuoteClose))
                {
                    return false;
                }

                if (IsPunct(i, ',') || IsDash(i))
                {
                    return i < before;
                }

                // "…, have sparked legal challenges." / "…, making air quotes.": a verb phrase, not a speaker.
                if (_toks[i].InQuote || (_toks[i].Kind == TokenKind.Word && !IsCapitalised(i)
                    && (CueAt(i, out _) || IsAuxiliary(i) || Word(i).EndsWith("ing", StringComparison.OrdinalIgnoreCase))))
                {
                    return false;
                }
            }

            return false;
        }

        private bool IsAuxiliary(int i) => _toks[i].Kind == TokenKind.Word && _lex.FiniteAuxiliaryLookup.Contains(Word(i));

        private bool StartsWithPossessive(TextSpan speaker)
        {
            var i = IndexOfToken(speaker.Start);
            return i >= 0 && IsAnyWord(i, Possessives);
        }

        private bool IsAccordingTo(int i) => IsWord(i, "according") && IsWord(i + 1, "to");

        private bool CueAt(int i, out CueVerb verb)
        {
            if (i < 0 || i >= N)
            {
                verb = null!;
                return false;
            }

            return _scratch.CueAt(i, _lex, Word(i), out verb);
        }

        private Match? MatchVerb(int c, CueVerb verb, int lo, Match? previous)
        {
            // "was said" is passive; "was saying" is a progressive and is matched below. "…, which advocates
            // say …": a cue word right before a base or past cue verb is that verb's subject, a noun (but
            // "announced plans", "cited reports": there the second word is the noun).
            if ((verb.Tense != VerbTense.Participle && IsPassive(c, lo)) || IsInfinitive(c, lo) || ReadsAsNoun(c, verb)
                || (CueAt(c + 1, out var following) && following.Tense is VerbTense.Base or VerbTense.Past && !following.IsAlsoNoun && !IsCapitalised(c + 1))
                || IsOtherSense(c, verb, lo))
            {
                return null;
            }

            // "has also said", "would later say": auxiliaries and adverbs next to the verb belong to the cue.
            // Before an -ing form a form of "be" makes a progressive ("is calling", "has been saying"): a
            // finite verb, not a participle.
            var cueStart = c;
            var progressive = false;
            var contraction = -1;
            while (cueStart - 1 >= lo && _toks[cueStart - 1].Kind == TokenKind.Word && !_toks[cueStart - 1].InQuote
                && !IsAnyWord(cueStart - 1, "however", "though", "too", "instead"))
            {
                if (verb.Tense == VerbTense.Participle && IsAnyWord(cueStart - 1, FormsOfBe))
                {
                    progressive = true;
                }
                else if (ContractedAuxiliary(cueStart - 1) is var apostrophe and >= 0)
                {
                    // "he’s claiming", "they’ve suggested": the contracted auxiliary belongs to the cue and the
                    // pronoun stays the speaker; before an -ing form it makes a progressive.
                    contraction = apostrophe;
                    progressive |= verb.Tense == VerbTense.Participle && !_text.AsSpan(apostrophe + 1, _toks[cueStart - 1].End - apostrophe - 1).Equals("ve", StringComparison.OrdinalIgnoreCase);
                    break;
                }
                else if ((!_lex.CueModifierLookup.Contains(Word(cueStart - 1)) && !IsMannerAdverb(cueStart - 1))
                    || IsNameInside(cueStart - 1, lo))
                {
                    // Manner adverbs join the cue as the lexicon's modifiers do ("sharply criticized"); a capitalised
                    // word inside the sentence is a name, not a modal ("Ms. May said", "Will Smith said").
                    break;
                }

                cueStart--;
            }

            var cueEnd = c;

            // called for / pointed out / warned of: the particle belongs to the cue.
            if (verb.Particles.Count > 0 && c + 1 < N && _toks[c + 1].Kind == TokenKind.Word && !_toks[c + 1].InQuote)
            {
                foreach (var particle in verb.Particles)
                {
                    if (Word(c + 1).Equals(particle, StringComparison.OrdinalIgnoreCase))
                    {
                        cueEnd = c + 1;
                        break;
                    }
                }
            }

            // He added: "…" — the colon belongs to the cue.
            if (cueEnd + 1 < N && IsPunct(cueEnd + 1, ':') && _toks[cueEnd + 1].Start == _toks[cueEnd].End)
            {
                cueEnd++;
            }

            var cue = new TextSpan(contraction >= 0 ? contraction : _toks[cueStart].Start, _toks[cueEnd].End);
            c = cueEnd == c || IsPunct(cueEnd, ':') && cueEnd == c + 1 ? c : cueEnd;

            // The ministry issued a statement, saying it would … / …, adding that …
            if (verb.Tense == VerbTense.Participle && !progressive)
            {
                return MatchParticiple(c, verb, cue, lo, previous);
            }

            // Said Dorothy Poynter, who grew up with him, "We were all so proud of him."
            if (c == lo && NounPhraseAfter(c + 1, true) is { } fronted)
            {
                var k = fronted.End + 1;
                while (k + 1 < N && k - fronted.End < 20 && _toks[k + 1].Kind != TokenKind.QuoteOpen && !IsTerminal(k))
                {
                    k++;
                }

                if (k + 1 < N && (IsPunct(k, ',') || IsPunct(k, ':')) && _toks[k + 1].Kind == TokenKind.QuoteOpen)
                {
                    fronted = (fronted.Start, LastNonPunctuation(fronted.Start, k - 1));
                    var quoted = _regions[_toks[k + 1].Region];
                    var close = CloseTokenOf(quoted);
                    return new Match(QuotationKind.Direct, [quoted.Span], cue, verb, TokenSpan(fronted.Start, fronted.End), close >= 0 ? TrailingPunctuation(close) : N - 1, -1);
                }
            }

            // "…," said Mr Smith.  /  …, said the official.  (Not "…," told Vatican Radio: that is the listener.)
            if (c - 1 >= lo && !verb.TakesObject && (IsPunct(c - 1, ',') || _toks[c - 1].Kind == TokenKind.QuoteClose))
            {
                var afterQuote = _toks[c - 1].Kind == TokenKind.QuoteClose || (c - 2 >= 0 && _toks[c - 2].Kind == TokenKind.QuoteClose);
                var np = NounPhraseAfter(c + 1, afterQuote);
                var contentEnd = _toks[c - 1].Kind == TokenKind.QuoteClose ? c - 1 : c - 2;
                if (np is { } after && ContentBefore(lo, contentEnd) is { } before)
                {
                    var parts = new List<TextSpan> { before };
                    var last = SplitContinuation(after.End + 1, parts) ?? after.End;
                    return new Match(KindOf(parts), parts, cue, verb, TokenSpan(after.Start, after.End), Math.Max(last, TrailingPunctuation(last)), -1);
                }
            }

            // …, officials said Tuesday.  /  "…," she said, "…"  /  "…," the spokesman, Josh Earnest, said.
            var e = SkipModifiersBack(cueStart - 1, lo);
            var trailingSpeaker = e >= lo && (_toks[e].Kind is TokenKind.Word or TokenKind.Number || IsPunct(e, ')')) ? NounPhraseBefore(e, lo)
                : e >= lo && IsPunct(e, ',') ? SpeakerBefore(cueStart, lo) : null;
            if (trailingSpeaker is { } np2 && np2.Start - 1 >= lo)
            {
                var d = np2.Start - 1;
                if (IsPunct(d, ',') || _toks[d].Kind == TokenKind.QuoteClose || IsDash(d))
                {
                    var contentEnd = _toks[d].Kind == TokenKind.QuoteClose ? d : d - 1;
                    var j = SkipAdjuncts(c + 1);
                    if (verb.TakesObject)
                    {
                        j = SkipAdjuncts(SkipObject(j));
                    }

                    if (ContentBefore(lo, contentEnd) is { } before && IsTail(j, _toks[contentEnd].Kind == TokenKind.QuoteClose, out var last, out var split))
                    {
                        var parts = new List<TextSpan> { before };
                        if (split is { } s)
                        {
                            parts.Add(s);
                        }

                        return new Match(KindOf(parts), parts, cue, verb, TokenSpan(np2.Start, np2.End), last, -1);
                    }
                }
            }

            // He is comparing the actions … and says Obama is flouting … : the subject of the first verb.
            var conj = SkipModifiersBack(cueStart - 1, lo);
            if (conj >= 0 && IsAnyWord(conj, Conjunctions) && !_toks[conj].InQuote)
            {
                if (ContentAfter(c, verb, out var conjLast) is not { } conjContent)
                {
                    return null;
                }

                if (previous is { Speaker: not null })
                {
                    return new Match(KindOf([conjContent]), [conjContent], cue, verb, previous.Speaker, conjLast, _quotes.Count - 1);
                }

                return LeadingNounPhrase(0, conj) is { } subject
                    ? new Match(KindOf([conjContent]), [conjContent], cue, verb, TokenSpan(subject.Start, subject.End), conjLast, -1)
                    : null;
            }

            // X said (that) …  /  X, who …, said …  /  He added: "…"
            if (SpeakerBefore(cueStart, lo) is not { } speaker || !BaseFormAgrees(verb, cueStart, c, speaker))
            {
                return null;
            }

            // As the Times noted, Clinton raised … : the content follows the comma.
            var afterCue = SkipAdjuncts(c + 1);
            if (speaker.Start - 1 >= lo && IsAnyWord(speaker.Start - 1, "as") && afterCue < N && IsPunct(afterCue, ','))
            {
                var end = ContentEnd(afterCue + 1);
                if (end > afterCue && CountWords(afterCue + 1, end) >= 2)
                {
                    var asContent = TokenSpan(afterCue + 1, end);
                    return new Match(KindOf([asContent]), [asContent], cue, verb, TokenSpan(speaker.Start, speaker.End), TrailingPunctuation(end), -1);
                }
            }

            // "… a presence that officials described as a turning point": a relative clause whose object
            // is the noun before "that", not reported words.
            if (speaker.Start - 1 >= 0 && IsAnyWord(speaker.Start - 1, "that", "which", "whom") && (IsPreposition(c + 1) || IsAnyWord(c + 1, "as")))
            {
                return null;
            }

            if (ContentAfter(c, verb, out var lastToken) is { } content)
            {
                // "The mayor did not say when the lanes would open." / "A spokesperson declined to comment.":
                // nothing was said.
                return SaysNothing(cueStart, c, verb, content) ? null
                    : new Match(KindOf([content]), [content], cue, verb, TokenSpan(speaker.Start, speaker.End), lastToken, -1);
            }

            // He said: ¶ "…" — the quotation opens the next paragraph.
            if (EndsWithColonAfter(c) && NextParagraphQuote() is { } region)
            {
                return new Match(QuotationKind.Direct, [_regions[region].Span], cue, verb, TokenSpan(speaker.Start, speaker.End), N - 1, -1);
            }

            return null;
        }

        // A cue word in a sense that reports no speech:
        //   a campaign called "Safer Streets Now" / a group called Parents First — naming;
        //   the index added 0.4 per cent / Matthews added another goal — a figure or a tally;
        //   Jana Whitford writes about city hall — a byline's bio.
        private bool IsOtherSense(int c, CueVerb verb, int lo)
        {
            if (verb.Lemma == "call" && c + 1 < N && (_toks[c + 1].Kind == TokenKind.QuoteOpen || (IsCapitalised(c + 1) && !IsAnyWord(c + 1, ClauseSubjects))))
            {
                // "a campaign called", "an app called": an indefinite noun phrase right before the verb.
                for (var k = c - 1; k >= lo && k >= c - 3 && _toks[k].Kind == TokenKind.Word && !IsCapitalised(k); k--)
                {
                    if (IsAnyWord(k, "a", "an"))
                    {
                        return true;
                    }
                }
            }

            if (verb.Lemma == "add" && c + 1 < N && (_toks[c + 1].Kind == TokenKind.Number || IsWord(c + 1, "another")))
            {
                return true;
            }

            return verb.Lemma == "write" && verb.Tense == VerbTense.Present && IsAnyWord(c + 1, "about", "for");
        }

        // Negated speech with no words reported ("did not say when …", "would not say whether …") and a refusal
        // to speak ("declined to comment", "refused to comment further").
        private bool SaysNothing(int cueStart, int c, CueVerb verb, TextSpan content)
        {
            var first = IndexOfToken(content.Start);
            if (verb.Lemma is "decline" or "refuse")
            {
                // "declined to comment", "refused to say whether …", "declined to be named": a verb of speaking
                // and at most a word or two, or a question word; not "refused to endorse Trump".
                if (!IsWord(first, "to") || !(CueAt(first + 1, out _) || IsAnyWord(first + 1, "be", "elaborate", "specify", "disclose", "speculate")))
                {
                    return false;
                }

                var last = first;
                while (last + 1 < N && _toks[last + 1].End <= content.End)
                {
                    last++;
                }

                return CountWords(first + 2, last) <= 2 || IsAnyWord(first + 2, QuestionWords);
            }

            var negated = false;
            for (var k = cueStart; k < c && !negated; k++)
            {
                negated = IsAnyWord(k, "not", "never") || Word(k).EndsWith("n't", StringComparison.OrdinalIgnoreCase) || Word(k).EndsWith("n\u2019t", StringComparison.OrdinalIgnoreCase);
            }

            return negated && (IsAnyWord(first, QuestionWords) || IsAnyWord(first, "much", "anything"));
        }

        private Match? MatchParticiple(int c, CueVerb verb, TextSpan cue, int lo, Match? previous)
        {
            // footage of Hillary Clinton asking, "…" / Trump saying during the debate, "…" — a name right
            // before the participle is its subject, and the quotation after the comma its words.
            if (c - 1 > lo && _toks[c - 1].Kind == TokenKind.Word && !_toks[c - 1].InQuote && IsCapitalised(c - 1))
            {
                var j = SkipAdjuncts(c + 1);
                if (j + 1 < N && (IsPunct(j, ',') || IsPunct(j, ':')) && _toks[j + 1].Kind == TokenKind.QuoteOpen)
                {
                    var s = c - 1;
                    while (s - 1 > lo && _toks[s - 1].Kind == TokenKind.Word && !_toks[s - 1].InQuote && IsCapitalised(s - 1))
                    {
                        s--;
                    }

                    var quoted = _regions[_toks[j + 1].Region];
                    var close = CloseTokenOf(quoted);
                    return new Match(QuotationKind.Direct, [quoted.Span], cue, verb, TokenSpan(s, c - 1), close >= 0 ? TrailingPunctuation(close) : N - 1, -1);
                }
            }

            // …, saying … / …, while saying that … / … by arguing that …
            var before = c - 1;
            if (before >= 0 && IsAnyWord(before, ParticipleOpeners))
            {
                before--;
            }

            if (before < 0 || !(IsPunct(before, ',') || before < c - 1 || _toks[before].Kind == TokenKind.QuoteClose))
            {
                return null;
            }

            if (ContentAfter(c, verb, out var lastToken) is not { } content)
            {
                return null;
            }

            if (previous is { Speaker: not null })
            {
                // X said …, adding that … : the same speaker, who is also this cue's subject.
                return new Match(KindOf([content]), [content], cue, verb, previous.Speaker, lastToken, _quotes.Count - 1);
            }

            if (LeadingNounPhrase(lo, before) is { } subject)
            {
                return new Match(KindOf([content]), [content], cue, verb, TokenSpan(subject.Start, subject.End), lastToken, -1);
            }

            return null;
        }

        // "…," as the memo put it.  /  As Ms. Simonyan put it in a statement, "…"  — the idiom names a speaker
        // without a speech verb of its own; "put it" (with any adverb before it) is the cue.
        private Match? MatchAsPutIt(int a, int lo)
        {
            var k = a + 1;
            var words = 0;
            while (k + 1 < N && !(IsWord(k, "put") && IsWord(k + 1, "it")))
            {
                if (_toks[k].Kind == TokenKind.QuoteOpen || _toks[k].InQuote || IsTerminal(k) || IsPunct(k, ';') || IsPunct(k, ':') || ++words > 20)
                {
                    return null;
                }

                k++;
            }

            if (k + 1 >= N || words == 0)
            {
                return null;
            }

            var cueStart = k;
            while (cueStart - 1 > a + 1 && _toks[cueStart - 1].Kind == TokenKind.Word && (_lex.CueModifierLookup.Contains(Word(cueStart - 1)) || IsMannerAdverb(cueStart - 1)))
            {
                cueStart--;
            }

            var speakerEnd = LastNonPunctuation(a + 1, cueStart - 1);
            if (speakerEnd < a + 1 || _toks[a + 1].Kind != TokenKind.Word)
            {
                return null;
            }

            var speaker = TokenSpan(a + 1, speakerEnd);
            var cue = new TextSpan(_toks[cueStart].Start, _toks[k + 1].End);

            // As X put it, … .  The clause after the idiom is what X said; skip an adjunct such as "in a statement".
            var after = k + 2;
            while (after < N && !IsPunct(after, ',') && !IsTerminal(after) && _toks[after].Kind != TokenKind.QuoteOpen)
            {
                after++;
            }

            if (a == lo && after + 1 < N && (IsPunct(after, ',') || _toks[after].Kind == TokenKind.QuoteOpen))
            {
                var from = IsPunct(after, ',') ? after + 1 : after;
                var end = ContentEnd(from);
                if (end < from)
                {
                    return null;
                }

                var content = TokenSpan(from, end);
                return new Match(KindOf([content]), [content], cue, null, speaker, TrailingPunctuation(end), -1);
            }

            // …, as X put it.  /  "…," as X put it.
            var beforeEnd = _toks[Math.Max(a - 1, 0)].Kind == TokenKind.QuoteClose ? a - 1 : a - 2;
            if (a - 1 >= lo && (IsPunct(a - 1, ',') || _toks[a - 1].Kind == TokenKind.QuoteClose) && ContentBefore(lo, beforeEnd) is { } before)
            {
                return new Match(KindOf([before]), [before], cue, null, speaker, TrailingPunctuation(k + 1), -1);
            }

            return null;
        }

        private Match? MatchAccordingTo(int a, int lo)
        {
            var from = a + 2;
            var k = from;
            var words = 0;
            while (k < N && !IsPunct(k, ',') && !IsTerminal(k) && _toks[k].Kind != TokenKind.QuoteOpen && !IsPunct(k, ';') && !IsPunct(k, ':'))
            {
                if (_toks[k].Kind is TokenKind.Word or TokenKind.Number)
                {
                    words++;
                }

                k++;
            }

            if (words == 0 || words > 14)
            {
                return null;
            }

            var speaker = TokenSpan(from, LastNonPunctuation(from, k - 1));
            var cue = new TextSpan(_toks[a].Start, _toks[a + 1].End);

            // According to X, … .
            if (a == lo && k < N && IsPunct(k, ','))
            {
                var end = ContentEnd(k + 1);
                if (end < k + 1)
                {
                    return null;
                }

                var content = TokenSpan(k + 1, end);
                return new Match(KindOf([content]), [content], cue, null, speaker, TrailingPunctuation(end), -1);
            }

            // …, according to X.  /  …, according to X, … .
            var beforeEnd = _toks[Math.Max(a - 1, 0)].Kind == TokenKind.QuoteClose ? a - 1 : a - 2;
            if (a - 1 >= lo && (IsPunct(a - 1, ',') || IsPunct(a - 1, '(') || IsDash(a - 1) || _toks[a - 1].Kind == TokenKind.QuoteClose) && ContentBefore(lo, beforeEnd) is { } before)
            {
                var parts = new List<TextSpan> { before };
                var last = k - 1;
                if (k < N && IsPunct(k, ',') && k + 1 < N)
                {
                    var end = ContentEnd(k + 1);
                    if (end >= k + 1)
                    {
                        parts.Add(TokenSpan(k + 1, end));
                        last = end;
                    }
                }

                return new Match(KindOf(parts), parts, cue, null, speaker, TrailingPunctuation(last), -1);
            }

            return null;
        }

        // Graham: Trump Is Destroying the Party  /  TAPPER: Do you think … — a headline or a transcript turn.
        private Match? MatchColonLabel()
        {
            // A transcript printed as one long quotation opens each turn with a quotation mark:
            // "WALLACE: If I may, sir, … — then the label must be in capitals, as transcripts print it.
            var first = N > 3 && _toks[0].Kind == TokenKind.QuoteOpen ? 1 : 0;
            var k = first;
            var words = 0;
            while (k < N && k <= first + 7 && _toks[k].Kind is TokenKind.Word or TokenKind.Number && (first == 1 || !_toks[k].InQuote))
            {
                if (_toks[k].Kind == TokenKind.Word && !IsCapitalised(k) && !IsPreposition(k) && !IsDeterminer(k))
                {
                    return null;
                }

                if (first == 1 && _toks[k].Kind == TokenKind.Word && Word(k).ContainsAnyInRange('a', 'z'))
                {
                    return null;
                }

                words++;
                k++;
                while (k < N && ((IsJoiner(k) && k + 1 < N && _toks[k + 1].Start == _toks[k].End) || IsAbbreviationDot(k)))
                {
                    k++;
                }
            }

            if (words == 0 || words > 6 || k >= N - 1 || !IsPunct(k, ':') || !IsCapitalised(first)
                || _lex.ColonLabelLookup.Contains(Word(first)) || CueAt(k - 1, out _) || IsSectionLabel(first, k - 1))
            {
                return null;
            }

            var end = ContentEnd(k + 1);
            if (first == 1)
            {
                // The turn ends with its paragraph, even where the quotation runs on into the next turn.
                var paragraphEnd = _paragraphs[ParagraphOf(_toks[k].Start)].End;
                while (end > k + 1 && (_toks[end].End > paragraphEnd || _toks[end].Kind == TokenKind.QuoteClose))
                {
                    end--;
                }
            }

            if (end < k + 1 || CountWords(k + 1, end) < 2)
            {
                return null;
            }

            var content = TokenSpan(k + 1, end);
            return new Match(first == 1 ? QuotationKind.Direct : KindOf([content]), [content], _toks[k].Span, null, TokenSpan(first, LastNonPunctuation(first, k - 1)), TrailingPunctuation(end), -1);
        }

        // "KEEPING SCORE: The Canucks beat …", "ENERGY: Oil rose …": a label in capitals that names no one the
        // story names. A transcript's "TAPPER: …" is a speaker: the story gives the name as a name too
        // ("CNN's Jake Tapper"), or the label opens a quotation.
        private bool IsSectionLabel(int first, int last)
        {
            if (first > 0 || _text.AsSpan(_toks[first].Start, _toks[last].End - _toks[first].Start).ContainsAnyInRange('a', 'z'))
            {
                return false;
            }

            var name = Word(LastNonPunctuation(first, last));
            if (name.Length < 2 || _lex.TitleLookup.ContainsKey(name))
            {
                return false;
            }

            // The same word in Title Case, as a whole word, anywhere in the story: the story's Title Case words are
            // gathered once, on the first label in capitals, so a transcript of many turns reads the text once.
            _titleCaseWords ??= TitleCaseWords(_text);
            return !_titleCaseWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);
        }

        // Every word of the text written in Title Case ("Tapper", not "TAPPER" or "tapper"), compared ignoring case.
        private static HashSet<string> TitleCaseWords(string text)
        {
            var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var i = 0;
            while (i < text.Length)
            {
                if (!char.IsLetter(text[i]))
                {
                    i++;
                    continue;
                }

                var start = i;
                var titleCase = char.IsUpper(text[i]);
                while (++i < text.Length && char.IsLetter(text[i]))
                {
                    titleCase &= char.IsLower(text[i]);
                }

                if (titleCase && i - start >= 2)
                {
                    words.Add(text[start..i]);
                }
            }

            return words;
        }

        // ---- floating quotes and dash attributions --------------------------------------

        private void AddFloatingQuotes()
        {
            var unitLength = Math.Max(1, _unit.Span.Length);
            for (var r = _unit.FirstRegion; r < _regions.Count && _regions[r].Span.Start < _unit.Span.End; r++)
            {
                var region = _regions[r];
                if (_regionClaimed[r] || region.Span.Start < _unit.Span.Start || OverlapsExisting(region.Span))
                {
                    continue;
                }

                // "We will not back down." — Mayor Ruth Okafor
                // "…" ― Ana Ruiz "…" ― Lee Park  (reader comments run together, each signed with a dash)
                TextSpan? speaker = null;
                TextSpan? dash = null;
                var close = CloseTokenOf(region);
                if (region.Closed && close >= 0 && close + 2 < N && IsDash(close + 1) && NounPhraseAfter(close + 2, true) is { } np
                    && (TrailingPunctuation(np.End) == N - 1 || (np.End + 1 < N && _toks[np.End + 1].Kind == TokenKind.QuoteOpen)))
                {
                    speaker = TokenSpan(np.Start, np.End);
                    dash = _toks[close + 1].Span;
                }

                if (speaker is null && (!IsSubstantial(region) || IsNameInRunningText(region)))
                {
                    continue; // a scare quote, a title, a code name or a nickname
                }

                var continues = -1;
                // "According to X, …" attributes information, not words: a later quotation does not inherit it.
                if (speaker is null && region.Span.Length * 2 >= unitLength && _lastAttributed >= 0
                    && _unit.Paragraph - _quotes[_lastAttributed].Paragraph <= 2 && _quotes[_lastAttributed].Verb is not null)
                {
                    continues = _lastAttributed;
                }

                _regionClaimed[r] = true;

                // Kasich shot back: "…" / She thanked the crew: "…" — a colon before a quotation marks
                // speech even when the verb is not in the lexicon.
                if (speaker is null && ColonLeadIn(region) is { } lead)
                {
                    _quotes.Add(new Quotation(QuotationKind.Direct, [region.Span], lead.Cue, null, lead.Speaker, -1, _unit.Paragraph));
                    _lastAttributed = _quotes.Count - 1;
                    continue;
                }

                // "A," he said. "B." / a further quoted paragraph: a quotation of its own that continues the
                // previous speaker's, with no cue or speaker of its own (its source is the one it continues).
                _quotes.Add(new Quotation(QuotationKind.Direct, [region.Span], dash, null, speaker, continues, _unit.Paragraph));
                if (speaker is not null)
                {
                    _lastAttributed = _quotes.Count - 1;
                }
            }
        }

        // NP verb …: "…" — the subject at the sentence start is the speaker, the words up to the colon the cue.
        private (TextSpan Cue, TextSpan Speaker)? ColonLeadIn(QuoteRegion region)
        {
            var open = IndexOfToken(region.Span.Start);
            if (open < 3 || !IsPunct(open - 1, ':'))
            {
                return null;
            }

            var colon = open - 1;
            if (LeadingNounPhrase(0, colon) is not { } subject || subject.End + 1 >= colon)
            {
                return null;
            }

            for (var k = 0; k < colon; k++)
            {
                if (_toks[k].InQuote || IsTerminal(k))
                {
                    return null;
                }
            }

            var cueStart = subject.End + 1;
            var cueEnd = colon - cueStart <= 3 ? colon - 1 : cueStart;
            if (_toks[cueStart].Kind != TokenKind.Word || IsStopWord(cueStart))
            {
                return null;
            }

            return (TokenSpan(cueStart, cueEnd), TokenSpan(subject.Start, subject.End));
        }

        // …, code named "Will of Victory," in Anbar / the "Big Dig" project: a short quotation in Title Case
        // that a word before it in the same sentence leads into names something; nobody says it.
        private bool IsNameInRunningText(QuoteRegion region)
        {
            var open = IndexOfToken(region.Span.Start);
            if (open < 1 || _toks[open - 1].Kind != TokenKind.Word || _toks[open - 1].InQuote)
            {
                return false;
            }

            var (words, capitalised) = WordsInside(region);
            return words is > 0 and <= 5 && capitalised * 2 > words && char.IsUpper(_text[region.Inner.Start]);
        }

        // The words inside a quotation's marks, and how many of them start with a capital: runs of letters and
        // digits, with in-word marks ("don't", "U.S.-led").
        private (int Words, int Capitalised) WordsInside(QuoteRegion region)
        {
            var inner = _text.AsSpan(region.Inner.Start, Math.Max(0, region.Inner.Length));
            var words = 0;
            var capitalised = 0;
            var inWord = false;
            foreach (var c in inner)
            {
                var letter = char.IsLetterOrDigit(c);
                if (letter && !inWord)
                {
                    words++;
                    capitalised += char.IsUpper(c) ? 1 : 0;
                }

                inWord = letter || c is '\'' or '\u2019' or '-';
            }

            return (words, capitalised);
        }

        private bool IsSubstantial(QuoteRegion region)
        {
            var (words, capitalised) = WordsInside(region);
            var trimmed = _text.AsSpan(region.Inner.Start, Math.Max(0, region.Inner.Length)).TrimEnd();
            var endsLikeSpeech = trimmed.Length > 0 && trimmed[^1] is '.' or ',' or '!' or '?' or '\u2026' or '-' or '\u2014';
            if (endsLikeSpeech)
            {
                return words >= 2;
            }

            // Title Case with no sentence punctuation is a title ("The Art of the Deal"), not speech.
            return words >= 4 && capitalised * 2 < words + 1;
        }

        // ---- adding --------------------------------------------------------------------

        private bool TryAdd(Match m)
        {
            foreach (var part in m.Content)
            {
                if (part.IsEmpty || OverlapsExisting(part))
                {
                    return false;
                }
            }

            foreach (var part in m.Content)
            {
                for (var r = _unit.FirstRegion; r < _regions.Count && _regions[r].Span.Start < part.End; r++)
                {
                    if (_regions[r].Span.OverlapsWith(part))
                    {
                        _regionClaimed[r] = true;
                    }
                }
            }

            _quotes.Add(new Quotation(m.Kind, [.. m.Content], m.Cue, m.Verb, m.Speaker, m.ContinuesFrom, ParagraphOf(m.Content[0].Start)));
            _lastAttributed = _quotes.Count - 1;
            return true;
        }

        // "A release said a majority of the workers said yes": an attribution of speech inside the reported words
        // of another is its own quotation, within the outer one.
        private void AddNested(int outer, Match m)
        {
            if (m.Kind == QuotationKind.Direct || m.Content.Count != 1)
            {
                return;
            }

            var content = m.Content[0];
            var first = IndexOfToken(content.Start);
            if (first < 0)
            {
                return;
            }

            for (var i = first + 1; i < N && _toks[i].End <= content.End; i++)
            {
                // Only the plainest verbs of saying: inside reported words the others are too often nouns or stances
                // ("derogatory comments", "announced plans").
                // say, says, said, tell, tells, told: their length and first letter pass over nearly every other word
                // without a look-up.
                if (_toks[i].Kind != TokenKind.Word || _toks[i].InQuote || _toks[i].End - _toks[i].Start is < 3 or > 5 || _text[_toks[i].Start] is not ('s' or 't')
                    || !CueAt(i, out var verb) || verb.Lemma is not ("say" or "tell") || verb.Tense == VerbTense.Participle
                    || MatchVerb(i, verb, first, null) is not { Speaker: { } speaker, Content: [var inner] } nested
                    || inner.Start < content.Start || inner.End > content.End || speaker.Start < content.Start)
                {
                    continue;
                }

                _quotes.Add(new Quotation(nested.Kind, [inner], nested.Cue, nested.Verb, speaker, -1, _unit.Paragraph) { Within = outer });
                i = Math.Max(i, nested.LastToken);
            }
        }

        private bool OverlapsExisting(TextSpan span)
        {
            for (var q = _quotes.Count - 1; q >= 0 && q >= _quotes.Count - 12; q--)
            {
                foreach (var part in _quotes[q].Spans)
                {
                    if (part.OverlapsWith(span))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private int ParagraphOf(int offset)
        {
            int lo = 0, hi = _paragraphs.Count - 1;
            while (lo < hi)
            {
                var mid = (lo + hi + 1) / 2;
                if (_paragraphs[mid].Start <= offset)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return lo;
        }

        private QuotationKind KindOf(List<TextSpan> parts)
        {
            var quoted = 0;
            var total = 0;
            foreach (var part in parts)
            {
                total++;
                var first = _text[part.Start];
                var last = _text[part.End - 1];
                if (QuoteScanner.IsQuoteChar(first) && IsRegionSpan(part))
                {
                    quoted++;
                }
                else if (ContainsRegion(part) || QuoteScanner.IsQuoteChar(last))
                {
                    return QuotationKind.Mixed;
                }
            }

            return quoted == total ? QuotationKind.Direct : quoted > 0 ? QuotationKind.Mixed : QuotationKind.Indirect;
        }

        private bool IsRegionSpan(TextSpan part)
        {
            var r = RegionStartingAt(part.Start);
            if (r < 0)
            {
                return false;
            }

            var region = _regions[r];
            return part.End <= region.Span.End + 1 && part.End >= region.Span.End - Math.Max(1, region.CloseLength);
        }

        // Regions are in text order: binary search, so 100,000 quotation marks stay linear.
        private int RegionStartingAt(int offset) => OrderedSearch.IndexOfStart(_regions, offset, r => r.Span.Start);

        private bool ContainsRegion(TextSpan part)
        {
            for (var r = _unit.FirstRegion; r < _regions.Count && _regions[r].Span.Start < part.End; r++)
            {
                if (_regions[r].Span.OverlapsWith(part))
                {
                    return true;
                }
            }

            return false;
        }

        // ---- pieces --------------------------------------------------------------------

        // X said / X, who …, said / Jillian Chase, 27, a Tinder user, said / leaders who say —
        // the speaker phrase before the cue, with its appositives.
        private (int Start, int End)? SpeakerBefore(int cueStart, int lo)
        {
            var e = SkipModifiersBack(cueStart - 1, lo);
            if (e < lo)
            {
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
                return _toks[e].Kind is TokenKind.Word or TokenKind.Number || IsAbbreviationDot(e) ? NounPhraseBefore(e, lo) : null;
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

        private (int Start, int End)? NounPhraseBefore(int e, int lo)
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

            if (e < lo || _toks[e].Kind is not (TokenKind.Word or TokenKind.Number) || IsStopWord(e) || IsDeterminer(e) || IsPreposition(e))
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

                if (t.Kind is TokenKind.Word or TokenKind.Number)
                {
                    if (IsStopWord(i) || (t.Kind == TokenKind.Word && i != e && CueAt(i, out var inner) && !IsCapitalised(i)
                        && (inner.Tense == VerbTense.Past || IsAnyWord(i, "says", "tells", "adds"))))
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

            // "On Tuesday the minister said": drop a leading prepositional phrase; "In a Bloomberg
            // interview Trump declared": when a name closes the phrase, the name is the speaker.
            if (IsPreposition(s))
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

        // The start of "Iraqi" in "…, Iraqi and coalition officials", of "port" in "…, port and union officials"
        // or of "the U.S." in "the U.S. and Iraqi officials": one word (or dotted abbreviation) ending at token
        // j that opens its phrase, after punctuation or the unit's start, or, when capitalised, after a
        // determiner. Null for "Hillary Clinton and aides", whose left side is a name of its own.
        private int? CoordinatedModifierStart(int j, int lo)
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
        private (int Start, int End)? NounPhraseAfter(int j, bool afterQuote)
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
                    if (IsAnyWord(k, "who", "whose") && k > j)
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
        private (int Start, int End)? LeadingNounPhrase(int lo, int limit)
        {
            // In Ohio on Tuesday, Trump …, saying … : the subject follows the opening phrase.
            if (lo < limit && (IsPreposition(lo) || _lex.CueModifierLookup.Contains(Word(lo))))
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

        // What follows a cue: said (on Tuesday) (that) … / told reporters … / added: "…"
        private TextSpan? ContentAfter(int c, CueVerb verb, out int lastToken)
        {
            lastToken = c;
            var j = SkipAdjuncts(c + 1);
            if (verb.TakesObject)
            {
                j = SkipAdjuncts(SkipObject(j));
            }

            var complement = false;
            if (IsWord(j, "that"))
            {
                j++;
                complement = true;
            }
            else if (j < N && _toks[j].Kind == TokenKind.Word && !_toks[j].InQuote && (IsAnyWord(j, ClauseSubjects) || StartsClause(j)))
            {
                complement = true; // admitted he had lied / claimed the budget was padded: a clause follows
            }

            if (j < N && IsPunct(j, ':'))
            {
                j++;
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
            return TokenSpan(j, end);
        }

        // Content runs to the sentence end, or to "; …" or ", adding …" which start another attribution.
        private int ContentEnd(int j)
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
                    if (k > j && Conjunctions.Contains(Word(k)) && k + 1 < N && _toks[k + 1].Kind == TokenKind.Word && !_toks[k + 1].InQuote
                        && CueAt(SkipModifiersForward(k + 1), out var next) && next.Tense is VerbTense.Past or VerbTense.Present)
                    {
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
                        || (IsWord(k + 1, "according") && IsWord(k + 2, "to"))))
                {
                    break; // …, adding … / …, according to … / "A driver, who feared losing her route, said …"
                }
            }

            return LastNonPunctuation(j, k - 1);
        }

        private TextSpan? ContentBefore(int lo, int end)
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

            return start <= end && CountWords(start, end) >= 1 ? TokenSpan(start, end) : null;
        }

        // After the cue of a trailing attribution only a short tail may follow: "…, she said on Tuesday."
        private bool IsTail(int j, bool afterQuote, out int last, out TextSpan? split)
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
                    var from = IsWord(k + 1, "that") ? k + 2 : k + 1;
                    var predicateGoesOn = IsAnyWord(from, Conjunctions) && from + 1 < N && IsAuxiliary(from + 1);
                    if (from < N && _toks[from].Kind is TokenKind.Word or TokenKind.Number && !_toks[from].InQuote && (!StartsAdjunctClause(from) || predicateGoesOn))
                    {
                        var end = ContentEnd(from);
                        if (end >= from && CountWords(from, end) >= 3)
                        {
                            split = TokenSpan(from, end);
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

        // ", pointing to the map" / ", who …" / ", before leaving": not reported words.
        private bool StartsAdjunctClause(int i)
        {
            var w = Word(i);
            return w.EndsWith("ing", StringComparison.OrdinalIgnoreCase) || _lex.PrepositionLookup.Contains(w)
                || _lex.AdjunctHeadLookup.Contains(w)
                || IsAnyWord(i, ClauseStarts);
        }

        private int? SplitContinuation(int k, List<TextSpan> parts)
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

        private int SkipAdjuncts(int j)
        {
            while (j < N && _toks[j].Kind == TokenKind.Word && !_toks[j].InQuote)
            {
                var w = Word(j);
                if (_lex.AdjunctHeadLookup.Contains(w) || _lex.CueModifierLookup.Contains(w))
                {
                    j++;
                    continue;
                }

                if (!_lex.AdjunctPrepositionLookup.Contains(w))
                {
                    break;
                }

                // on Tuesday / in a statement / in an interview with CNN
                var k = j + 1;
                while (k < N && k <= j + 4 && _toks[k].Kind == TokenKind.Word && !_lex.AdjunctHeadLookup.Contains(Word(k)))
                {
                    k++;
                }

                if (k < N && k <= j + 4 && _toks[k].Kind == TokenKind.Word && _lex.AdjunctHeadLookup.Contains(Word(k)))
                {
                    j = k + 1;
                    continue;
                }

                break;
            }

            return j;
        }

        // told reporters … / told The Associated Press … / told CNN that …
        private int SkipObject(int j)
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
        private bool IsMannerAdverb(int i)
        {
            var w = Word(i);
            return w.Length > 4 && w.EndsWith("ly", StringComparison.Ordinal) && char.IsLower(w[0])
                && !IsAnyWord(i, NounsInLy);
        }

        // The offset of the apostrophe in "he’s", "they’re", "we’ve", "I’m", "who’s" (a pronoun and a
        // contracted auxiliary), or -1. Names are left alone: "Trump’s" is far more often a possessive.
        private int ContractedAuxiliary(int i)
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
        private static ReadOnlySpan<char> WithoutContraction(ReadOnlySpan<char> word)
        {
            var apostrophe = word.IndexOfAny('\'', '\u2019');
            return apostrophe > 0 ? word[..apostrophe] : word;
        }

        // "the budget was padded", "the city could save …": an auxiliary within a few words of the
        // start, before any punctuation, makes the words a clause rather than an object ("the title").
        private bool StartsClause(int j)
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
                    && (_lex.FiniteAuxiliaryLookup.Contains(w) || (words >= 3 && w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && !IsCapitalised(k))))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsTimeWord(int i) =>
            IsAnyWord(i, TimeWords);

        private int SkipModifiersForward(int i)
        {
            while (i + 1 < N && _toks[i].Kind == TokenKind.Word && _lex.CueModifierLookup.Contains(Word(i)))
            {
                i++;
            }

            return i;
        }

        // A capitalised word after the first of its clause is a name, not a modal or an adverb: "Ms. May said",
        // "Will Smith said".
        private bool IsNameInside(int i, int lo) => i > lo && IsCapitalised(i) && !IsTerminal(i - 1);

        private int SkipModifiersBack(int i, int lo)
        {
            while (i >= lo)
            {
                if (_toks[i].Kind == TokenKind.Word && !_toks[i].InQuote && (_lex.CueModifierLookup.Contains(Word(i)) || IsMannerAdverb(i)) && !IsNameInside(i, lo))
                {
                    i--;
                }
                else if (_toks[i].Kind == TokenKind.Word && !_toks[i].InQuote && IsTimeWord(i) && i > lo)
                {
                    // McConnell, R-Ky., Tuesday said … / Sanders on Tuesday said …
                    i--;
                    if (i >= lo && IsAnyWord(i, TimeModifiers))
                    {
                        i--;
                    }
                }
                else if (i - 2 >= lo && IsPunct(i, ',') && IsPunct(i - 2, ',') && _toks[i - 1].Kind == TokenKind.Word && _lex.CueModifierLookup.Contains(Word(i - 1)))
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

        // "they say", "would say", "Six in 10 say" — but not "The council's report, released …".
        private bool BaseFormAgrees(CueVerb verb, int cueStart, int c, (int Start, int End) speaker)
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

            var w = Word(head);
            if (w.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || w.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return IsAnyWord(head, BaseFormSubjects)
                || (w.Length > 3 && w.EndsWith("s", StringComparison.OrdinalIgnoreCase) && !w.EndsWith("ss", StringComparison.OrdinalIgnoreCase));
        }

        // KIRKUK, Iraq — / PORT ELLIS — / WASHINGTON (Reuters) - : a dateline is not reported speech.
        private int SkipDateline(int lo, int end)
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

        private static bool IsAllCaps(ReadOnlySpan<char> word)
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

        // "his early-morning tweets attempting to …", "the 9/11 attacks, Bin Laden …": a form that is also a
        // noun, followed by what cannot follow the verb, is the noun.
        private bool ReadsAsNoun(int c, CueVerb verb)
        {
            if (!verb.IsAlsoNoun || c + 1 >= N)
            {
                return false;
            }

            if (IsPunct(c + 1, ',') || IsTerminal(c + 1) || IsPunct(c + 1, ')'))
            {
                return c > 0 && (IsDeterminer(c - 1) || _toks[c - 1].Kind == TokenKind.Number || IsAnyWord(c - 1, "early-morning", "late-night"));
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
            return !IsAnyWord(c + 1, "to", "that") && (next.EndsWith("ing", StringComparison.OrdinalIgnoreCase) || IsPreposition(c + 1)
                || IsAnyWord(c + 1, VerbAfterNoun));
        }

        private bool IsPassive(int c, int lo)
        {
            var i = c - 1;
            while (i >= lo && _toks[i].Kind == TokenKind.Word && _lex.CueModifierLookup.Contains(Word(i)) && !_lex.PassiveAuxiliaryLookup.Contains(Word(i)))
            {
                i--;
            }

            return i >= lo && _toks[i].Kind == TokenKind.Word && _lex.PassiveAuxiliaryLookup.Contains(Word(i));
        }

        private bool IsInfinitive(int c, int lo) => c - 1 >= lo && IsWord(c - 1, "to");

        private bool EndsWithColonAfter(int c)
        {
            var j = SkipAdjuncts(c + 1);
            return j == N - 1 && IsPunct(j, ':');
        }

        private int? NextParagraphQuote()
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

        // Title Case units ("Bush Says We Should Pay Attention") may capitalise a cue; elsewhere a
        // capitalised cue word is a name ("Islamic State", "Call of Duty").
        private bool IsHeadline()
        {
            int words = 0, capitals = 0;
            for (var k = 0; k < N; k++)
            {
                if (_toks[k].Kind == TokenKind.Word && !_toks[k].InQuote && Word(k).Length > 3)
                {
                    words++;
                    if (IsCapitalised(k))
                    {
                        capitals++;
                    }
                }
            }

            return words > 0 && capitals * 4 >= words * 3;
        }

        // ---- token helpers -------------------------------------------------------------

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private ReadOnlySpan<char> Word(int i)
        {
            var token = _toks[i];
            return _text.AsSpan(token.Start, token.End - token.Start);
        }

        private bool IsWord(int i, string w)
        {
            if (i >= N)
            {
                return false;
            }

            var token = _toks[i];
            return token.Kind == TokenKind.Word && token.End - token.Start == w.Length
                && _text.AsSpan(token.Start, w.Length).Equals(w, StringComparison.OrdinalIgnoreCase);
        }

        // Closed-class word lists the constructions test, as sets: a word is looked up once rather than compared
        // with each member.
        // What a question reports when no answer was given: "did not say when …", "declined to say whether …".
        private static readonly WordSet QuestionWords = Words("when", "whether", "why", "how", "what", "who", "where", "if");

        private static readonly WordSet SubordinateOpeners = Words("while", "after", "although", "though", "when", "as", "because", "if", "since", "before", "unless", "whereas", "even", "once", "until");

        private static readonly WordSet Possessives = Words("his", "her", "its", "their", "our", "my", "your");

        private static readonly WordSet FormsOfBe = Words("is", "are", "was", "were", "am", "be", "been");

        private static readonly WordSet ParticipleOpeners = Words("while", "by", "after", "before", "when", "also", "even");

        private static readonly WordSet NumberUnits = Words("a.m", "p.m", "am", "pm", "percent", "per");

        private static readonly WordSet ClauseSubjects = Words("he", "she", "they", "we", "I", "it", "there");

        private static readonly WordSet ClauseStarts = Words("who", "whom", "whose", "which", "when", "while", "as", "because", "since", "although", "though", "if", "unless", "until", "where", "whereas", "and", "but");

        private static readonly WordSet Listeners = Words("him", "her", "them", "us", "me", "reporters", "journalists", "lawmakers", "supporters", "listeners", "viewers", "members");

        private static readonly WordSet NounsInLy = Words("family", "ally", "rally", "assembly", "supply", "reply", "anomaly", "monopoly", "belly", "bully", "jelly", "melancholy", "folly", "holly", "lily", "tally", "fly");

        private static readonly WordSet TimeWords = Words("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "yesterday", "today", "tonight", "week", "month", "year", "morning", "evening", "night", "weekend");

        private static readonly WordSet TimeModifiers = Words("on", "last", "this", "early", "late", "earlier");

        private static readonly WordSet BaseFormSubjects = Words("I", "we", "they", "you", "who", "people", "police", "many", "some", "others", "most", "both", "few", "all");

        private static readonly WordSet VerbAfterNoun = Words("which", "were", "was", "are", "is", "have", "has");

        private static readonly WordSet Conjunctions = Words("and", "but");

        private static WordSet Words(params string[] words) => new(words.ToFrozenSet(StringComparer.OrdinalIgnoreCase));

        private bool IsAnyWord(int i, WordSet words) => i < N && _toks[i].Kind == TokenKind.Word && words.Contains(Word(i));

        private bool IsAnyWord(int i, params ReadOnlySpan<string> words)
        {
            if (i >= N || _toks[i].Kind != TokenKind.Word)
            {
                return false;
            }

            // Most candidates differ in length: only those of the word's length are compared.
            var word = Word(i);
            foreach (var w in words)
            {
                if (w.Length == word.Length && word.Equals(w, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsPunct(int i, char c) => i >= 0 && i < N && _toks[i].Kind == TokenKind.Punctuation && _text[_toks[i].Start] == c;

        private bool IsDash(int i) => i >= 0 && i < N && _toks[i].Kind == TokenKind.Punctuation && _text[_toks[i].Start] is '\u2014' or '\u2013' or '\u2015' or '-';

        private bool IsTerminal(int i) => i >= 0 && i < N && _toks[i].Kind == TokenKind.Punctuation && _text[_toks[i].Start] is '.' or '!' or '?' && !IsAbbreviationDot(i);

        // "Ms. Epstein", "F.B.I. director", "James B. Comey": the period belongs to the word before it.
        private bool IsAbbreviationDot(int i)
        {
            if (i == 0 || _text[_toks[i].Start] != '.' || _toks[i - 1].Kind != TokenKind.Word || _toks[i - 1].End != _toks[i].Start || i + 1 >= N)
            {
                return false;
            }

            var word = Word(i - 1);
            return _lex.AbbreviationLookup.Contains(word) || _lex.TitleLookup.ContainsKey(word) || word.Contains('.')
                || (word.Length == 1 && char.IsUpper(word[0]));
        }

        private bool IsJoiner(int i) => _toks[i].Kind == TokenKind.Punctuation && _text[_toks[i].Start] is '.' or '-' or '&' or '\'' or '\u2019';

        private bool IsCapitalised(int i) => char.IsUpper(_text[_toks[i].Start]);

        private bool IsDeterminer(int i) => i < N && _toks[i].Kind == TokenKind.Word && _lex.DeterminerLookup.Contains(Word(i));

        private bool IsPreposition(int i) => i < N && _toks[i].Kind == TokenKind.Word && _lex.PrepositionLookup.Contains(Word(i));

        private bool IsStopWord(int i) => _toks[i].Kind == TokenKind.Word && _lex.ClauseBoundaryLookup.Contains(Word(i));

        private bool HasWord(int from, int to)
        {
            for (var k = from; k <= to; k++)
            {
                if (_toks[k].Kind == TokenKind.Word)
                {
                    return true;
                }
            }

            return false;
        }

        private int CountWords(int from, int to)
        {
            var n = 0;
            for (var k = from; k <= to; k++)
            {
                if (_toks[k].Kind is TokenKind.Word or TokenKind.Number)
                {
                    n++;
                }
            }

            return n;
        }

        // Drops closing punctuation that is not part of a quotation: the final period, a comma.
        private int LastNonPunctuation(int from, int to)
        {
            while (to >= from && _toks[to].Kind == TokenKind.Punctuation && !_toks[to].InQuote && _text[_toks[to].Start] is not ')' and not '%' and not '$')
            {
                to--;
            }

            return to;
        }

        private int TrailingPunctuation(int last)
        {
            while (last + 1 < N && _toks[last + 1].Kind == TokenKind.Punctuation && !_toks[last + 1].InQuote)
            {
                last++;
            }

            return last;
        }

        private int CloseTokenOf(QuoteRegion region) => IndexOfToken(region.Span.End - Math.Max(1, region.CloseLength));

        // Tokens are in text order: binary search.
        private int IndexOfToken(int offset) => OrderedSearch.IndexOfStart(new ArraySegment<Token>(_toks, 0, N), offset, t => t.Start);

        private TextSpan TokenSpan(int from, int to) => new(_toks[from].Start, _toks[to].End);
    }
}
