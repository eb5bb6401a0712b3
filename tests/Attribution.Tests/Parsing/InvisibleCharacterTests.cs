using Attribution.Text;

namespace Attribution.Tests.Parsing;

/// <summary>Zero-width and other invisible characters, which scraped web copy carries, count as white space.</summary>
public sealed class InvisibleCharacterTests
{
    [Theory]
    [InlineData('\u200B')] // zero-width space
    [InlineData('\u200C')] // zero-width non-joiner
    [InlineData('\u200D')] // zero-width joiner
    [InlineData('\u2060')] // word joiner
    [InlineData('\uFEFF')] // a byte order mark inside the text
    public void An_invisible_character_between_words_is_white_space(char invisible)
    {
        var story = $"The mayor said{invisible} the bridge would close.\n\n{invisible}\"We have no choice,\"{invisible} said Coun. Priya Nand.\n";
        var analysis = TestPack.Analyzer.Analyze(new SourceText("web.txt", story));
        var text = analysis.Document.Source;

        Assert.Collection(
            analysis.Document.Quotations,
            q => Assert.Equal("the bridge would close", text.ToString(q.Span)),
            q => Assert.Equal("Priya Nand", analysis.Sources[analysis.QuoteSources[1]].Name));
    }
}
