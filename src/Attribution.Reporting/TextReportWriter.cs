using Attribution.Analysis;
using Attribution.Text;

namespace Attribution.Reporting;

/// <summary>
/// Human output: <c>path(line,col): warning AT2001: message</c> (the MSBuild/Roslyn form), the line with
/// a caret under the span, then a summary in plain words. Colour only when asked (a terminal without
/// <c>NO_COLOR</c>).
/// </summary>
public sealed class TextReportWriter : IReportWriter
{
    private readonly TextWriter _out;
    private readonly bool _color;
    private readonly RunSummary _summary = new();

    /// <summary>Writes to <paramref name="output"/>, in colour when <paramref name="color"/> is true.</summary>
    public TextReportWriter(TextWriter output, bool color = false)
    {
        _out = output;
        _color = color;
    }

    /// <summary>The columns an excerpt line may fill (80 when 0 or unknown, and never under 40).</summary>
    public int Width { get; init; }

    /// <inheritdoc/>
    public void WriteDocument(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        _summary.Add(analysis);
        var source = analysis.Document.Source;
        foreach (var d in analysis.Diagnostics)
        {
            if (!d.IsActive)
            {
                continue;
            }

            var p = source.GetLinePosition(d.Span.Start);
            var severity = SeverityNames.Name(d.Severity);
            _out.WriteLine($"{DisplayName.Of(source.Path)}({p.Line},{p.Column}): {Paint(severity, SeverityColor(d.Severity))} {d.Id}: {d.Message}");
            WriteExcerpt(source, d.Span, p);
        }
    }

    /// <inheritdoc/>
    public void WriteFailure(InputFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        _summary.AddFailure();
    }

    /// <inheritdoc/>
    public void Complete()
    {
        _out.WriteLine(_summary.Sentence());
        _out.WriteLine(_summary.Findings());
        _out.Flush();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private static string SeverityColor(Severity severity) => severity switch
    {
        Severity.Error => "31",
        Severity.Warning => "33",
        _ => "36",
    };

    private string Paint(string text, string code) => _color ? $"\u001b[{code}m{text}\u001b[0m" : text;

    // The line with a caret under the span, as compilers show it:
    //     Vance claimed the budget was padded.
    //           ^~~~~~~
    private void WriteExcerpt(SourceText source, TextSpan span, LinePosition position)
    {
        // The file as written (the Markdown with its markup, the HTML with its tags), as a compiler shows it.
        var text = source.Original;
        span = source.ToOriginal(span);
        var lineStart = span.Start - (position.Column - 1);
        var lineEnd = text.IndexOfAny(['\r', '\n'], Math.Min(span.Start, text.Length));
        if (lineEnd < 0)
        {
            lineEnd = text.Length;
        }

        var line = text[lineStart..lineEnd];
        var from = position.Column - 1;

        // A long line: a window around the span that fits the width, with an ellipsis where it was cut.
        var room = Math.Max(40, Width > 0 ? Width : 80) - 4;
        var windowStart = 0;
        var windowEnd = line.Length;
        if (line.Length > room)
        {
            room -= 2;
            windowStart = Math.Clamp(from - (room / 4), 0, line.Length - room);
            windowEnd = windowStart + room;
        }

        var prefix = windowStart > 0 ? "…" : "";
        var suffix = windowEnd < line.Length ? "…" : "";
        _out.WriteLine("    " + prefix + line[windowStart..windowEnd].Replace('\t', ' ') + suffix);
        var width = Math.Max(1, Math.Min(Math.Min(span.Length, lineEnd - span.Start), windowEnd - from));
        _out.WriteLine("    " + new string(' ', prefix.Length + from - windowStart) + Paint("^" + new string('~', Math.Max(0, width - 1)), "32"));
    }
}
