using System.Text.Encodings.Web;
using System.Text.Json;
using Attribution.Analysis;
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

    private readonly Utf8JsonWriter _json;
    private readonly RulePack _pack;
    private readonly Dictionary<string, int> _ruleIndex;
    private readonly bool _withBaseline;
    private readonly List<InputFailure> _failures = [];
    private bool _completed;

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
        _json.WriteString("informationUri", "https://example.invalid/attribution");
        _json.WriteStartArray("rules");
        foreach (var rule in _pack.Diagnostics)
        {
            _json.WriteStartObject();
            _json.WriteString("id", rule.Id);
            _json.WriteString("name", rule.Name);
            _json.WriteStartObject("shortDescription");
            _json.WriteString("text", rule.Title);
            _json.WriteEndObject();
            if (rule.Standard.Length > 0)
            {
                _json.WriteStartObject("fullDescription");
                _json.WriteString("text", rule.Standard);
                _json.WriteEndObject();
            }

            // SARIF wants an absolute helpUri; a pack's relative doc path travels as the help text instead.
            if (Uri.TryCreate(rule.HelpUri, UriKind.Absolute, out var help) && help.Scheme is "http" or "https")
            {
                _json.WriteString("helpUri", rule.HelpUri);
            }

            _json.WriteStartObject("help");
            _json.WriteString("text", rule.Standard.Length > 0 ? rule.Standard : rule.Title);
            if (HelpPage(rule) is { } page)
            {
                _json.WriteString("markdown", page);
            }

            _json.WriteEndObject();

            _json.WriteStartObject("defaultConfiguration");
            _json.WriteString("level", Level(rule.DefaultSeverity));
            _json.WriteBoolean("enabled", rule.DefaultSeverity != Severity.None);
            _json.WriteEndObject();
            _json.WriteStartObject("properties");
            _json.WriteString("category", rule.Category);
            _json.WriteEndObject();
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.WriteEndObject();

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

    // The rule's doc page when it ships beside the program (docs/rules/<ID>.md) or the rules folder.
    private static string? HelpPage(DiagnosticRule rule)
    {
        foreach (var candidate in (string[])[Path.Combine(AppContext.BaseDirectory, rule.HelpUri), Path.Combine(Path.GetDirectoryName(rule.File)!, "..", "..", rule.HelpUri)])
        {
            if (rule.HelpUri.Length > 0 && FoundFiles.Length(candidate) > 0)
            {
                return File.ReadAllText(candidate);
            }
        }

        return null;
    }

    // Relative paths with '/' separators, each segment escaped: a valid uri-reference.
    private static string ToUri(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    private void WriteMessage(string text)
    {
        _json.WriteStartObject("message");
        _json.WriteString("text", text);
        _json.WriteEndObject();
    }

    // "locations": [ { "physicalLocation": { "artifactLocation", "region"? } } ]
    private void WriteLocations(string uri, SourceText? source, TextSpan? span)
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

    private void WriteArtifact(string uri)
    {
        _json.WriteStartObject("artifactLocation");
        _json.WriteString("uri", uri);
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
