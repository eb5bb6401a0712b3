using System.Collections.Immutable;
using Attribution.Text.Constructions;

namespace Attribution.Text;

/// <summary>
/// Per-document state of the parse: the tokens of the current unit, the quotations so far, and the pieces the
/// constructions (<see cref="Constructions.Construction"/>) are built from. The constructions are tried in the
/// order <see cref="Constructions.Registry"/> lists them.
/// </summary>
internal sealed partial class DocumentParser
{
    internal const int MaxSpeakerWords = 16;

    internal const int MaxTailWords = 5;

    private readonly string _text;

    private readonly Lexicon _lex;

    private readonly WordSet? _triggers;

    // The word constructions by the words they are tried at (Registry.AnchorTable), behind the shape filter that
    // turns away nearly every other word before it is hashed.
    private readonly WordMap<WordConstruction[]> _anchors;

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

    public DocumentParser(string text, Lexicon lexicon, WordSet? triggers, WordMap<WordConstruction[]> anchors, List<QuoteRegion> regions, List<TextSpan> paragraphs)
    {
        _triggers = triggers;
        _anchors = anchors;
        _toks = _scratch.Tokens;
        _text = text;
        _lex = lexicon;
        _regions = regions;
        _paragraphs = paragraphs;
        _regionClaimed = new bool[regions.Count];
    }

    /// <summary>How many tokens the unit has.</summary>
    internal int N => _tokenCount;

    /// <summary>The unit's tokens (the first <see cref="N"/> of them).</summary>
    internal Token[] Tokens => _toks;

    /// <summary>The document's text.</summary>
    internal string Text => _text;

    /// <summary>The lexicon.</summary>
    internal Lexicon Lexicon => _lex;

    /// <summary>The document's quotation regions, in text order.</summary>
    internal List<QuoteRegion> Regions => _regions;

    /// <summary>The document's paragraphs.</summary>
    internal List<TextSpan> Paragraphs => _paragraphs;

    /// <summary>How many quotations the document has so far.</summary>
    internal int QuoteCount => _quotes.Count;

    /// <summary>The story's Title Case words, gathered when first asked for (a label in capitals).</summary>
    internal HashSet<string> TitleCaseWords => _titleCaseWords ??= TitleCaseWordsOf(_text);

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
        foreach (var construction in Registry.Sentence)
        {
            if (construction.Match(this, lo, previous) is { } sentence && TryAdd(sentence))
            {
                previous = sentence;
                lo = sentence.LastToken + 1;
            }
        }

        for (var i = lo; i < N; i++)
        {
            var t = _toks[i];
            if (t.Kind != TokenKind.Word || t.InQuote)
            {
                continue;
            }

            // The constructions anchored at this word, then those tried at any cue verb (Registry's order).
            Match? m = null;
            var done = false;
            if (_anchors.TryGetValue(Word(i), out var anchored))
            {
                m = TryAt(anchored, i, lo, previous, out done);
            }

            if (!done && CueAt(i, out _))
            {
                m = TryAt(Registry.AtCueVerbs, i, lo, previous, out _);
            }

            if (m is null || !TryAdd(m))
            {
                continue;
            }

            previous = m;
            lo = m.LastToken + 1;
            i = Math.Max(i, m.LastToken);
            AddNested(_quotes.Count - 1, m);

            // "Marc Andreessen, who backed Mr. Romney in 2012, said on Twitter that …": the relative clause's
            // attribution leaves its antecedent to the verb of the main clause.
            if (m.Speaker is { } relative && IndexOfToken(relative.Start) is var antecedent and >= 0)
            {
                var last = antecedent;
                while (last + 1 < N && _toks[last + 1].End <= relative.End)
                {
                    last++;
                }

                if (last > antecedent && IsAnyWord(last, WordLists.RelativePronouns))
                {
                    lo = antecedent;
                }
            }
        }

        AddFloatingQuotes();
    }

    // The first of the constructions that matches or declines at token i: its match (null when it declined).
    private Match? TryAt(WordConstruction[] constructions, int i, int lo, Match? previous, out bool done)
    {
        foreach (var construction in constructions)
        {
            if (construction.Match(this, i, lo, previous) is { } found)
            {
                done = true;
                return Match.OrNull(found);
            }
        }

        done = false;
        return null;
    }

    // Most sentences of a story neither quote nor attribute, and are passed over without being tokenized:
    // every construction below starts from a quotation mark, a colon or a trigger word (a cue verb,
    // "according", "put"). Runs of letters are never longer than the tokenizer's words, so no trigger
    // the constructions would see is missed; a unit let through that holds none is parsed as before.
    internal bool MayAttribute(Unit unit)
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
    internal bool IsFurniture(int paragraph)
    {
        if (paragraph != _furnitureParagraph)
        {
            _furnitureParagraph = paragraph;
            var span = _paragraphs[paragraph];
            _paragraphIsFurniture = IsFurnitureText(_text.AsSpan(span.Start, span.Length), _lex);
        }

        return _paragraphIsFurniture;
    }

    internal static bool IsFurnitureText(ReadOnlySpan<char> paragraph, Lexicon lexicon)
    {
        paragraph = paragraph.Trim();
        if (paragraph.Length > 200)
        {
            return false;
        }

        if (lexicon.Words(WordLists.FurnitureLines).GetAlternateLookup<ReadOnlySpan<char>>().Contains(paragraph.TrimEnd(".:\u2026 ")))
        {
            return true;
        }

        var colon = paragraph.IndexOf(':');
        return colon > 0 && lexicon.Words(WordLists.PromoLabels).GetAlternateLookup<ReadOnlySpan<char>>().Contains(paragraph[..colon].Trim());
    }

    internal void AddFloatingQuotes()
    {
        var unitLength = Math.Max(1, _unit.Span.Length);
        for (var r = _unit.FirstRegion; r < _regions.Count && _regions[r].Span.Start < _unit.Span.End; r++)
        {
            var region = _regions[r];
            if (_regionClaimed[r] || region.Span.Start < _unit.Span.Start || OverlapsExisting(region.Span))
            {
                continue;
            }

            // A quotation signed or led in (the constructions' order), else one that reads as speech floats: a scare
            // quote, a title, a code name or a nickname is none.
            (TextSpan Cue, TextSpan Speaker)? said = null;
            var content = region.Span;
            bool? speech = null;
            foreach (var construction in Registry.Quotations)
            {
                if (construction.NeedsSpeech && !(speech ??= ReadsAsSpeech(region)))
                {
                    continue;
                }

                if (construction.Match(this, region) is { } found)
                {
                    said = found;
                    if (construction.ReportsFromCue && TokenAfter(found.Cue) is var after && after < N && _toks[after].Start < region.Span.Start
                        && !OverlapsExisting(new TextSpan(_toks[after].Start, region.Span.End)))
                    {
                        content = new TextSpan(_toks[after].Start, region.Span.End);
                    }

                    break;
                }
            }

            if (said is null && CoordinatedWith(region) is var first and >= 0)
            {
                // "“Smart as hell,” Mosko wrote, and “full of s---.”": a further part of the same quotation.
                _regionClaimed[r] = true;
                _quotes[first] = _quotes[first] with { Spans = _quotes[first].Spans.Add(region.Span) };
                continue;
            }

            if (said is null && (!(speech ??= ReadsAsSpeech(region)) || IsTermAfterDeterminer(region)))
            {
                continue;
            }

            _regionClaimed[r] = true;
            if (said is { } attributed)
            {
                _quotes.Add(new Quotation(content == region.Span ? QuotationKind.Direct : QuotationKind.Mixed, [content], attributed.Cue, null, attributed.Speaker, -1, _unit.Paragraph));
                _lastAttributed = _quotes.Count - 1;
                continue;
            }

            // "A," he said. "B." / a further quoted paragraph: a quotation of its own that continues the
            // previous speaker's, with no cue or speaker of its own (its source is the one it continues).
            // "According to X, …" attributes information, not words: a later quotation does not inherit it.
            var continues = -1;
            if (region.Span.Length * 2 >= unitLength && _lastAttributed >= 0
                && _unit.Paragraph - _quotes[_lastAttributed].Paragraph <= 2 && _quotes[_lastAttributed].Verb is not null)
            {
                continues = _lastAttributed;
            }

            _quotes.Add(new Quotation(QuotationKind.Direct, [region.Span], null, null, null, continues, _unit.Paragraph));
        }
    }

    // The first token after a span of whole tokens.
    private int TokenAfter(TextSpan span)
    {
        var k = IndexOfToken(span.Start);
        while (k < N && _toks[k].Start < span.End)
        {
            k++;
        }

        return k;
    }

    private bool ReadsAsSpeech(QuoteRegion region) => IsSubstantial(region) && !IsNameInRunningText(region);

    // …, code named "Will of Victory," in Anbar / the "Big Dig" project: a short quotation in Title Case
    // that a word before it in the same sentence leads into names something; nobody says it.
    internal bool IsNameInRunningText(QuoteRegion region)
    {
        var open = IndexOfToken(region.Span.Start);
        if (open < 1 || _toks[open - 1].Kind != TokenKind.Word || _toks[open - 1].InQuote)
        {
            return false;
        }

        var (words, capitalised) = WordsInside(region);
        return words is > 0 and <= 5 && capitalised * 2 > words && char.IsUpper(_text[region.Inner.Start]);
    }

    // "Reid called Trump a “human leech” and a “spoiled brat.”", "“Smart as hell,” Mosko wrote in an email, and “full
    // of s---.”": a quotation joined by "and" or "or" to an attributed quotation earlier in the sentence is a further
    // part of it. The index of that quotation, or -1.
    private int CoordinatedWith(QuoteRegion region)
    {
        if (_quotes.Count == 0 || _quotes[^1] is not { Cue: not null } last || last.Span.Start < _unit.Span.Start || last.Span.End > region.Span.Start
            || last.Kind == QuotationKind.Indirect)
        {
            return -1;
        }

        var k = IndexOfToken(region.Span.Start) - 1;
        if (k >= 0 && IsAnyWord(k, WordLists.Articles))
        {
            k--;
        }

        return k > 0 && !_toks[k].InQuote && (IsWord(k, "and") || IsWord(k, "or")) && _toks[k - 1].End <= region.Span.Start
            && (_toks[k - 1].Kind == TokenKind.QuoteClose || IsPunct(k - 1, ',')) ? _quotes.Count - 1 : -1;
    }

    // "engaged in a "massive fraudulent scheme"", "placed in a separate "liquidating trust."", "referred to her "sex
    // tape."": a short quotation that a determiner leads into, past at most two modifiers, is a quoted term in the
    // writer's sentence. Said by no one there, it is no quotation of its own.
    internal bool IsTermAfterDeterminer(QuoteRegion region)
    {
        var open = IndexOfToken(region.Span.Start);
        for (var k = open - 1; k >= 0 && open - k <= 3 && !_toks[k].InQuote; k--)
        {
            if (IsDeterminer(k))
            {
                return WordsInside(region).Words is > 0 and <= 4;
            }

            if (_toks[k].Kind is not (TokenKind.Word or TokenKind.Number) || IsCapitalised(k) || IsStopWord(k) || IsPreposition(k) || CueAt(k, out _))
            {
                return false;
            }
        }

        return false;
    }

    // The words inside a quotation's marks, and how many of them start with a capital: runs of letters and
    // digits, with in-word marks ("don't", "U.S.-led").
    internal (int Words, int Capitalised) WordsInside(QuoteRegion region)
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

    internal bool IsSubstantial(QuoteRegion region)
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

    internal bool TryAdd(Match m)
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

        _quotes.Add(new Quotation(m.Kind, [.. m.Content], m.Cue, m.Verb, SpeakerBeforeCue(m.Speaker, m.Cue), m.ContinuesFrom, ParagraphOf(m.Content[0].Start)));
        _lastAttributed = _quotes.Count - 1;
        return true;
    }

    // "I've said", "She’s claiming": the contraction belongs to the cue, the pronoun alone is the speaker.
    private static TextSpan? SpeakerBeforeCue(TextSpan? speaker, TextSpan? cue) =>
        speaker is { } sp && cue is { } c && sp.Start < c.Start && sp.End > c.Start ? new TextSpan(sp.Start, c.Start) : speaker;

    // "A release said a majority of the workers said yes": an attribution of speech inside the reported words
    // of another is its own quotation, within the outer one.
    internal void AddNested(int outer, Match m)
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
            // A capitalised one is a name or starts a quotation's sentence. The forms of those verbs pass over nearly
            // every other word before a look-up.
            if (_toks[i].Kind != TokenKind.Word || _toks[i].InQuote || !char.IsLower(_text[_toks[i].Start])
                || !_lex.NestedSpeechForms.Contains(Word(i)) || !CueAt(i, out var verb) || !_lex.Words(WordLists.NestedSpeechLemmas).Contains(verb.Lemma) || verb.Tense == VerbTense.Participle
                || SpeechVerb.MatchCue(this, i, verb, first, null) is not { Speaker: { } speaker, Content: [var inner] } nested
                || inner.Start < content.Start || inner.End > content.End || speaker.Start < content.Start)
            {
                continue;
            }

            _quotes.Add(new Quotation(nested.Kind, [inner], nested.Cue, nested.Verb, SpeakerBeforeCue(speaker, nested.Cue), -1, _unit.Paragraph) { Within = outer });
            i = Math.Max(i, nested.LastToken);
        }
    }

    internal bool OverlapsExisting(TextSpan span)
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

    internal int ParagraphOf(int offset)
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

    internal QuotationKind KindOf(List<TextSpan> parts)
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

    internal bool IsRegionSpan(TextSpan part)
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
    internal int RegionStartingAt(int offset) => OrderedSearch.IndexOfStart(_regions, offset, r => r.Span.Start);

    internal bool ContainsRegion(TextSpan part)
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
}
