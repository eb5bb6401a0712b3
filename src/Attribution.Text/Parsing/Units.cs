namespace Attribution.Text;

/// <summary>A unit the parser reads at once: a sentence, or sentences a quotation runs across.</summary>
internal readonly record struct Unit(TextSpan Span, int Paragraph, int FirstRegion);

/// <summary>
/// One thread's reusable buffers for the unit being parsed: its tokens, and the cue verb each token
/// spells, looked up at most once because several constructions test the same words.
/// </summary>
internal sealed class UnitScratch
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

/// <summary>What a construction found: a quotation's kind, content, cue and speaker.</summary>
/// <param name="Kind">Direct, indirect or mixed.</param>
/// <param name="Content">The reported words, in one part or several.</param>
/// <param name="Cue">The cue's characters, when there is one.</param>
/// <param name="Verb">The speech verb, when the cue is one.</param>
/// <param name="Speaker">The speaker's characters, when named.</param>
/// <param name="LastToken">The last token the match covers: the parse goes on after it.</param>
/// <param name="ContinuesFrom">The quotation this one continues (the same speaker), or -1.</param>
internal sealed record Match(
    QuotationKind Kind,
    List<TextSpan> Content,
    TextSpan? Cue,
    CueVerb? Verb,
    TextSpan? Speaker,
    int LastToken,
    int ContinuesFrom)
{
    /// <summary>A construction applies but finds nothing: no later construction is tried at that word.</summary>
    public static readonly Match Declined = new(QuotationKind.Direct, [], null, null, null, -1, -1);

    /// <summary>The match, or null when there is none or the construction declined.</summary>
    public static Match? OrNull(Match? match) => ReferenceEquals(match, Declined) ? null : match;
}
