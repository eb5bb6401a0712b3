using Attribution.Text;

namespace Attribution.Tests.Parsing;

/// <summary>Runs every example of <c>Specs/*.md</c>: what the pipeline finds must match the expected lines.</summary>
public sealed class SpecTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var example in SpecExample.Load(SpecDirectory))
        {
            data.Add(example.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_matches_its_expected_quotations(string name)
    {
        var example = SpecExample.Load(SpecDirectory).Single(e => e.ToString() == name);
        var analysis = TestPack.Analyzer.Analyze(new SourceText("spec.txt", example.Input));
        var actual = SpecExample.Render(analysis);
        Assert.True(
            example.Expected == actual,
            $"{example.File}:{example.Line} {example.Section}\n--- input\n{example.Input}\n--- expected\n{example.Expected}--- actual\n{actual}");
    }

    [Fact]
    public void Every_spec_file_has_examples()
    {
        var files = Directory.GetFiles(SpecDirectory, "*.md");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            Assert.Contains(SpecExample.Load(SpecDirectory), e => e.File == Path.GetFileName(file));
        }
    }

    private static string SpecDirectory => Path.Combine(AppContext.BaseDirectory, "Specs");
}
