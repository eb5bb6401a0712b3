using System.Text.Json;
using Attribution.Analysis;
using Attribution.Reporting;
using Attribution.Tests.Cli;
using Attribution.Text;

namespace Attribution.Tests.Output;

/// <summary>
/// `check --format json` renders most documents on the workers and streams very long ones: the two paths
/// must write the same bytes, and a long story's JSON must never be held whole.
/// </summary>
public sealed class JsonStreamingTests : IDisposable
{
    private readonly TempFolder _temp = new("attribution-json-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_streamed_document_is_written_byte_for_byte_as_a_rendered_one()
    {
        var analyses = Directory.GetFiles(Path.Combine(TestPack.RepositoryRoot, "samples"), "*.txt").Order(StringComparer.Ordinal)
            .Select(path => TestPack.Analyzer.Analyze(new SourceText(Path.GetFileName(path), File.ReadAllText(path))))
            .ToList();
        Assert.True(analyses.Count >= 3);

        var rendered = Write(analyses, (writer, analysis, _) => writer.WriteRendered(JsonReportWriter.Render(analysis)));
        var mixed = Write(analyses, (writer, analysis, i) =>
        {
            if (i % 2 == 0)
            {
                writer.StreamDocument(analysis);
            }
            else
            {
                writer.WriteRendered(JsonReportWriter.Render(analysis));
            }
        });

        Assert.Equal(rendered, mixed);
        using var json = JsonDocument.Parse(mixed);
        Assert.Equal(analyses.Count, json.RootElement.GetProperty("documents").GetArrayLength());
    }

    // Render writes the spans' numbers pre-formatted (the writer checks nothing there); a writer that checks
    // the structure gets them a call at a time. Both must come to the same bytes.
    [Fact]
    public void A_rendered_document_is_written_byte_for_byte_as_one_written_call_by_call()
    {
        var analyses = Directory.GetFiles(Path.Combine(TestPack.RepositoryRoot, "samples")).Order(StringComparer.Ordinal)
            .Select(path => TestPack.Analyzer.Analyze(new SourceText(Path.GetFileName(path), File.ReadAllText(path))))
            .ToList();
        Assert.Contains(analyses, a => a.Document.Quotations.Any(q => q.Spans.Length > 1));
        Assert.Contains(analyses, a => a.Sources.Any(s => s.AnonymityReason is not null));

        var rendered = Write(analyses, (writer, analysis, _) => writer.WriteRendered(JsonReportWriter.Render(analysis)), indented: false);
        var called = Write(analyses, (writer, analysis, _) => writer.WriteDocument(analysis), indented: false);

        Assert.Equal(System.Text.Encoding.UTF8.GetString(called), System.Text.Encoding.UTF8.GetString(rendered));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_story_too_long_to_render_is_streamed_in_its_place_in_the_output()
    {
        var sample = File.ReadAllText(Path.Combine(TestPack.RepositoryRoot, "samples", "harbor-storm.txt"));
        var copies = JsonReportWriter.MaxRenderedLength / sample.Length + 1;
        var longStory = Path.Combine(_temp.Root, "b-long.txt");
        File.WriteAllText(longStory, string.Join("\n\n", Enumerable.Repeat(sample, copies)));
        var before = Path.Combine(_temp.Root, "a.txt");
        var after = Path.Combine(_temp.Root, "c.txt");
        File.WriteAllText(before, sample);
        File.WriteAllText(after, sample);

        var (code, stdout, stderr) = CliRunner.Run("check", "--format", "json", before, longStory, after);
        Assert.True(code is 0 or 1, stderr); // findings, not failures
        using var json = JsonDocument.Parse(stdout);
        var documents = json.RootElement.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(["a.txt", "b-long.txt", "c.txt"], documents.Select(d => Path.GetFileName(d.GetProperty("path").GetString())));
        var one = documents[0].GetProperty("quotes").GetArrayLength();
        Assert.Equal(one * copies, documents[1].GetProperty("quotes").GetArrayLength());
        Assert.DoesNotContain('\n', documents[1].GetRawText());
    }

    private static byte[] Write(List<DocumentAnalysis> analyses, Action<JsonReportWriter, DocumentAnalysis, int> write, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new JsonReportWriter(stream, indented))
        {
            for (var i = 0; i < analyses.Count; i++)
            {
                write(writer, analyses[i], i);
            }

            writer.Complete();
        }

        return stream.ToArray();
    }
}
