using System.Collections.Frozen;

namespace Attribution.Text.Constructions;

/// <summary>
/// Every construction the parser knows, in the order it tries them. Per sentence (a unit: a sentence, or the
/// sentences a quotation runs across):
/// <list type="number">
/// <item><see cref="Sentence"/>, once each from the sentence's start: a label before a colon, then the outer
/// trailing attribution that reports everything before it.</item>
/// <item><see cref="Words"/>, at each word outside quotation marks that is one of their anchors; the first that
/// matches (or declines) wins, and the parse goes on after the match.</item>
/// <item><see cref="VerbShapes"/>, in that order, when the word is a speech verb.</item>
/// <item><see cref="Quotations"/>, on each quotation left unclaimed: signed with a dash, led in by a colon, inside a sentence whose subject speaks;
/// otherwise it floats, continuing the last speaker's quotation when it follows closely.</item>
/// </list>
/// A construction must be listed here to be tried (a test checks that every one is).
/// </summary>
internal static class Registry
{
    /// <summary>The sentence constructions, in order.</summary>
    public static readonly SentenceConstruction[] Sentence = [new ColonLabel(), new OuterTrailing()];

    /// <summary>The word constructions, in order.</summary>
    public static readonly WordConstruction[] Words = [new AccordingTo(), new AsPutIt(), new SpeechVerb()];

    /// <summary>The shapes of a clause around a speech verb, in order.</summary>
    public static readonly VerbConstruction[] VerbShapes = [new PassiveVerb(), new QuestionPut(), new Participle(), new FrontedVerb(), new InvertedVerb(), new TrailingVerb(), new ConjoinedVerb(), new SubjectVerb()];

    /// <summary>The constructions of a quotation no other claimed, in order.</summary>
    public static readonly QuotationConstruction[] Quotations = [new DashSignoff(), new ColonLeadIn(), new SubjectFrame()];

    /// <summary>The word constructions tried at every cue verb, in order (after the fixed-word ones).</summary>
    public static readonly WordConstruction[] AtCueVerbs = [.. Words.Where(c => c.AnchorsOnCueVerbs)];

    /// <summary>Every construction, in the order above.</summary>
    public static IEnumerable<Construction> All => [.. Sentence, .. Words, .. VerbShapes, .. Quotations];

    /// <summary>
    /// The word constructions by their fixed anchors ("according", "as"), each word's in the order above; those
    /// tried at cue verbs are <see cref="AtCueVerbs"/>.
    /// </summary>
    public static FrozenDictionary<string, WordConstruction[]> AnchorTable(Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var table = new Dictionary<string, List<WordConstruction>>(StringComparer.OrdinalIgnoreCase);
        foreach (var construction in Words)
        {
            if (construction.AnchorsOnCueVerbs && Words.SkipWhile(c => c != construction).Any(c => !c.AnchorsOnCueVerbs))
            {
                throw new InvalidOperationException($"{construction.Name} is tried at cue verbs, so it must come after every fixed-word construction");
            }

            foreach (var anchor in construction.Anchors(lexicon))
            {
                if (!table.TryGetValue(anchor, out var list))
                {
                    table[anchor] = list = [];
                }

                if (!list.Contains(construction))
                {
                    list.Add(construction);
                }
            }
        }

        return table.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every word a construction is triggered by: the parser's pass-over filter.</summary>
    public static IEnumerable<string> Triggers(Lexicon lexicon) => All.SelectMany(c => c.Triggers(lexicon)).Distinct(StringComparer.OrdinalIgnoreCase);
}
