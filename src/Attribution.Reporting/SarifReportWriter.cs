using System.Text.Encodings.Web;
using System.Text.Json;
using Attribution.Analysis;
using Attribution.Analysis.Configuration;
using Attribution.Analysis.Rules;
using Attribution.Text;

namespace Attribution.Reporting;

/// <summary>
/// SARIF 2.1.0 for code scanning: one run, the rules with help, and a result per finding with its
/// region (lines, columns, character offsets), partial fingerprint, in-source suppression and reason,
/// baseline state and fix. Results stream as documents arrive; the tool block follows them.
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    private const string FingerprintKey = "attributionFingerprint/v1";
    private const string SourceRootId = "%SRCROOT%";

    /// <summary>
    /// Where rule help pages are when nothing else says: the <c>docs/rules/</c> folder that ships beside the program,
    /// as a file URI (the installed tool carries every bundled rule's page).
    /// </summary>
    public static string DefaultHelpBase => new Uri(Path.Combine(AppContext.BaseDirectory, "docs", "rules") + Path.DirectorySeparatorChar).AbsoluteUri;

    /// <summary>
    /// The address rule help pages are under: each rule's <c>helpUri</c> is this plus <c>&lt;ID&gt;.md</c> (a rule
    /// whose own helpUri is already absolute keeps it). Null: <see cref="DefaultHelpBase"/>.
    /// </summary>
    public string? HelpBase { get; init; }

    /// <summary>
    /// The folder relative input paths are relative to (declared as <c>%SRCROOT%</c> in <c>originalUriBaseIds</c>);
    /// null: the current folder. Absolute paths, and paths outside it, become <c>file://</c> URIs.
    /// </summary>
    public string? SourceRoot { get; init; }

    private readonly Utf8JsonWriter _json;
    private readonly RulePack _pack;
    private readonly Dictionary<string, int> _ruleIndex;
    private readonly bool _withBaseline;
    private readonly List<InputFailure> _failures = [];
    private bool _completed;
    private bool _rootUsed;

    /// <summary>Starts a log on <paramref name="output"/>.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="pack">The rules, for the tool's rule metadata.</param>
    /// <param name="withBaseline">True when a baseline was applied, so every result carries a baselineState.</param>
    public SarifReportWriter(Stream output, RulePack pack, bool withBaseline = false)
    {
        ArgumentNullException.ThrowIfNull(pack);
        _pack = pack;
        _withBaseline = withBaseline;
        _ruleIndex = pack.Diagnostics.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _json.WriteStartObject();
        _json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        _json.WriteString("version", "2.1.0");
        _json.WriteStartArray("runs");
        _json.WriteStartObject();
        _json.WriteStartArray("results");
    }

    /// <inheritdoc/>
    public void WriteDocument(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var source = analysis.Document.Source;
        var uri = ToUri(source.Path);
        foreach (var d in analysis.Diagnostics)
        {
            if (d.Severity == Severity.None)
            {
                continue;
            }

            _json.WriteStartObject();
            _json.WriteString("ruleId", d.Id);
            if (_ruleIndex.TryGetValue(d.Id, out var index))
            {
                _json.WriteNumber("ruleIndex", index);
            }

            _json.WriteString("level", Level(d.Severity));
            WriteMessage(d.Message);
            WriteLocations(uri, source, d.Span);
            _json.WriteStartObject("partialFingerprints");
            _json.WriteString(FingerprintKey, d.Fingerprint);
            _json.WriteEndObject();
            if (d.SuppressionReason is { } reason)
            {
                _json.WriteStartArray("suppressions");
                _json.WriteStartObject();
                _json.WriteString("kind", "inSource");
                _json.WriteString("status", "accepted");
                if (reason.Length > 0)
                {
                    _json.WriteString("justification", reason);
                }

                _json.WriteEndObject();
                _json.WriteEndArray();
            }

            if (_withBaseline)
            {
                _json.WriteString("baselineState", d.IsBaselined ? "unchanged" : "new");
            }

            if (d.Fix is { } fix)
            {
                _json.WriteStartArray("fixes");
                _json.WriteStartObject();
                _json.WriteStartObject("description");
                _json.WriteString("text", $"Replace with '{fix.NewText}'");
                _json.WriteEndObject();
                _json.WriteStartArray("artifactChanges");
                _json.WriteStartObject();
                WriteArtifact(uri);
                _json.WriteStartArray("replacements");
                _json.WriteStartObject();
                _json.WriteStartObject("deletedRegion");
                var deleted = source.ToOriginal(fix.Span);
                _json.WriteNumber("charOffset", deleted.Start);
                _json.WriteNumber("charLength", deleted.Length);
                _json.WriteEndObject();
                _json.WriteStartObject("insertedContent");
                _json.WriteString("text", fix.NewText);
                _json.WriteEndObject();
                _json.WriteEndObject();
                _json.WriteEndArray();
                _json.WriteEndObject();
                _json.WriteEndArray();
                _json.WriteEndObject();
                _json.WriteEndArray();
            }

            _json.WriteEndObject();
        }

        _json.Flush();
    }

    /// <inheritdoc/>
    public void WriteFailure(InputFailure failure) => _failures.Add(failure);

    /// <inheritdoc/>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        _json.WriteEndArray();
        _json.WriteStartObject("tool");
        _json.WriteStartObject("driver");
        _json.WriteString("name", ToolInfo.Name);
        _json.WriteString("version", ToolInfo.Version);
        _json.WriteString("semanticVersion", ToolInfo.Version);
        // The rule catalog beside the help pages: the page that tells what the tool checks.
        _json.WriteString("informationUri", HelpUri("README", ""));
        _json.WriteStartArray("rules");
        foreach (var rule in _pack.Diagnostics)
        {
            // GitHub code scanning requires a full description; a rule without a standard gives its title.
            var description = rule.Standard.Length > 0 ? rule.Standard : rule.Title;
            WriteDescriptor(new Descriptor(rule.Id, rule.Name, rule.Title, description, HelpUri(rule.Id, rule.HelpUri), RuleHelp.Markdown(rule), rule.DefaultSeverity, rule.Category));
        }

        // The engine's own finding in a story: a suppression comment naming no rule.
        const string Unknown = "A suppression comment or .editorconfig key names a rule, category, option or directive that does not exist, so it changes nothing.";
        WriteDescriptor(new Descriptor(LoadError.UnknownNameId, "UnknownRuleInSuppression", "Suppression comment or configuration key names no rule", Unknown,
            HelpUri(LoadError.UnknownNameId, ""), RuleHelp.Markdown(LoadError.UnknownNameId, "", null), Severity.Warning, "Engine"));

        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.WriteEndObject();

        // Declared when a location is relative to it.
        if (_rootUsed)
        {
            _json.WriteStartObject("originalUriBaseIds");
            _json.WriteStartObject(SourceRootId);
            _json.WriteString("uri", RootUri());
            _json.WriteEndObject();
            _json.WriteEndObject();
        }

        _json.WriteStartArray("invocations");
        _json.WriteStartObject();
        _json.WriteBoolean("executionSuccessful", _failures.Count == 0);
        _json.WriteStartArray("toolExecutionNotifications");
        foreach (var f in _failures)
        {
            _json.WriteStartObject();
            _json.WriteString("level", "error");
            WriteMessage(f.Message);
            WriteLocations(ToUri(f.Path), null, null);
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
    }

    /// <inheritdoc/>
    public void Dispose() => _json.Dispose();

    /// <summary>SARIF's level for a severity.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Suggestion => "note",
        _ => "none",
    };

    private sealed record Descriptor(string Id, string Name, string Title, string Description, string HelpUri, string? Markdown, Severity Level, string Category);

    // A reportingDescriptor: names, descriptions, help (text, page, address), default level and category.
    private void WriteDescriptor(Descriptor rule)
    {
        _json.WriteStartObject();
        _json.WriteString("id", rule.Id);
        _json.WriteString("name", rule.Name);
        _json.WriteStartObject("shortDescription");
        _json.WriteString("text", rule.Title);
        _json.WriteEndObject();
        _json.WriteStartObject("fullDescription");
        _json.WriteString("text", rule.Description);
        _json.WriteEndObject();
        _json.WriteString("helpUri", rule.HelpUri);
        _json.WriteStartObject("help");
        _json.WriteString("text", rule.Description);
        if (rule.Markdown is { } page)
        {
            _json.WriteString("markdown", page);
        }

        _json.WriteEndObject();
        _json.WriteStartObject("defaultConfiguration");
        _json.WriteString("level", Level(rule.Level));
        _json.WriteBoolean("enabled", rule.Level != Severity.None);
        _json.WriteEndObject();
        _json.WriteStartObject("properties");
        _json.WriteString("category", rule.Category);
        _json.WriteEndObject();
        _json.WriteEndObject();
    }

    /// <summary>The absolute help address of rule <paramref name="id"/>: its own when absolute, else under <see cref="HelpBase"/>.</summary>
    public string HelpUri(string id, string ownHelpUri)
    {
        if (Uri.TryCreate(ownHelpUri, UriKind.Absolute, out var own) && own.Scheme is "http" or "https")
        {
            return ownHelpUri;
        }

        var baseUri = HelpBase ?? DefaultHelpBase;
        return (baseUri.EndsWith('/') ? baseUri : baseUri + "/") + Uri.EscapeDataString(id) + ".md";
    }

    private string Root => Path.GetFullPath(SourceRoot ?? Environment.CurrentDirectory);

    private string RootUri() => new Uri(Path.TrimEndingDirectorySeparator(Root) + Path.DirectorySeparatorChar).AbsoluteUri;

    // A path inside the source root: relative, '/'-separated, each segment escaped, against %SRCROOT%. Any other
    // (absolute, outside the root): a file:// URI. Standard input and archive records ("<stdin>", "a.jsonl:3")
    // are named as they are, escaped.
    private (string Uri, bool Relative) ToUri(string path)
    {
        if (path.StartsWith('<'))
        {
            return (Uri.EscapeDataString(path), true);
        }

        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Root, full);
        if (Path.IsPathRooted(path) || Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return (new Uri(full).AbsoluteUri, false);
        }

        return (string.Join('/', relative.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString)), true);
    }

    private void WriteMessage(string text)
    {
        _json.WriteStartObject("message");
        _json.WriteString("text", text);
        _json.WriteEndObject();
    }

    // "locations": [ { "physicalLocation": { "artifactLocation", "region"? } } ]
    private void WriteLocations((string Uri, bool Relative) uri, SourceText? source, TextSpan? span)
    {
        _json.WriteStartArray("locations");
        _json.WriteStartObject();
        _json.WriteStartObject("physicalLocation");
        WriteArtifact(uri);
        if (source is not null && span is { } s)
        {
            WriteRegion(source, s, "region");
        }

        _json.WriteEndObject();
        _json.WriteEndObject();
        _json.WriteEndArray();
    }

    private void WriteArtifact((string Uri, bool Relative) uri)
    {
        _json.WriteStartObject("artifactLocation");
        _json.WriteString("uri", uri.Uri);
        if (uri.Relative)
        {
            _json.WriteString("uriBaseId", SourceRootId);
            _rootUsed = true;
        }

        _json.WriteEndObject();
    }

    private void WriteRegion(SourceText source, TextSpan span, string name)
    {
        var (start, end) = source.GetLineSpan(span);
        span = source.ToOriginal(span);
        _json.WriteStartObject(name);
        _json.WriteNumber("startLine", start.Line);
        _json.WriteNumber("startColumn", start.Column);
        _json.WriteNumber("endLine", end.Line);
        _json.WriteNumber("endColumn", end.Column);
        _json.WriteNumber("charOffset", span.Start);
        _json.WriteNumber("charLength", span.Length);
        _json.WriteEndObject();
    }
}
