using System.Buffers;
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
    // A document's object is written by WriteDocumentObject alone, whose shape the tests check against the
    // schema: the writer need not check each call's place in the structure again (SkipValidation).
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly Utf8JsonWriter _json;
    private readonly Stream _output;
    private readonly List<InputFailure> _failures = [];
    private bool _completed;

    /// <summary>Starts a report on <paramref name="output"/>.</summary>
    public JsonReportWriter(Stream output, bool indented = true)
    {
        _output = output;
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
        WriteDocumentObject(_json, analysis);
        FlushIfFull(_json);
    }

    /// <summary>
    /// Serialises the document on the calling thread (a worker), so <see cref="Write"/> only copies bytes in
    /// input order; a document too long to hold its JSON (<see cref="MaxRenderedLength"/>) keeps its analysis
    /// and is streamed out when written.
    /// </summary>
    public PreparedDocument Prepare(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return analysis.Document.Source.Text.Length <= MaxRenderedLength ? new RenderedJson(Render(analysis)) : new PreparedDocument(analysis);
    }

    /// <summary>Writes a document <see cref="Prepare"/> returned: its bytes, or its JSON streamed out.</summary>
    public void Write(PreparedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document is RenderedJson rendered)
        {
            WriteRendered(rendered.Json);
        }
        else
        {
            StreamDocument(document.Analysis!);
        }
    }

    // What Prepare made of a document: its JSON, in an array from the pool that WriteRendered gives back.
    private sealed class RenderedJson(RenderedDocument json) : PreparedDocument(null)
    {
        public RenderedDocument Json => json;
    }

    /// <summary>
    /// Renders one document's JSON object on the calling thread, so workers can serialise in parallel
    /// while <see cref="WriteRendered"/> only copies bytes in input order.
    /// </summary>
    public static RenderedDocument Render(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);

        // One buffer and writer per thread, reused; the result is copied into an array from the shared pool,
        // which WriteRendered (or Dispose) gives back, so a run allocates no array per document.
        var buffer = t_buffer ??= new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
        var json = t_writer ??= new Utf8JsonWriter(buffer, Compact);
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        WriteDocumentObject(json, analysis);
        json.Flush();
        var rendered = new RenderedDocument(buffer.WrittenSpan);
        if (buffer.Capacity > MaxKeptBuffer)
        {
            t_buffer = null; // one huge document should not pin its buffer for the rest of the run
            t_writer = null;
        }

        return rendered;
    }

    /// <summary>
    /// Documents longer than this (in characters) are better written by <see cref="StreamDocument"/> than
    /// rendered into one buffer: their JSON runs to many megabytes.
    /// </summary>
    public const int MaxRenderedLength = 4 << 20;

    private const int MaxKeptBuffer = 16 << 20;

    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>
    /// Writes one document as <see cref="Render"/> followed by <see cref="WriteRendered"/> would, byte for
    /// byte, but straight to the output as it is serialised, for a document too long to hold its JSON.
    /// </summary>
    public void StreamDocument(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        _json.Flush();
        using var sink = new DocumentSink(_json, _output);
        using (var json = new Utf8JsonWriter(sink, Compact))
        {
            WriteDocumentObject(json, analysis);
        }
    }

    // The first bytes of a streamed document go through the report's writer as a raw value, so it writes the
    // separator and counts the document for the ones after it; the rest go straight to the output.
    private sealed class DocumentSink(Utf8JsonWriter report, Stream output) : Stream
    {
        private bool _started;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_started)
            {
                output.Write(buffer);
                return;
            }

            _started = true;
            report.WriteRawValue(buffer, skipInputValidation: true);
            report.Flush();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Flush() => output.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>Writes a document rendered by <see cref="Render"/>, and gives its bytes back to the pool.</summary>
    public void WriteRendered(RenderedDocument rendered)
    {
        // Passed on to the output 64 KB at a time, not a document at a time: one write instead of a few dozen, and
        // the writer clears its buffer once for them.
        _json.WriteRawValue(rendered.Span, skipInputValidation: true);
        FlushIfFull(_json);
        rendered.Dispose();
    }

    private static void WriteDocumentObject(Utf8JsonWriter json, DocumentAnalysis analysis)
    {
        var doc = analysis.Document;
        var source = doc.Source;
        json.WriteStartObject();
        json.WriteString(Names.Path, source.Path);

        json.WriteStartArray(Names.Quotes);
        for (var q = 0; q < doc.Quotations.Length; q++)
        {
            var quote = doc.Quotations[q];
            FlushIfFull(json);
            json.WriteStartObject();
            var textWritten = false;
            if (IsCompact(json))
            {
                textWritten = WriteQuoteHead(json, q + 1, KindTexts[(int)quote.Kind], source.ToOriginal(quote.Span), quote.Spans.Length == 1 ? source[quote.Span] : default);
            }
            else
            {
                WriteQuoteId(json, Names.Id, q + 1);
                json.WriteString(Names.Kind, KindTexts[(int)quote.Kind]);
                WriteSpan(json, Names.Span, source.ToOriginal(quote.Span));
            }

            if (quote.Spans.Length > 1)
            {
                json.WriteStartArray(Names.Spans);
                foreach (var part in quote.Spans.Select(source.ToOriginal))
                {
                    json.WriteStartObject();
                    json.WriteNumber(Names.Start, part.Start);
                    json.WriteNumber(Names.End, part.End);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            if (!textWritten)
            {
                // A slice of the story: no string per quotation, unless it has several parts.
                WriteText(json, quote.Spans.Length == 1 ? source[quote.Span] : source.ToString(quote.Spans));
            }

            // A continuation ('"A," she said. "B."') has no cue or speaker of its own; it names the quotation it
            // continues and shares its source.
            WriteTextSpan(json, Names.Cue, quote.IsContinuation ? null : doc.AttributingCue(q), source);
            WriteTextSpan(json, Names.Speaker, quote.Speaker, source);
            var sourceIndex = analysis.QuoteSources[q];
            if (sourceIndex >= 0)
            {
                json.WriteString(Names.Source, analysis.Sources[sourceIndex].Id);
            }
            else
            {
                json.WriteNull(Names.Source);
            }

            if (quote.IsContinuation)
            {
                WriteQuoteId(json, Names.Continues, quote.ContinuesFrom + 1);
            }

            if (quote.Within >= 0)
            {
                WriteQuoteId(json, Names.Within, quote.Within + 1);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray(Names.Sources);
        foreach (var s in analysis.Sources)
        {
            FlushIfFull(json);
            json.WriteStartObject();
            json.WriteString(Names.Id, s.Id);
            json.WriteString(Names.Name, s.Name);
            if (s.Facts.Role.Length > 0)
            {
                json.WriteString(Names.Role, s.Facts.Role);
            }

            json.WriteString(Names.Type, TypeTexts[(int)s.Type]);
            if (s.Owner is { } owner)
            {
                json.WriteString(Names.Owner, owner);
            }

            if (s.AnonymityReason is { } reason)
            {
                json.WriteStartObject(Names.AnonymityReason);
                var at = source.ToOriginal(reason.Span);
                json.WriteNumber(Names.Start, at.Start);
                json.WriteNumber(Names.End, at.End);
                json.WriteString(Names.Text, reason.Text);
                json.WriteBoolean(Names.Boilerplate, reason.Boilerplate);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull(Names.AnonymityReason);
            }

            json.WriteStartArray(Names.Mentions);
            foreach (var m in s.Mentions)
            {
                WriteTextSpanObject(json, m, source);
            }

            json.WriteEndArray();
            json.WriteStartArray(Names.Quotes);
            foreach (var q in s.Quotes)
            {
                WriteQuoteId(json, null, q + 1);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray(Names.Diagnostics);
        foreach (var d in analysis.Diagnostics)
        {
            var position = source.GetLinePosition(d.Span.Start);
            FlushIfFull(json);
            json.WriteStartObject();
            json.WriteString(Names.Id, d.Id);
            json.WriteString(Names.Severity, SeverityNames.Name(d.Severity));
            json.WriteString(Names.Message, d.Message);
            WriteSpan(json, Names.Span, source.ToOriginal(d.Span));
            json.WriteNumber(Names.Line, position.Line);
            json.WriteNumber(Names.Column, position.Column);

            // Extensions of the contract: help, identity, fix, suppression and baseline state.
            json.WriteString(Names.Category, d.Category);
            json.WriteString(Names.HelpUri, d.HelpUri);
            json.WriteString(Names.Fingerprint, d.Fingerprint);
            if (d.Fix is { } fix)
            {
                json.WriteStartObject(Names.Fix);
                var replaced = source.ToOriginal(fix.Span);
                json.WriteNumber(Names.Start, replaced.Start);
                json.WriteNumber(Names.End, replaced.End);
                json.WriteString(Names.Text, fix.NewText);
                json.WriteEndObject();
            }

            if (d.SuppressionReason is { } reason)
            {
                json.WriteStartObject(Names.Suppression);
                json.WriteString(Names.Kind, "inSource");
                json.WriteString(Names.Reason, reason);
                json.WriteEndObject();
            }

            if (d.IsBaselined)
            {
                json.WriteString(Names.BaselineState, "unchanged");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
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

    // A writer over a stream holds everything until it is flushed: a 50 MB story's 350 MB of JSON would
    // sit in memory. Passing pending bytes on between elements keeps that to a buffer's worth.
    private static void FlushIfFull(Utf8JsonWriter json)
    {
        if (json.BytesPending > 1 << 16)
        {
            json.Flush();
        }
    }

    private static void WriteSpan(Utf8JsonWriter json, JsonEncodedText name, TextSpan span)
    {
        if (IsCompact(json))
        {
            // {"start":S,"end":E} as one value: formatted here, copied by the writer.
            Span<byte> raw = stackalloc byte[MaxStartEnd + 2];
            raw[0] = (byte)'{';
            var n = 1 + FormatStartEnd(raw[1..], span);
            raw[n++] = (byte)'}';
            json.WritePropertyName(name);
            json.WriteRawValue(raw[..n], skipInputValidation: true);
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumber(Names.Start, span.Start);
        json.WriteNumber(Names.End, span.End);
        json.WriteEndObject();
    }

    // A writer of compact JSON that does not check the structure (Render's and StreamDocument's), to which
    // the spans' numbers are written pre-formatted: a third of the time rendering a document took went to
    // writing numbers and objects a call at a time. Any other writer gets the calls, and the same bytes.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsCompact(Utf8JsonWriter json) => json.Options.SkipValidation && !json.Options.Indented;

    // "id":"qN","kind":"K","span":{"start":S,"end":E}, a quotation's first properties, as one piece (see IsCompact),
    // and ,"text":"…" after them when the text is plain (IsPlainText); true when the text went in.
    private static bool WriteQuoteHead(Utf8JsonWriter json, int number, JsonEncodedText kind, TextSpan span, ReadOnlySpan<char> text)
    {
        var raw = Piece;
        "\"id\":\"q"u8.CopyTo(raw);
        var n = 7;
        System.Buffers.Text.Utf8Formatter.TryFormat(number, raw[n..], out var digits);
        n += digits;
        "\",\"kind\":\""u8.CopyTo(raw[n..]);
        n += 10;
        kind.EncodedUtf8Bytes.CopyTo(raw[n..]);
        n += kind.EncodedUtf8Bytes.Length;
        "\",\"span\":{"u8.CopyTo(raw[n..]);
        n += 10;
        n += FormatStartEnd(raw[n..], span);
        raw[n++] = (byte)'}';
        return WritePiece(json, raw, n, text);
    }

    // Writes raw[..n] as one raw value, with ,"text":"…" after it when the text is plain; true when it was.
    private static bool WritePiece(Utf8JsonWriter json, Span<byte> raw, int n, ReadOnlySpan<char> text)
    {
        var plain = IsPlainText(text);
        if (plain)
        {
            n += AppendPlainText(raw[n..], text);
        }

        json.WriteRawValue(raw[..n], skipInputValidation: true);
        return plain;
    }

    // Text the writer would copy as it is: printable ASCII but the quotation mark and the backslash, which the
    // relaxed encoder leaves unescaped (every other character goes to the writer). Most quotations and speakers
    // are, and written here they go into a story's JSON in the same raw piece as the numbers before them, with
    // no search for characters to escape and no transcoding a string at a time. Up to MaxPlainText characters,
    // so the piece fits its buffer (Piece).
    private static readonly SearchValues<char> PlainCharacters = SearchValues.Create(
        [.. Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).Where(c => c is not ('"' or '\\'))]);

    private const int MaxPlainText = 512;

    // The buffer a raw piece is put together in: one per thread, since a stack buffer this size would be cleared
    // on every call.
    [ThreadStatic]
    private static byte[]? t_piece;

    private static Span<byte> Piece => t_piece ??= new byte[MaxQuoteHead + MaxPlainText + 10];

    private static bool IsPlainText(ReadOnlySpan<char> text) =>
        !text.IsEmpty && text.Length <= MaxPlainText && !text.ContainsAnyExcept(PlainCharacters);

    // ,"text":"…" for plain text (IsPlainText) into buffer; returns its length.
    private static int AppendPlainText(Span<byte> buffer, ReadOnlySpan<char> text)
    {
        ",\"text\":\""u8.CopyTo(buffer);
        var n = 9;
        System.Text.Ascii.FromUtf16(text, buffer[n..], out var written);
        n += written;
        buffer[n++] = (byte)'"';
        return n;
    }

    // The longest "start":S,"end":E: two ints of up to eleven characters.
    private const int MaxStartEnd = 37;

    // "start":S,"end":E into buffer (at least MaxStartEnd bytes long); returns its length.
    private static int FormatStartEnd(Span<byte> buffer, TextSpan span)
    {
        "\"start\":"u8.CopyTo(buffer);
        var n = 8;
        System.Buffers.Text.Utf8Formatter.TryFormat(span.Start, buffer[n..], out var digits);
        n += digits;
        ",\"end\":"u8.CopyTo(buffer[n..]);
        n += 7;
        System.Buffers.Text.Utf8Formatter.TryFormat(span.End, buffer[n..], out digits);
        return n + digits;
    }

    private static void WriteTextSpan(Utf8JsonWriter json, JsonEncodedText name, TextSpan? span, SourceText source)
    {
        if (span is not { } s)
        {
            json.WriteNull(name);
            return;
        }

        json.WritePropertyName(name);
        WriteTextSpanObject(json, s, source);
    }

    private static void WriteTextSpanObject(Utf8JsonWriter json, TextSpan s, SourceText source)
    {
        var at = source.ToOriginal(s);
        json.WriteStartObject();
        if (IsCompact(json))
        {
            // The two properties go in as one raw piece, which the writer takes for a value; it checks nothing
            // and puts the comma before "text" as after any value.
            // Plain text (IsPlainText) goes in the same piece.
            var raw = Piece;
            if (WritePiece(json, raw, FormatStartEnd(raw, at), source[s]))
            {
                json.WriteEndObject();
                return;
            }
        }
        else
        {
            json.WriteNumber(Names.Start, at.Start);
            json.WriteNumber(Names.End, at.End);
        }

        WriteText(json, source[s]);
        json.WriteEndObject();
    }

    // Text longer than this is written in segments, each flushed on: escaping a whole 60 MB quotation at once
    // asked for a buffer of up to six times its length.
    private const int TextSegment = 1 << 16;

    // "text": the characters, in segments when they are long, so the writer's buffer stays small.
    private static void WriteText(Utf8JsonWriter json, ReadOnlySpan<char> text)
    {
        if (text.Length <= TextSegment)
        {
            json.WriteString(Names.Text, text);
            return;
        }

        json.WritePropertyName(Names.Text);
        while (text.Length > 0)
        {
            var length = Math.Min(TextSegment, text.Length);
            if (length < text.Length && char.IsHighSurrogate(text[length - 1]))
            {
                length--; // a surrogate pair stays in one segment
            }

            json.WriteStringValueSegment(text[..length], isFinalSegment: length == text.Length);
            text = text[length..];
            json.Flush();
        }
    }

    // "q12": the id of a quotation; a property when name is given, else an array value. The first ids are
    // encoded once, like the property names; a story with more quotations formats the rest on the stack.
    private static void WriteQuoteId(Utf8JsonWriter json, JsonEncodedText? name, int number)
    {
        if (number < QuoteIds.Length)
        {
            if (name is { } property)
            {
                json.WriteString(property, QuoteIds[number]);
            }
            else
            {
                json.WriteStringValue(QuoteIds[number]);
            }

            return;
        }

        Span<char> id = stackalloc char[12];
        id[0] = 'q';
        number.TryFormat(id[1..], out var digits, provider: System.Globalization.CultureInfo.InvariantCulture);
        if (name is { } named)
        {
            json.WriteString(named, id[..(digits + 1)]);
        }
        else
        {
            json.WriteStringValue(id[..(digits + 1)]);
        }
    }

    // The words for a quotation's kind and a source's type, by enum value, encoded once.
    private static readonly JsonEncodedText[] KindTexts = ByValue<QuotationKind>(Analyzer.KindName);

    // The longest quotation head (WriteQuoteHead): an int, the longest kind and the span. After KindTexts, which
    // it reads as the fields are set in order.
    private static readonly int MaxQuoteHead = 7 + 11 + 10 + KindTexts.Max(k => k.EncodedUtf8Bytes.Length) + 10 + MaxStartEnd + 1;

    private static readonly JsonEncodedText[] TypeTexts = ByValue<SourceType>(Analyzer.TypeName);

    private static JsonEncodedText[] ByValue<T>(Func<T, string> name)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var table = new JsonEncodedText[values.Max(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)) + 1];
        foreach (var v in values)
        {
            table[Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)] = JsonEncodedText.Encode(name(v));
        }

        return table;
    }

    private static readonly JsonEncodedText[] QuoteIds = [.. Enumerable.Range(0, 256).Select(n => JsonEncodedText.Encode(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"q{n}")))];

    // Property names encoded once: written as they are, with no escaping check or transcoding per use.
    private static class Names
    {
        public static readonly JsonEncodedText AnonymityReason = JsonEncodedText.Encode("anonymityReason");

        public static readonly JsonEncodedText BaselineState = JsonEncodedText.Encode("baselineState");

        public static readonly JsonEncodedText Boilerplate = JsonEncodedText.Encode("boilerplate");

        public static readonly JsonEncodedText Category = JsonEncodedText.Encode("category");

        public static readonly JsonEncodedText Column = JsonEncodedText.Encode("column");

        public static readonly JsonEncodedText Cue = JsonEncodedText.Encode("cue");

        public static readonly JsonEncodedText Diagnostics = JsonEncodedText.Encode("diagnostics");

        public static readonly JsonEncodedText End = JsonEncodedText.Encode("end");

        public static readonly JsonEncodedText Fingerprint = JsonEncodedText.Encode("fingerprint");

        public static readonly JsonEncodedText Fix = JsonEncodedText.Encode("fix");

        public static readonly JsonEncodedText HelpUri = JsonEncodedText.Encode("helpUri");

        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");

        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");

        public static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");

        public static readonly JsonEncodedText Mentions = JsonEncodedText.Encode("mentions");

        public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");

        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");

        public static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");

        public static readonly JsonEncodedText Quotes = JsonEncodedText.Encode("quotes");

        public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");

        public static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");

        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");

        public static readonly JsonEncodedText Continues = JsonEncodedText.Encode("continues");

        public static readonly JsonEncodedText Role = JsonEncodedText.Encode("role");

        public static readonly JsonEncodedText Owner = JsonEncodedText.Encode("owner");

        public static readonly JsonEncodedText Within = JsonEncodedText.Encode("within");

        public static readonly JsonEncodedText Sources = JsonEncodedText.Encode("sources");

        public static readonly JsonEncodedText Span = JsonEncodedText.Encode("span");

        public static readonly JsonEncodedText Spans = JsonEncodedText.Encode("spans");

        public static readonly JsonEncodedText Speaker = JsonEncodedText.Encode("speaker");

        public static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");

        public static readonly JsonEncodedText Suppression = JsonEncodedText.Encode("suppression");

        public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");

        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    }
}
