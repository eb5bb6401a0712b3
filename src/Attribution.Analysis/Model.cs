using System.Collections.Immutable;
using Attribution.Text;

namespace Attribution.Analysis;

/// <summary>The source taxonomy of DESIGN.md (a contract: the JSON names are the lower-case names).</summary>
public enum SourceType
{
    /// <summary>An individual identified by a personal name.</summary>
    Named,

    /// <summary>An institution or an office speaking on the record.</summary>
    Official,

    /// <summary>A person or group whose identity is withheld or unspecified.</summary>
    Anonymous,

    /// <summary>A written or recorded artifact.</summary>
    Document,

    /// <summary>The source cannot be determined.</summary>
    Unknown,
}

/// <summary>Why a source was granted anonymity, as the story puts it.</summary>
/// <param name="Span">Where the reason stands in the text.</param>
/// <param name="Text">The reason's words.</param>
/// <param name="Boilerplate">True for stock reasons ("not authorized to speak publicly").</param>
public sealed record AnonymityReason(TextSpan Span, string Text, bool Boilerplate);

/// <summary>A source entity: every mention of one speaker, with the quotations attributed to it.</summary>
/// <param name="Id">"s1", "s2", … in order of first mention.</param>
/// <param name="Name">The fullest mention.</param>
/// <param name="Type">The classification.</param>
/// <param name="Mentions">Every mention, in text order.</param>
/// <param name="Quotes">Indexes into <see cref="ParsedDocument.Quotations"/>.</param>
/// <param name="AnonymityReason">The reason given for anonymity, if any.</param>
/// <param name="Facts">The facts classification and diagnostic rules read.</param>
public sealed record Source(
    string Id,
    string Name,
    SourceType Type,
    ImmutableArray<TextSpan> Mentions,
    ImmutableArray<int> Quotes,
    AnonymityReason? AnonymityReason,
    SourceFacts Facts)
{
    /// <summary>The first mention without its appositive ("A senior official" of "A senior official, speaking …").</summary>
    public TextSpan Head { get; init; }

    /// <summary>For a document, the id of the source that issued it ("the union's release" → the union), or null.</summary>
    public string? Owner { get; init; }
}

/// <summary>Everything known about one document after binding and rules.</summary>
/// <param name="Document">The parse.</param>
/// <param name="Sources">Source entities.</param>
/// <param name="QuoteSources">For each quotation, the index of its source, or -1.</param>
/// <param name="Diagnostics">Findings, in text order.</param>
public sealed record DocumentAnalysis(
    ParsedDocument Document,
    ImmutableArray<Source> Sources,
    ImmutableArray<int> QuoteSources,
    ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The diagnostic rules that threw on this document and were skipped for it (a rule pack's bug).</summary>
    public ImmutableArray<RuleFailure> RuleFailures { get; init; } = [];
}

/// <summary>
/// A diagnostic rule whose expression threw on a document (<c>quote.Text.Substring(30, 40)</c> on a shorter
/// quotation), as Roslyn reports an analyzer's exception as AD0001 and goes on: the rule is skipped for
/// that document and the run ends with a rule error.
/// </summary>
/// <param name="Rule">The rule.</param>
/// <param name="Span">The quotation, source mention or paragraph it was evaluating.</param>
/// <param name="Message">The exception's message.</param>
public sealed record RuleFailure(Rules.DiagnosticRule Rule, TextSpan Span, string Message);

/// <summary>Roslyn's severities.</summary>
public enum Severity
{
    /// <summary>Not reported.</summary>
    None,

    /// <summary>Reported to tools only.</summary>
    Silent,

    /// <summary>A hint.</summary>
    Suggestion,

    /// <summary>Should be fixed.</summary>
    Warning,

    /// <summary>Fails the check.</summary>
    Error,
}

/// <summary>
/// The one place severities are spelt: the names rules, <c>.editorconfig</c>, <c>--fail-on</c> and every report
/// use, parsed and written here only.
/// </summary>
public static class SeverityNames
{
    /// <summary>The severity <paramref name="name"/> spells (lowercase, as Roslyn writes them), or null.</summary>
    public static Severity? Parse(string name) => name switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "suggestion" => Severity.Suggestion,
        "silent" => Severity.Silent,
        "none" => Severity.None,
        _ => null,
    };

    /// <summary>The name of <paramref name="severity"/>.</summary>
    public static string Name(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Suggestion => "suggestion",
        Severity.Silent => "silent",
        _ => "none",
    };
}

/// <summary>One finding.</summary>
/// <param name="Id">Rule ID, e.g. AT2001.</param>
/// <param name="Severity">Effective severity.</param>
/// <param name="Message">The rendered message.</param>
/// <param name="Span">Where it applies.</param>
public sealed record Diagnostic(string Id, Severity Severity, string Message, TextSpan Span)
{
    /// <summary>The rule's category.</summary>
    public string Category { get; init; } = "";

    /// <summary>The rule's help page.</summary>
    public string HelpUri { get; init; } = "";

    /// <summary>The edit that fixes the finding, if the rule offers one.</summary>
    public TextEdit? Fix { get; init; }

    /// <summary>Why the finding is suppressed in the source (an attribution-disable comment), or null.</summary>
    public string? SuppressionReason { get; init; }

    /// <summary>True when an attribution-disable comment covers the finding.</summary>
    public bool IsSuppressed => SuppressionReason is not null;

    /// <summary>True when a baseline file already accepts the finding.</summary>
    public bool IsBaselined { get; init; }

    /// <summary>A stable identity (rule, source, normalised text; not line numbers) for baselines and SARIF.</summary>
    public string Fingerprint { get; init; } = "";

    /// <summary>True when the finding counts: not suppressed, not in the baseline, and reported.</summary>
    public bool IsActive => !IsSuppressed && !IsBaselined && Severity != Severity.None;
}

/// <summary>Replace <paramref name="Span"/> with <paramref name="NewText"/>.</summary>
/// <param name="Span">The text to replace.</param>
/// <param name="NewText">The replacement.</param>
public sealed record TextEdit(TextSpan Span, string NewText);
