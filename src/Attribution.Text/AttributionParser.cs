using System.Collections.Frozen;
using Attribution.Text.Constructions;

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

    // The word constructions by the words they are tried at: built once per lexicon.
    private readonly WordMap<WordConstruction[]> _anchors;

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
        _anchors = new WordMap<WordConstruction[]>(Registry.AnchorTable(lexicon));
        string[] triggers = [.. Registry.Triggers(lexicon)];
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
        var state = new DocumentParser(text, _lexicon, _triggers, _anchors, regions, paragraphs);
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
    }}
