using System.Collections.Immutable;

namespace Attribution.Analysis.Rules;

/// <summary>What a diagnostic rule looks at.</summary>
public enum RuleScope
{
    /// <summary>Each quotation (<c>quote</c>).</summary>
    Quote,

    /// <summary>Each source entity (<c>source</c>).</summary>
    Source,

    /// <summary>The whole story (<c>article</c>).</summary>
    Article,
}

/// <summary>Which part of the node a diagnostic points at.</summary>
public enum RuleTarget
{
    /// <summary>The node: the quotation, the source's first mention, the article's first line.</summary>
    Node,

    /// <summary>The cue of a quotation.</summary>
    Cue,

    /// <summary>The speaker mention of a quotation.</summary>
    Speaker,

    /// <summary>The opening quotation mark.</summary>
    Mark,

    /// <summary>
    /// A source's anonymity reason (for source rules): one finding per reason, however many sources one boilerplate
    /// sentence covers.
    /// </summary>
    Reason,
}

/// <summary>A fix a rule offers: replace a part of the node with words.</summary>
/// <param name="Replace">The part (only <c>cue</c> is supported).</param>
/// <param name="With">The replacement; verbs keep the cue's tense ("claims" → "says").</param>
public sealed record RuleFix(RuleTarget Replace, string With);

/// <summary>An example a rule carries: its text with inline markup, and whether it must be flagged.</summary>
/// <param name="Flagged">True for <c>flagged:</c>, false for <c>clean:</c>.</param>
/// <param name="Text">The text with <c>{|ID:span|}</c> markup.</param>
/// <param name="Line">The line of the example in the rule file.</param>
public sealed record RuleExample(bool Flagged, string Text, int Line);

/// <summary>One diagnostic rule (<c>rules/&lt;pack&gt;/&lt;ID&gt;.&lt;Name&gt;.yml</c>), compiled.</summary>
public sealed record DiagnosticRule
{
    /// <summary>The ID (AT2001).</summary>
    public required string Id { get; init; }

    /// <summary>The file name's second part (AnonymousSourceWithoutReason).</summary>
    public required string Name { get; init; }

    /// <summary>One-line title.</summary>
    public required string Title { get; init; }

    /// <summary>Category (Sourcing, Quotation, Balance, Style).</summary>
    public required string Category { get; init; }

    /// <summary>Severity when nothing configures it.</summary>
    public required Severity DefaultSeverity { get; init; }

    /// <summary>What the rule looks at.</summary>
    public required RuleScope Scope { get; init; }

    /// <summary>The condition's text.</summary>
    public required string When { get; init; }

    /// <summary>
    /// The options the rule's condition reads (<c>options.Number("max_anonymous_share", 0.5)</c>), by name, with
    /// their kind: "Number", "Flag" or "Text". A configured option the rule does not read is reported.
    /// </summary>
    public IReadOnlyDictionary<string, string> OptionKinds =>
        _optionKinds ??= OptionCalls().ToDictionary(g => g.Name, g => g.Kind, StringComparer.OrdinalIgnoreCase);

    /// <summary>The default of each option the condition reads, as written there ("0.5"), for <c>config --explain</c>.</summary>
    public IReadOnlyDictionary<string, string> OptionDefaults =>
        _optionDefaults ??= OptionCalls().ToDictionary(g => g.Name, g => g.Default, StringComparer.OrdinalIgnoreCase);

    private IReadOnlyDictionary<string, string>? _optionKinds;
    private IReadOnlyDictionary<string, string>? _optionDefaults;

    private IEnumerable<(string Name, string Kind, string Default)> OptionCalls() =>
        System.Text.RegularExpressions.Regex.Matches(When, @"\boptions\s*\.\s*(Number|Flag|Text)\s*\(\s*""([^""]+)""\s*,\s*(""[^""]*""|[^)\s]+)")
            .Select(m => (Name: m.Groups[2].Value, Kind: m.Groups[1].Value, Default: m.Groups[3].Value.Trim('"')))
            .DistinctBy(m => m.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The message template with <c>{scope.Property}</c> placeholders.</summary>
    public required string Message { get; init; }

    /// <summary>The newsroom standard the rule enforces.</summary>
    public string Standard { get; init; } = "";

    /// <summary>Where the rule's documentation lives.</summary>
    public string HelpUri { get; init; } = "";

    /// <summary>The part of the node the diagnostic points at.</summary>
    public RuleTarget Target { get; init; }

    /// <summary>The fix, if the rule offers one.</summary>
    public RuleFix? Fix { get; init; }

    /// <summary>Self-test examples.</summary>
    public ImmutableArray<RuleExample> Examples { get; init; } = [];

    /// <summary>The rule file.</summary>
    public required string File { get; init; }

    /// <summary>The line of the <c>when:</c> expression in <see cref="File"/> (0 when not known).</summary>
    public int Line { get; init; }

    /// <summary>The column of the <c>when:</c> expression in <see cref="File"/> (0 when not known).</summary>
    public int Column { get; init; }

    /// <summary>The compiled condition over (facts, options).</summary>
    public required Func<object, RuleOptions, bool> Predicate { get; init; }

    /// <summary>The compiled message renderer.</summary>
    public required Func<object, string> RenderMessage { get; init; }
}

/// <summary>
/// Options a rule reads, from <c>.editorconfig</c> (<c>attribution.AT3001.max_anonymous_share = 0.5</c>):
/// <c>options.Number("max_anonymous_share", 0.5)</c> in a rule expression.
/// </summary>
public sealed class RuleOptions
{
    private readonly IReadOnlyDictionary<string, string> _values;

    /// <summary>Creates options from raw values.</summary>
    public RuleOptions(IReadOnlyDictionary<string, string> values) => _values = values;

    /// <summary>No options set.</summary>
    public static RuleOptions Empty { get; } = new(new Dictionary<string, string>());

    /// <summary>A number option, or <paramref name="fallback"/> when unset or not a number.</summary>
    public double Number(string name, double fallback) =>
        _values.TryGetValue(name, out var v) && double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : fallback;

    /// <summary>A true/false option.</summary>
    public bool Flag(string name, bool fallback) =>
        _values.TryGetValue(name, out var v) && bool.TryParse(v, out var b) ? b : fallback;

    /// <summary>A text option.</summary>
    public string Text(string name, string fallback) => _values.TryGetValue(name, out var v) ? v : fallback;
}
