using Attribution.Analysis;
using Humanizer;

namespace Attribution.Reporting;

/// <summary>Counts over a run, and the sentence a person reads at the end of it.</summary>
public sealed class RunSummary
{
    private static Task? s_warmUp;

    private readonly Tally _counts = new();

    /// <summary>Documents analysed.</summary>
    public int Documents => _counts.Stories;

    /// <summary>Quotations found.</summary>
    public int Quotes => _counts.Quotes;

    /// <summary>Source entities.</summary>
    public int Sources => _counts.Sources;

    /// <summary>Anonymous sources with no stated reason.</summary>
    public int UnexplainedAnonymous => _counts.UnexplainedAnonymous;

    /// <summary>Inputs that could not be read.</summary>
    public int Failures => _counts.Unreadable;

    /// <summary>Findings suppressed in the source or accepted by the baseline.</summary>
    public int Quiet { get; private set; }

    /// <summary>Sources of a type.</summary>
    public int OfType(SourceType type) => _counts.OfType(type);

    /// <summary>Active findings of a severity.</summary>
    public int OfSeverity(Severity severity) => _counts.OfSeverity(severity);

    /// <summary>Adds a document's counts.</summary>
    public void Add(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        _counts.Add(analysis);
        Quiet += analysis.Diagnostics.Count(d => !d.IsActive && d.Severity != Severity.None);
    }

    /// <summary>Counts a document that could not be read.</summary>
    public void AddFailure() => _counts.AddUnreadable();

    /// <summary>"4 documents: 12 quotes from 5 sources: 2 named, 1 official, 2 anonymous; 1 anonymous source gives no reason".</summary>
    public string Sentence() => $"{"document".ToQuantity(Documents)}: {QuotesSentence()}";

    /// <summary>"12 quotes from 5 sources: 2 named, 1 official, 2 anonymous; 1 anonymous source gives no reason".</summary>
    public string QuotesSentence()
    {
        var types = new List<string>();
        foreach (var type in (SourceType[])[SourceType.Named, SourceType.Official, SourceType.Anonymous, SourceType.Document, SourceType.Unknown])
        {
            if (OfType(type) > 0)
            {
                types.Add($"{OfType(type)} {Analyzer.TypeName(type)}");
            }
        }

        var sentence = $"{"quote".ToQuantity(Quotes)} from {"source".ToQuantity(Sources)}";
        if (types.Count > 0)
        {
            sentence += ": " + string.Join(", ", types);
        }

        if (UnexplainedAnonymous > 0)
        {
            sentence += $"; {"anonymous source".ToQuantity(UnexplainedAnonymous)} {(UnexplainedAnonymous == 1 ? "gives" : "give")} no reason";
        }

        if (Failures > 0)
        {
            sentence += $"; {"input".ToQuantity(Failures)} could not be read";
        }

        return sentence;
    }

    /// <summary>
    /// Builds Humanizer's inflection tables (about 50 ms of regular expressions) on a pool thread while
    /// the rules load, for a run that will end with a summary. Idempotent.
    /// </summary>
    public static void WarmUp() => s_warmUp ??= Task.Run(() => "source".ToQuantity(2));

    /// <summary>"0 errors, 5 warnings, 4 suggestions; 2 suppressed or in the baseline".</summary>
    public string Findings() => _counts.Findings() + (Quiet > 0 ? $"; {Quiet} suppressed or in the baseline" : "");
}
