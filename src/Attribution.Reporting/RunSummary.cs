using Attribution.Analysis;
using Humanizer;

namespace Attribution.Reporting;

/// <summary>Counts over a run, and the sentence a person reads at the end of it.</summary>
public sealed class RunSummary
{
    private static Task? s_warmUp;

    private readonly int[] _byType = new int[5];
    private readonly int[] _bySeverity = new int[5];

    /// <summary>Documents analysed.</summary>
    public int Documents { get; private set; }

    /// <summary>Quotations found.</summary>
    public int Quotes { get; private set; }

    /// <summary>Source entities.</summary>
    public int Sources { get; private set; }

    /// <summary>Anonymous sources with no stated reason.</summary>
    public int UnexplainedAnonymous { get; private set; }

    /// <summary>Inputs that could not be read.</summary>
    public int Failures { get; private set; }

    /// <summary>Findings suppressed in the source or accepted by the baseline.</summary>
    public int Quiet { get; private set; }

    /// <summary>Sources of a type.</summary>
    public int OfType(SourceType type) => _byType[(int)type];

    /// <summary>Active findings of a severity.</summary>
    public int OfSeverity(Severity severity) => _bySeverity[(int)severity];

    /// <summary>Adds a document's counts.</summary>
    public void Add(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        Documents++;
        Quotes += analysis.Document.Quotations.Length;
        Sources += analysis.Sources.Length;
        foreach (var s in analysis.Sources)
        {
            _byType[(int)s.Type]++;
            if (s.Type == SourceType.Anonymous && s.Facts.IsExplicitlyAnonymous && !s.Facts.HasAnonymityReason)
            {
                UnexplainedAnonymous++;
            }
        }

        foreach (var d in analysis.Diagnostics)
        {
            if (d.IsActive)
            {
                _bySeverity[(int)d.Severity]++;
            }
            else if (d.Severity != Severity.None)
            {
                Quiet++;
            }
        }
    }

    /// <summary>Counts a document that could not be read.</summary>
    public void AddFailure() => Failures++;

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
    public string Findings() =>
        $"{"error".ToQuantity(OfSeverity(Severity.Error))}, {"warning".ToQuantity(OfSeverity(Severity.Warning))}, {"suggestion".ToQuantity(OfSeverity(Severity.Suggestion))}"
        + (Quiet > 0 ? $"; {Quiet} suppressed or in the baseline" : "");
}
