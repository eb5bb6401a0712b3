using System.Text.Encodings.Web;
using System.Text.Json;
using Attribution.Analysis;
using Attribution.Text;

namespace Attribution.Reporting;

/// <summary>
/// Writes the JSON contract of DESIGN.md (<c>check --format json</c>), streaming one document at a
/// time. Documents that could not be read are listed under a top-level <c>errors</c> array.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    private readonly Utf8JsonWriter _json;
    private readonly List<InputFailure> _failures = [];
    private bool _completed;

    /// <summary>Starts a report on <paramref name="output"/>.</summary>
    public JsonReportWriter(Stream output, bool indented = true)
    {
        _json = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Indented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        _json.WriteStartObject();
        _json.WriteStartObject("tool");
        _json.WriteString("name", ToolInfo.Name);
        _json.WriteString("version", ToolInfo.Version);
        _json.WriteEndObject();
        _json.WriteStartArray("documents");
    }

    /// <inheritdoc/>
    public void WriteDocument(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var doc = analysis.Document;
        var source = doc.Source;
        _json.WriteStartObject();
        _json.WriteString("path", source.Path);

        _json.WriteStartArray("quotes");
        for (var q = 0; q < doc.Quotations.Length; q++)
        {
            var quote = doc.Quotations[q];
            _json.WriteStartObject();
            _json.WriteString("id", $"q{q + 1}");
            _json.WriteString("kind", quote.Kind switch
            {
                QuotationKind.Direct => "direct",
                QuotationKind.Mixed => "mixed",
                _ => "indirect",
            });
            WriteSpan("span", quote.Span);
            if (quote.Spans.Length > 1)
            {
                _json.WriteStartArray("spans");
                foreach (var part in quote.Spans)
                {
                    _json.WriteStartObject();
                    _json.WriteNumber("start", part.Start);
                    _json.WriteNumber("end", part.End);
                    _json.WriteEndObject();
                }

                _json.WriteEndArray();
            }

            _json.WriteString("text", quote.Spans.Length == 1 ? source.ToString(quote.Span) : string.Join(" ", quote.Spans.Select(source.ToString)));
            WriteTextSpan("cue", quote.Cue, source);
            WriteTextSpan("speaker", quote.Speaker, source);
            var sourceIndex = analysis.QuoteSources[q];
            if (sourceIndex >= 0)
            {
                _json.WriteString("source", analysis.Sources[sourceIndex].Id);
            }
            else
            {
                _json.WriteNull("source");
            }

            _json.WriteEndObject();
        }

        _json.WriteEndArray();

        _json.WriteStartArray("sources");
        foreach (var s in analysis.Sources)
        {
            _json.WriteStartObject();
            _json.WriteString("id", s.Id);
            _json.WriteString("name", s.Name);
            _json.WriteString("type", Analyzer.TypeName(s.Type));
            if (s.AnonymityReason is { } reason)
            {
                _json.WriteStartObject("anonymityReason");
                _json.WriteNumber("start", reason.Span.Start);
                _json.WriteNumber("end", reason.Span.End);
                _json.WriteString("text", reason.Text);
                _json.WriteBoolean("boilerplate", reason.Boilerplate);
                _json.WriteEndObject();
            }
            else
            {
                _json.WriteNull("anonymityReason");
            }

            _json.WriteStartArray("mentions");
            foreach (var m in s.Mentions)
            {
                WriteTextSpanObject(m, source);
            }

            _json.WriteEndArray();
            _json.WriteStartArray("quotes");
            foreach (var q in s.Quotes)
            {
                _json.WriteStringValue($"q{q + 1}");
            }

            _json.WriteEndArray();
            _json.WriteEndObject();
        }

        _json.WriteEndArray();

        _json.WriteStartArray("diagnostics");
        foreach (var d in analysis.Diagnostics)
        {
            var position = source.GetLinePosition(d.Span.Start);
            _json.WriteStartObject();
            _json.WriteString("id", d.Id);
            _json.WriteString("severity", SeverityName(d.Severity));
            _json.WriteString("message", d.Message);
            WriteSpan("span", d.Span);
            _json.WriteNumber("line", position.Line);
            _json.WriteNumber("column", position.Column);

            // Extensions of the contract: help, identity, fix, suppression and baseline state.
            _json.WriteString("category", d.Category);
            _json.WriteString("helpUri", d.HelpUri);
            _json.WriteString("fingerprint", d.Fingerprint);
            if (d.Fix is { } fix)
            {
                _json.WriteStartObject("fix");
                _json.WriteNumber("start", fix.Span.Start);
                _json.WriteNumber("end", fix.Span.End);
                _json.WriteString("text", fix.NewText);
                _json.WriteEndObject();
            }

            if (d.SuppressionReason is { } reason)
            {
                _json.WriteStartObject("suppression");
                _json.WriteString("kind", "inSource");
                _json.WriteString("reason", reason);
                _json.WriteEndObject();
            }

            if (d.IsBaselined)
            {
                _json.WriteString("baselineState", "unchanged");
            }

            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
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
        _json.WriteStartArray("errors");
        foreach (var f in _failures)
        {
            _json.WriteStartObject();
            _json.WriteString("path", f.Path);
            _json.WriteString("message", f.Message);
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
    }

    /// <inheritdoc/>
    public void Dispose() => _json.Dispose();

    /// <summary>The lower-case severity name of DESIGN.md.</summary>
    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Suggestion => "suggestion",
        Severity.Silent => "silent",
        _ => "none",
    };

    private void WriteSpan(string name, TextSpan span)
    {
        _json.WriteStartObject(name);
        _json.WriteNumber("start", span.Start);
        _json.WriteNumber("end", span.End);
        _json.WriteEndObject();
    }

    private void WriteTextSpan(string name, TextSpan? span, SourceText source)
    {
        if (span is not { } s)
        {
            _json.WriteNull(name);
            return;
        }

        _json.WritePropertyName(name);
        WriteTextSpanObject(s, source);
    }

    private void WriteTextSpanObject(TextSpan s, SourceText source)
    {
        _json.WriteStartObject();
        _json.WriteNumber("start", s.Start);
        _json.WriteNumber("end", s.End);
        _json.WriteString("text", source.ToString(s));
        _json.WriteEndObject();
    }
}
