using System.Collections.Immutable;
using Attribution.Analysis.Binding;
using Attribution.Analysis.Configuration;
using Attribution.Analysis.Rules;
using Attribution.Text;

namespace Attribution.Analysis;

/// <summary>
/// The pipeline for one document: parse, bind, classify. One analyzer is built per process and
/// shared by all threads; it holds only frozen lexicons and compiled rules.
/// </summary>
public sealed class Analyzer
{
    private readonly AttributionParser _parser;
    private readonly SourceBinder _binder;
    private readonly DiagnosticEvaluator _diagnostics;
    private readonly EffectiveConfiguration _defaults;

    /// <summary>Builds the pipeline for a loaded rule pack.</summary>
    public Analyzer(RulePack pack)
        : this(pack, DiagnosticEvaluator.DefaultRuleBudget)
    {
    }

    /// <summary>Builds the pipeline with <paramref name="ruleBudget"/> as the time one rule may take over one story.</summary>
    internal Analyzer(RulePack pack, TimeSpan ruleBudget)
    {
        ArgumentNullException.ThrowIfNull(pack);
        Pack = pack;
        _parser = new AttributionParser(pack.Lexicons.Parser);
        _binder = new SourceBinder(pack.Lexicons);
        _diagnostics = new DiagnosticEvaluator(pack, ruleBudget);
        _defaults = EffectiveConfiguration.Defaults(pack);
    }

    /// <summary>The rules in force.</summary>
    public RulePack Pack { get; }

    /// <summary>Analyses one document with the rule defaults. Never throws on any text.</summary>
    public DocumentAnalysis Analyze(SourceText text) => Analyze(text, null);

    /// <summary>Analyses one document under <paramref name="config"/> (null: rule defaults). Never throws on any text.</summary>
    /// <param name="text">The document.</param>
    /// <param name="config">Severities and options for this document.</param>
    /// <param name="includeDisabled">Evaluate rules whose severity is none too (for rule self-tests).</param>
    public DocumentAnalysis Analyze(SourceText text, EffectiveConfiguration? config, bool includeDisabled = false) =>
        Analyze(_parser.Parse(text), config, includeDisabled);

    /// <summary>Binds and classifies the sources of a parsed document and runs the diagnostic rules.</summary>
    /// <param name="doc">The parsed document.</param>
    /// <param name="config">Severities and options for this document (null: rule defaults).</param>
    /// <param name="includeDisabled">Evaluate rules whose severity is none too (for rule self-tests).</param>
    public DocumentAnalysis Analyze(ParsedDocument doc, EffectiveConfiguration? config = null, bool includeDisabled = false) =>
        ApplyRules(doc, _binder.Bind(doc), config, includeDisabled);

    /// <summary>The rules stage alone: classification of bound sources and the diagnostic rules (benchmarked apart).</summary>
    internal DocumentAnalysis ApplyRules(ParsedDocument doc, SourceBinder.Result bound, EffectiveConfiguration? config, bool includeDisabled)
    {
        var sources = ImmutableArray.CreateBuilder<Source>(bound.Entities.Length);
        for (var i = 0; i < bound.Entities.Length; i++)
        {
            var entity = bound.Entities[i];
            sources.Add(StoryFacts.CompleteSource(entity, i, Classify(entity.Facts), bound.StoryReasons));
        }

        var frozen = sources.MoveToImmutable();
        config ??= _defaults;
        ImmutableArray<RuleFailure> failures = [];
        var diagnostics = _diagnostics.HasRulesToRun(config, includeDisabled)
            ? _diagnostics.Evaluate(doc, frozen, bound.QuoteSources, StoryFacts.Build(doc, frozen, bound.QuoteSources, Pack.Lexicons), config, out failures, includeDisabled)
            : [];
        return new DocumentAnalysis(doc, frozen, bound.QuoteSources, diagnostics) { RuleFailures = failures };
    }

    /// <summary>The JSON name of a source type.</summary>
    public static string TypeName(SourceType type) => type switch
    {
        SourceType.Named => "named",
        SourceType.Official => "official",
        SourceType.Anonymous => "anonymous",
        SourceType.Document => "document",
        _ => "unknown",
    };

    /// <summary>The JSON name of a quotation's kind: direct, mixed or indirect.</summary>
    public static string KindName(QuotationKind kind) => kind switch
    {
        QuotationKind.Direct => "direct",
        QuotationKind.Mixed => "mixed",
        _ => "indirect",
    };

    private SourceType Classify(SourceFacts facts)
    {
        foreach (var rule in Pack.Classification)
        {
            if (rule.Predicate(facts))
            {
                return rule.Type;
            }
        }

        return SourceType.Unknown;
    }
}
