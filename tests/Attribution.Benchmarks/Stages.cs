using Attribution.Analysis;
using Attribution.Analysis.Binding;
using Attribution.Analysis.Rules;
using Attribution.Text;

namespace Attribution.Benchmarks;

/// <summary>The corpus as documents and the pipeline's stages over the default rules, built once for a measurement.</summary>
internal sealed class Stages
{
    public Stages()
    {
        Texts = [.. Corpus.LoadTexts().Select((t, i) => new SourceText(i.ToString(System.Globalization.CultureInfo.InvariantCulture), t))];
        var pack = RulePack.Load(RulePack.DefaultDirectory);
        Parser = new AttributionParser(pack.Lexicons.Parser);
        Binder = new SourceBinder(pack.Lexicons);
        Analyzer = new Analyzer(pack);
    }

    /// <summary>Every corpus article (empty when ../shared/corpus is absent).</summary>
    public List<SourceText> Texts { get; }

    public AttributionParser Parser { get; }

    public SourceBinder Binder { get; }

    public Analyzer Analyzer { get; }

    /// <summary>The rules stage alone, over a parsed and bound document.</summary>
    public DocumentAnalysis ApplyRules(ParsedDocument doc, SourceBinder.Result bound) => Analyzer.ApplyRules(doc, bound, null, false);
}
