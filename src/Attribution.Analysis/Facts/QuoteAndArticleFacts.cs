using System.Collections.Frozen;

namespace Attribution.Analysis;

/// <summary>The facts a rule with <c>scope: quote</c> reads as <c>quote</c>.</summary>
public sealed record QuoteFacts
{
    // Word counts and the opinion check are worked out when a rule first reads them: most rules never do.
    private int _wordCount = -1;
    private int _hasOpinionWords = -1;

    /// <summary>direct, mixed or indirect.</summary>
    public string Kind { get; init; } = "direct";

    private string? _text;

    /// <summary>
    /// The quoted or reported words (the parts of a split quotation joined by a space), at most
    /// <see cref="MaxRuleText"/> characters of them: rules read the first million characters of a longer one.
    /// </summary>
    public string Text
    {
        // Cut from the story when a rule first reads it (most never do).
        get => _text ??= Source is null ? "" : Cut(Source, Parts);
        init => _text = value;
    }

    /// <summary>
    /// The most characters of a quotation a rule reads. A real quotation is a few hundred; the limit bounds the
    /// memory and time of every rule on a pathological one (an unclosed mark before a 60 MB paragraph).
    /// </summary>
    public const int MaxRuleText = 1_000_000;

    // The parts joined by a space, as SourceText.ToString(parts) joins them, stopping at MaxRuleText characters
    // (never inside a surrogate pair) without building the rest.
    private static string Cut(Attribution.Text.SourceText source, System.Collections.Immutable.ImmutableArray<Attribution.Text.TextSpan> parts)
    {
        var total = parts.Sum(p => p.Length) + Math.Max(0, parts.Length - 1);
        if (total <= MaxRuleText)
        {
            return source.ToString(parts);
        }

        var sb = new System.Text.StringBuilder(MaxRuleText);
        foreach (var part in parts)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            var take = Math.Min(part.Length, MaxRuleText - sb.Length);
            if (take > 0 && take < part.Length && char.IsHighSurrogate(source.Text[part.Start + take - 1]))
            {
                take--;
            }

            sb.Append(source.Text, part.Start, Math.Max(0, take));
            if (sb.Length >= MaxRuleText - 1)
            {
                break;
            }
        }

        return sb.ToString();
    }

    /// <summary>The story <see cref="Text"/> is cut from.</summary>
    internal Attribution.Text.SourceText? Source { get; init; }

    /// <summary>Where <see cref="Text"/> lies in <see cref="Source"/>.</summary>
    internal System.Collections.Immutable.ImmutableArray<Attribution.Text.TextSpan> Parts { get; init; } = [];

    /// <summary>The cue's words ("said"), or empty.</summary>
    public string Cue { get; init; } = "";

    /// <summary>The cue verb's base form ("claim"), or empty.</summary>
    public string CueLemma { get; init; } = "";

    /// <summary>neutral, loaded, non-speech, mental, or empty when there is no verb.</summary>
    public string CueClass { get; init; } = "";

    /// <summary>True when a cue was found.</summary>
    public bool HasCue { get; init; }

    /// <summary>True when a speaker mention is attached or inherited.</summary>
    public bool HasSource { get; init; }

    /// <summary>The source's type, or "unknown".</summary>
    public string SourceType { get; init; } = "unknown";

    /// <summary>The source's name, or empty.</summary>
    public string SourceName { get; init; } = "";

    /// <summary>The quotation continues an earlier speaker (a floating quote).</summary>
    public bool IsFloating { get; init; }

    /// <summary>The number of words in the quotation.</summary>
    public int WordCount
    {
        get => _wordCount >= 0 ? _wordCount : _wordCount = Words.Count(Text, null, out _);
        init => _wordCount = value;
    }

    /// <summary>The quotation stands as a sentence of its own (it covers most of the sentences it is in), not a phrase inside one.</summary>
    public bool IsStandalone { get; init; }

    /// <summary>The quotation is in the headline (a short first paragraph without a final period), whose claims the copy attributes.</summary>
    public bool IsInHeadline { get; init; }

    /// <summary>The opening quotation mark was never closed.</summary>
    public bool IsUnbalanced { get; init; }

    /// <summary>A floating quotation in a paragraph that quotes two or more different sources: whose words are these?</summary>
    public bool IsAmbiguousFloating { get; init; }

    /// <summary>The words judge or attack ("incompetent", "disaster", "should resign"), from the opinion lexicon.</summary>
    public bool HasOpinionWords
    {
        get
        {
            if (_hasOpinionWords < 0)
            {
                Words.Count(Text, OpinionWords, out var found);
                _hasOpinionWords = found ? 1 : 0;
            }

            return _hasOpinionWords == 1;
        }

        init => _hasOpinionWords = value ? 1 : 0;
    }

    /// <summary>The opinion lexicon <see cref="HasOpinionWords"/> looks in.</summary>
    internal FrozenSet<string>? OpinionWords { get; init; }

    /// <summary>The source is a group ("officials", "critics").</summary>
    public bool SourceIsPlural { get; init; }

    /// <summary>The source is anonymous by its own words (see <see cref="SourceFacts.IsExplicitlyAnonymous"/>).</summary>
    public bool SourceIsExplicitlyAnonymous { get; init; }
}

/// <summary>The facts a rule with <c>scope: article</c> reads as <c>article</c>.</summary>
public sealed record ArticleFacts
{
    /// <summary>The document path.</summary>
    public string Path { get; init; } = "";

    /// <summary>Quotations and attributions.</summary>
    public int QuoteCount { get; init; }

    /// <summary>Source entities.</summary>
    public int SourceCount { get; init; }

    /// <summary>Named sources.</summary>
    public int NamedSources { get; init; }

    /// <summary>Official sources.</summary>
    public int OfficialSources { get; init; }

    /// <summary>Anonymous sources.</summary>
    public int AnonymousSources { get; init; }

    /// <summary>Document sources.</summary>
    public int DocumentSources { get; init; }

    /// <summary>Quotations with no source.</summary>
    public int UnattributedQuotes { get; init; }

    /// <summary>The sources who could speak on the record: named, official and anonymous (<see cref="SourceMix.Speaking"/>).</summary>
    public int SpeakingSources { get; init; }

    /// <summary>
    /// Anonymous sources as a share of <see cref="SpeakingSources"/> (0 when there are none): the one share the
    /// summary and <c>attribution report</c> show too (<see cref="SourceMix.AnonymousShare"/>).
    /// </summary>
    public double AnonymousShare { get; init; }

    /// <summary><see cref="AnonymousShare"/> as people read it: "66.7%".</summary>
    public string AnonymousPercent => SourceMix.Percent(AnonymousShare);

    /// <summary>Sources anonymous by their own words ("a senior official", "sources familiar with").</summary>
    public int ExplicitlyAnonymousSources { get; init; }

    /// <summary>Explicitly anonymous sources / sources that are named, official or explicitly anonymous.</summary>
    public double ExplicitAnonymousShare { get; init; }

    private int _wordCount = -1;

    /// <summary>The number of words in the story.</summary>
    public int WordCount
    {
        get => _wordCount >= 0 ? _wordCount : _wordCount = Words.Count(StoryText, null, out _);
        init => _wordCount = value;
    }

    /// <summary>The story's text, which <see cref="WordCount"/> counts when a rule reads it.</summary>
    internal string StoryText { get; init; } = "";
}

/// <summary>Word counting for the facts: runs of letters and digits, with apostrophes and hyphens inside words.</summary>
internal static class Words
{
    /// <summary>Counts the words of <paramref name="text"/>; <paramref name="found"/> tells whether one is in <paramref name="lexicon"/>.</summary>
    public static int Count(string text, FrozenSet<string>? lexicon, out bool found)
    {
        found = false;
        var words = 0;
        var lookup = lexicon?.GetAlternateLookup<ReadOnlySpan<char>>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && (IsWordChar(text[i]) || text[i] is '\'' or '\u2019' or '-'))
            {
                i++;
            }

            if (i > start)
            {
                words++;
                if (lookup is { } l && !found && l.Contains(text.AsSpan(start, i - start)))
                {
                    found = true;
                }
            }
        }

        return words;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || (c > '\u007f' && char.IsLetterOrDigit(c));
}
