namespace Attribution.Text.Constructions;

/// <summary>
/// One attribution construction of news copy ("…, X said", "according to X", "as X put it" …): what triggers it
/// and how it matches. Constructions hold no state; the parser (<see cref="DocumentParser"/>) tries them in the
/// order <see cref="Registry"/> lists them and builds its trigger table from what they declare. To add one,
/// write a sealed class deriving from the kind below that fits, list it in <see cref="Registry"/> where it
/// should be tried, and give it spec examples (<c>tests/Attribution.Tests/Specs</c>).
/// </summary>
internal abstract class Construction
{
    /// <summary>Its name in documentation and tests: "according-to".</summary>
    public abstract string Name { get; }

    /// <summary>
    /// The words one of which a sentence must hold for this construction to match: the parser passes over a
    /// sentence with none of any construction's words, no quotation mark and no colon without tokenizing it.
    /// Empty for a construction that starts from a quotation mark or a colon.
    /// </summary>
    public virtual IEnumerable<string> Triggers(Lexicon lexicon) => [];
}

/// <summary>Tried once per sentence, from its first token not yet attributed, before the word constructions.</summary>
internal abstract class SentenceConstruction : Construction
{
    /// <summary>The match over the tokens from <paramref name="lo"/>, or null.</summary>
    public abstract Match? Match(DocumentParser p, int lo, Match? previous);
}

/// <summary>Tried at each word outside quotation marks that is one of its anchors.</summary>
internal abstract class WordConstruction : Construction
{
    /// <summary>The words the construction is tried at ("according" for "according to").</summary>
    public abstract IEnumerable<string> Anchors(Lexicon lexicon);

    /// <summary>
    /// True when it is tried at every cue verb of the lexicon instead of at fixed words. The parser looks a
    /// word up among the fixed anchors first and among the cue verbs (a look-up the constructions share)
    /// after, so these come after every fixed-word construction in <see cref="Registry.Words"/>.
    /// </summary>
    public virtual bool AnchorsOnCueVerbs => false;

    /// <summary>
    /// The match anchored at token <paramref name="at"/>; null when the construction does not apply there, and
    /// <see cref="Text.Match.Declined"/> when it applies but finds nothing, so no later construction is tried there.
    /// </summary>
    public abstract Match? Match(DocumentParser p, int at, int lo, Match? previous);
}

/// <summary>
/// One shape of a clause around a speech verb ("…, X said", "said X", "X said that …"), tried in order once
/// <see cref="SpeechVerb"/> has found the verb and its cue.
/// </summary>
internal abstract class VerbConstruction : Construction
{
    /// <summary>True for the shape of a passive cue ("was described as"); the others are tried only on active ones.</summary>
    public virtual bool ReadsPassive => false;

    /// <summary>
    /// The match around <paramref name="cue"/>; null when this shape does not fit, so the next is tried, and
    /// <see cref="Text.Match.Declined"/> when the shape fits but reports nothing.
    /// </summary>
    public abstract Match? Match(DocumentParser p, in VerbCue cue, int lo, Match? previous);
}

/// <summary>Tried on a quotation no construction above claimed: who says it, if the words around it tell.</summary>
internal abstract class QuotationConstruction : Construction
{
    /// <summary>
    /// True when the quotation must read as speech for the construction to apply: not a scare quote, a title or
    /// a code name in running text.
    /// </summary>
    public virtual bool NeedsSpeech => true;

    /// <summary>
    /// True when what the sentence reports runs from the cue to the quotation's end, the quotation closing it
    /// ("admires Putin as a "strong leader"": the object and the quotation); false when it is the quotation alone.
    /// </summary>
    public virtual bool ReportsFromCue => false;

    /// <summary>The cue and speaker of <paramref name="region"/>, or null.</summary>
    public abstract (TextSpan Cue, TextSpan Speaker)? Match(DocumentParser p, QuoteRegion region);
}

/// <summary>A speech verb found in a sentence, with the words that belong to its cue.</summary>
/// <param name="Index">The verb's token (its particle's, for "called for").</param>
/// <param name="Start">The cue's first token: auxiliaries and adverbs before the verb ("has also said").</param>
/// <param name="Verb">The verb form.</param>
/// <param name="Span">The cue's characters.</param>
/// <param name="Progressive">True after a form of "be" ("is calling"): a finite verb, not a participle.</param>
/// <param name="Passive">True after a passive auxiliary ("was described", "has been criticized").</param>
internal readonly record struct VerbCue(int Index, int Start, CueVerb Verb, TextSpan Span, bool Progressive, bool Passive = false);
