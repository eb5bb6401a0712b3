using System.Collections.Immutable;
using Attribution.Analysis.Binding;
using Attribution.Analysis.Configuration;
using Attribution.Text;

namespace Attribution.Analysis;

/// <summary>
/// The one home of facts. The binder finds who each source is and what its mentions say; here, once the sources
/// are classified, each source's facts are completed (type, anonymity reason) and the quote and article facts are
/// built. Rules only read them (<see cref="SourceFacts"/>, <see cref="QuoteFacts"/>, <see cref="ArticleFacts"/>),
/// and <see cref="DiagnosticEvaluator"/> only evaluates.
/// </summary>
internal sealed class StoryFacts
{
    private const int MaxParagraphForAmbiguity = 600;

    private StoryFacts(QuoteFacts[] quotes, ArticleFacts article)
    {
        Quotes = quotes;
        Article = article;
    }

    /// <summary>One per quotation, in the document's order.</summary>
    public QuoteFacts[] Quotes { get; }

    /// <summary>The story's.</summary>
    public ArticleFacts Article { get; }

    /// <summary>The quote and article facts of a story whose sources are classified.</summary>
    public static StoryFacts Build(ParsedDocument doc, ImmutableArray<Source> sources, ImmutableArray<int> quoteSources, LexiconSet lexicons) =>
        new(BuildQuoteFacts(doc, sources, quoteSources, lexicons), BuildArticleFacts(doc, sources, quoteSources));

    /// <summary>
    /// A bound entity as the source <paramref name="index"/> of type <paramref name="type"/>: its facts completed
    /// with the type and the anonymity reason, its own or the story's.
    /// </summary>
    public static Source CompleteSource(SourceBinder.BoundEntity entity, int index, SourceType type, ImmutableArray<AnonymityReason> storyReasons)
    {
        var reason = entity.Reason;

        // "Both officials who spoke on condition of anonymity did so in line with regulations."
        // A reason given apart from any quotation covers every anonymous source of the story.
        if (type == SourceType.Anonymous && reason is null && storyReasons.Length > 0 && entity.Facts.HasRoleNoun)
        {
            reason = storyReasons[0];
        }

        var facts = entity.Facts with
        {
            Type = Analyzer.TypeName(type),
            HasAnonymityReason = reason is not null,
            ReasonIsBoilerplate = reason?.Boilerplate ?? false,
            AnonymityReason = reason?.Text ?? "",
        };
        return new Source($"s{index + 1}", entity.Name, type, entity.Mentions, entity.Quotes, reason, facts)
        {
            Head = entity.Head,
            Owner = type == SourceType.Document && entity.Owner >= 0 ? $"s{entity.Owner + 1}" : null,
        };
    }

    private static QuoteFacts[] BuildQuoteFacts(ParsedDocument doc, ImmutableArray<Source> sources, ImmutableArray<int> quoteSources, LexiconSet lexicons)
    {
        var text = doc.Source.Text;
        var facts = new QuoteFacts[doc.Quotations.Length];
        var opinion = lexicons.Sources.Words(WordLists.OpinionWords);
        Dictionary<int, int>? speakersByParagraph = null;
        HashSet<int>? unbalanced = doc.UnbalancedMarks.Length == 0 ? null : [.. doc.UnbalancedMarks.Select(m => m.Start)];
        for (var q = 0; q < facts.Length; q++)
        {
            var quote = doc.Quotations[q];
            var source = quoteSources[q] >= 0 ? sources[quoteSources[q]] : null;
            var floating = quote.Cue is null && quote.Kind == QuotationKind.Direct;
            facts[q] = new QuoteFacts
            {
                Kind = Analyzer.KindName(quote.Kind),
                Source = doc.Source,
                Parts = quote.Spans,
                Cue = quote.Cue is { } c ? text.Substring(c.Start, c.Length).TrimEnd(':') : "",
                CueLemma = quote.Verb?.Lemma ?? "",
                CueClass = quote.Verb is { } v ? CueClassName(v.Class) : "",
                HasCue = quote.Cue is not null,
                HasSource = source is not null,
                SourceType = source is null ? "unknown" : Analyzer.TypeName(source.Type),
                SourceName = source?.Name ?? "",
                SourceIsPlural = source?.Facts.IsPlural ?? false,
                SourceIsExplicitlyAnonymous = source is { Type: SourceType.Anonymous } && source.Facts.IsExplicitlyAnonymous,
                IsFloating = floating,
                OpinionWords = opinion,
                IsUnbalanced = unbalanced?.Contains(quote.Span.Start) == true,
                IsStandalone = IsStandalone(doc, quote.Span),
                IsInHeadline = quote.Paragraph == 0 && doc.Paragraphs.Length > 1 && IsHeadline(text, doc.Paragraphs[0]),
                // Only in a paragraph of ordinary length: a very long one is an archive's flattened story,
                // where paragraph structure is lost and whose-words-these-are cannot be judged.
                IsAmbiguousFloating = floating && doc.Paragraphs[quote.Paragraph].Length <= MaxParagraphForAmbiguity
                    && (speakersByParagraph ??= SpeakersByParagraph(doc, quoteSources)).GetValueOrDefault(quote.Paragraph) >= 2,
            };
        }

        return facts;
    }

    // "Turkey deal 'to help world peace'": a short first line with no final period is a headline.
    private static bool IsHeadline(string text, TextSpan paragraph) =>
        paragraph.Length <= 160 && !text.AsSpan(paragraph.Start, paragraph.Length).Contains('\n') && text[paragraph.End - 1] is not '.';

    // "We lost everything." stands alone; the "world's greatest economist" is a phrase in a sentence.
    private static bool IsStandalone(ParsedDocument doc, TextSpan span)
    {
        // Sentences are in text order: start from the last one that begins at or before the quotation.
        var sentences = doc.Sentences;
        var first = Math.Max(0, OrderedSearch.LastAtOrBefore(sentences, span.Start, sentence => sentence.Start));
        var covered = 0;
        for (var i = first; i < sentences.Length && sentences[i].Start < span.End; i++)
        {
            if (sentences[i].OverlapsWith(span))
            {
                covered += sentences[i].Length;
            }
        }

        return covered > 0 && span.Length * 10 >= covered * 6;
    }

    // How many distinct sources each paragraph quotes, in one pass over the quotations (counted only when a
    // floating quotation needs it; a walk over all quotations per paragraph made a long story quadratic).
    private static Dictionary<int, int> SpeakersByParagraph(ParsedDocument doc, ImmutableArray<int> quoteSources)
    {
        var counts = new Dictionary<int, int>();
        var seen = new HashSet<(int Paragraph, int Source)>();
        for (var q = 0; q < doc.Quotations.Length; q++)
        {
            var paragraph = doc.Quotations[q].Paragraph;
            if (quoteSources[q] >= 0 && seen.Add((paragraph, quoteSources[q])))
            {
                counts[paragraph] = counts.GetValueOrDefault(paragraph) + 1;
            }
        }

        return counts;
    }

    private static ArticleFacts BuildArticleFacts(ParsedDocument doc, ImmutableArray<Source> sources, ImmutableArray<int> quoteSources)
    {
        // Plain loops: Count(predicate) over an ImmutableArray boxes it and allocates an enumerator, twice a story.
        var byType = new int[5];
        var explicitAnonymous = 0;
        foreach (var s in sources)
        {
            byType[(int)s.Type]++;
            if (s.Type == SourceType.Anonymous && (s.Facts.IsExplicitlyAnonymous || s.Facts.IsVagueDescriptor))
            {
                explicitAnonymous++;
            }
        }

        var unattributed = 0;
        foreach (var s in quoteSources)
        {
            if (s < 0)
            {
                unattributed++;
            }
        }

        var text = doc.Source.Text;
        var countable = byType[(int)SourceType.Named] + byType[(int)SourceType.Official] + explicitAnonymous;
        return new ArticleFacts
        {
            ExplicitlyAnonymousSources = explicitAnonymous,
            ExplicitAnonymousShare = countable == 0 ? 0 : (double)explicitAnonymous / countable,
            Path = doc.Source.Path,
            QuoteCount = doc.Quotations.Length,
            SourceCount = sources.Length,
            NamedSources = byType[(int)SourceType.Named],
            OfficialSources = byType[(int)SourceType.Official],
            AnonymousSources = byType[(int)SourceType.Anonymous],
            DocumentSources = byType[(int)SourceType.Document],
            UnattributedQuotes = unattributed,
            SpeakingSources = SourceMix.FromCounts(byType).Speaking,
            AnonymousShare = SourceMix.FromCounts(byType).AnonymousShare,
            StoryText = text,
        };
    }

    /// <summary>The lexicon name of a cue class.</summary>
    public static string CueClassName(CueClass c) => c switch
    {
        CueClass.Loaded => "loaded",
        CueClass.NonSpeech => "non-speech",
        CueClass.Mental => "mental",
        CueClass.Stance => "stance",
        _ => "neutral",
    };
}
