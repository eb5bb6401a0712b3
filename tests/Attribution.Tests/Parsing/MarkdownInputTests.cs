using Attribution.Inputs;
using Attribution.Text;

namespace Attribution.Tests.Parsing;

/// <summary>Markdown stories: quotations found in prose only, spans and lines pointing into the original file.</summary>
public sealed class MarkdownInputTests
{
    private const string Story = """
        ---
        author: "Staff," said the template.
        ---

        # Board *delays* vote

        Board member [Frank Osei](https://example.org/osei) **claimed** the draft understated the cost.

        ```
        "Consent agenda," said the clerk.
        ```

        > "We are not against change," one coach said.
        """;

    [Fact]
    public void Markup_is_blanked_in_place()
    {
        var prose = MarkdownText.Prose(Story);
        Assert.Equal(Story.Length, prose.Length);
        Assert.Equal(Story.Count(c => c == '\n'), prose.Count(c => c == '\n'));
        Assert.DoesNotContain("Consent agenda", prose, StringComparison.Ordinal);
        Assert.DoesNotContain("template", prose, StringComparison.Ordinal);
        Assert.DoesNotContain("https", prose, StringComparison.Ordinal);
        Assert.Contains("Board member  Frank Osei", prose, StringComparison.Ordinal);
        Assert.Contains("  claimed  ", prose, StringComparison.Ordinal);
    }

    [Fact]
    public void Quotations_and_diagnostics_point_into_the_original_file()
    {
        var analysis = TestPack.Analyzer.Analyze(new SourceText("story.md", MarkdownText.Prose(Story)) { Raw = Story });
        var quotes = analysis.Document.Quotations;
        Assert.Equal(2, quotes.Length);
        Assert.Equal("the draft understated the cost", Story[quotes[0].Span.Start..quotes[0].Span.End]);
        Assert.Equal("\"We are not against change,\"", Story[quotes[1].Span.Start..quotes[1].Span.End]);
        var loaded = Assert.Single(analysis.Diagnostics, d => d.Id == "AT4001");
        Assert.Equal("claimed", Story[loaded.Span.Start..loaded.Span.End]);
        Assert.Equal(new LinePosition(7, 55), analysis.Document.Source.GetLinePosition(loaded.Span.Start));
    }
}
