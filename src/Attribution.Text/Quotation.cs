using System.Collections.Immutable;

namespace Attribution.Text;

/// <summary>How the reported words are given.</summary>
public enum QuotationKind
{
    /// <summary>Verbatim, inside quotation marks.</summary>
    Direct,

    /// <summary>Paraphrase that carries a quoted fragment: said the plan was "in the works".</summary>
    Mixed,

    /// <summary>Reported speech without quotation marks: X said (that) ….</summary>
    Indirect,
}

/// <summary>One quotation or attribution found in a document.</summary>
/// <param name="Kind">Direct, mixed or indirect.</param>
/// <param name="Spans">The content parts; several for a split quotation ("…," she said, "…").</param>
/// <param name="Cue">The attribution verb or phrase, if any.</param>
/// <param name="Verb">The lexicon entry of the cue verb, if the cue is a verb.</param>
/// <param name="Speaker">The surface mention of the speaker attached to this quote, if any.</param>
/// <param name="ContinuesFrom">
/// Index of the earlier quotation whose speaker this one continues, or -1: a quotation with no attribution
/// of its own ('"A," she said. "B."', a further quoted paragraph), or one that shares its subject ("…, and
/// says …").
/// </param>
/// <param name="Paragraph">Index of the paragraph the quotation starts in.</param>
public sealed record Quotation(
    QuotationKind Kind,
    ImmutableArray<TextSpan> Spans,
    TextSpan? Cue,
    CueVerb? Verb,
    TextSpan? Speaker,
    int ContinuesFrom,
    int Paragraph)
{
    /// <summary>From the first part's start to the last part's end.</summary>
    public TextSpan Span => new(Spans[0].Start, Spans[^1].End);

    /// <summary>
    /// True for a quotation that continues an earlier speaker's with no attribution of its own ('"A," she
    /// said. "B."'): the JSON contract's <c>continues</c>.
    /// </summary>
    public bool IsContinuation => ContinuesFrom >= 0 && Cue is null && Speaker is null;

    /// <summary>
    /// Index of the quotation whose reported words hold this one ("a release said most workers said yes":
    /// the workers' attribution is within the release's), or -1: the JSON contract's <c>within</c>.
    /// </summary>
    public int Within { get; init; } = -1;
}

/// <summary>The parser's view of one document.</summary>
/// <param name="Source">The text.</param>
/// <param name="Paragraphs">Paragraph spans.</param>
/// <param name="Sentences">Sentence spans.</param>
/// <param name="QuoteRegions">Paired quotation marks (top level).</param>
/// <param name="UnbalancedMarks">Opening marks that never closed.</param>
/// <param name="Quotations">
/// Quotations and attributions in text order; they never overlap, but for one within another's reported words.
/// </param>
public sealed record ParsedDocument(
    SourceText Source,
    ImmutableArray<TextSpan> Paragraphs,
    ImmutableArray<TextSpan> Sentences,
    ImmutableArray<QuoteRegion> QuoteRegions,
    ImmutableArray<TextSpan> UnbalancedMarks,
    ImmutableArray<Quotation> Quotations)
{
    /// <summary>
    /// The cue that attributes quotation <paramref name="index"/>: its own, or for a floating quotation the
    /// cue of the attribution it continues (as its speaker is that attribution's speaker).
    /// </summary>
    public TextSpan? AttributingCue(int index)
    {
        // Along the chain: "A," she said. "B." "C." — C continues B, which continues A.
        var quote = Quotations[index];
        while (quote.Cue is null && quote.ContinuesFrom >= 0 && quote.ContinuesFrom < index)
        {
            index = quote.ContinuesFrom;
            quote = Quotations[index];
        }

        return quote.Cue;
    }
}
