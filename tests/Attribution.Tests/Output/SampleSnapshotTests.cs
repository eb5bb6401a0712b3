using System.Text;
using Attribution.Inputs;
using Attribution.Reporting;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit;

namespace Attribution.Tests.Output;

/// <summary>The JSON contract for every bundled sample, compared with a reviewed snapshot.</summary>
public sealed class SampleSnapshotTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestPack.RepositoryRoot, "samples")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Json_output_of_each_sample_matches_its_snapshot(string sample)
    {
        var json = Render(Path.Combine(TestPack.RepositoryRoot, "samples", sample), sample);
        Snapshot.Match(JToken.Parse(json), new SnapshotNameExtension(sample.Replace('.', '_')));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sarif_output_of_each_sample_matches_its_snapshot(string sample)
    {
        var analysis = Analyze(sample);
        using var buffer = new MemoryStream();
        using (var writer = new SarifReportWriter(buffer, TestPack.Pack) { HelpBase = "https://attribution.example/docs/rules/" })
        {
            writer.WriteDocument(analysis);
            writer.Complete();
        }

        // The source root is this machine's current folder; the snapshot holds a stand-in for it.
        var root = new Uri(Path.TrimEndingDirectorySeparator(Environment.CurrentDirectory) + Path.DirectorySeparatorChar).AbsoluteUri;
        var sarif = Encoding.UTF8.GetString(buffer.ToArray()).Replace(root, "file:///current-folder/", StringComparison.Ordinal);
        Snapshot.Match(JToken.Parse(sarif), new SnapshotNameExtension(sample.Replace('.', '_')));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Text_output_of_each_sample_matches_its_snapshot(string sample)
    {
        var analysis = Analyze(sample);
        using var text = new StringWriter();
        using (var writer = new TextReportWriter(text))
        {
            writer.WriteDocument(analysis);
            writer.Complete();
        }

        Snapshot.Match(text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'), new SnapshotNameExtension(sample.Replace('.', '_')));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void GitHub_and_markdown_output_of_each_sample_match_their_snapshots(string sample)
    {
        var analysis = Analyze(sample);
        using var github = new StringWriter();
        using (var writer = new GitHubReportWriter(github))
        {
            writer.WriteDocument(analysis);
            writer.Complete();
        }

        using var markdown = new StringWriter();
        using (var writer = new MarkdownReportWriter(markdown, TestPack.Pack))
        {
            writer.WriteDocument(analysis);
            writer.Complete();
        }

        Snapshot.Match(new { github = Lines(github), markdown = Lines(markdown) }, new SnapshotNameExtension(sample.Replace('.', '_')));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Html_output_of_each_sample_matches_its_snapshot(string sample)
    {
        var analysis = Analyze(sample);
        using var html = new StringWriter();
        using (var writer = new HtmlReportWriter(html, TestPack.Pack))
        {
            writer.WriteDocument(analysis);
            writer.Complete();
        }

        Snapshot.Match(Lines(html).Select(l => l.Replace(ToolInfo.Version, "VERSION", StringComparison.Ordinal)), new SnapshotNameExtension(sample.Replace('.', '_')));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("html")]
    public void Archive_report_of_all_samples_matches_its_snapshot(string format)
    {
        // Each format with a different grouping, so the snapshots cover story rows, record fields and folders.
        var report = new ArchiveReport(format switch { "csv" => ArchiveGrouping.None, "json" => ArchiveGrouping.Desk, _ => ArchiveGrouping.Folder });
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, leaveOpen: true))
        {
            IArchiveReportWriter writer = format switch
            {
                "csv" => new CsvArchiveWriter(text, report.Grouping),
                "json" => new JsonArchiveWriter(buffer, report.Grouping),
                _ => new HtmlArchiveWriter(text),
            };
            using (writer)
            {
                foreach (var sample in Directory.GetFiles(Path.Combine(TestPack.RepositoryRoot, "samples")).Select(Path.GetFileName).Order(StringComparer.Ordinal))
                {
                    var input = Read(Path.Combine(TestPack.RepositoryRoot, "samples", sample!), "samples/" + sample);
                    var row = StoryRow.Of(TestPack.Analyzer.Analyze(input.Text!), input.Metadata, new SourceNames(TestPack.Analyzer.Pack.Lexicons));
                    writer.WriteStory(row);
                    report.Add(row);
                }

                writer.Complete(report);
            }
        }

        var output = Encoding.UTF8.GetString(buffer.ToArray()).Replace(ToolInfo.Version, "VERSION", StringComparison.Ordinal);
        Snapshot.Match(output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'), new SnapshotNameExtension(format));
    }

    [Fact]
    public void There_are_at_least_three_samples() => Assert.True(Samples().Count >= 3);

    private static string[] Lines(StringWriter writer) => writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    // As the CLI reads it: by extension (Markdown prose, HTML article body, NITF paragraphs).
    private static InputDocument Read(string path, string displayPath) =>
        InputReader.Interpret(InputReader.Decode(displayPath, File.ReadAllBytes(path)), InputReader.FormatOf(path));

    private static Attribution.Analysis.DocumentAnalysis Analyze(string sample)
    {
        var path = Path.Combine(TestPack.RepositoryRoot, "samples", sample);
        return TestPack.Analyzer.Analyze(Read(path, sample).Text!);
    }

    private static string Render(string path, string displayPath)
    {
        var input = Read(path, displayPath);
        Assert.Null(input.Error);
        using var buffer = new MemoryStream();
        using (var writer = new JsonReportWriter(buffer))
        {
            writer.WriteDocument(TestPack.Analyzer.Analyze(input.Text!));
            writer.Complete();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
