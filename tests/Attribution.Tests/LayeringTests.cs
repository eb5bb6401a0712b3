using System.Reflection;

namespace Attribution.Tests;

/// <summary>Dependencies point one way (docs/architecture.md): the analysis never sees markup.</summary>
public sealed class LayeringTests
{
    [Fact]
    public void The_analysis_references_no_markup_parser_and_the_text_nothing_of_ours()
    {
        static string[] References(Assembly assembly) => [.. assembly.GetReferencedAssemblies().Select(a => a.Name!)];

        var analysis = References(typeof(Attribution.Analysis.Analyzer).Assembly);
        Assert.DoesNotContain(analysis, n => n.StartsWith("AngleSharp", StringComparison.Ordinal) || n.StartsWith("Markdig", StringComparison.Ordinal));
        Assert.DoesNotContain("Attribution.Inputs", analysis);
        Assert.DoesNotContain("Attribution.Reporting", analysis);

        var text = References(typeof(Attribution.Text.SourceText).Assembly);
        Assert.DoesNotContain(text, n => n.StartsWith("Attribution.", StringComparison.Ordinal));

        // The readers do use them: the test would pass vacuously if the names were wrong.
        var inputs = References(typeof(Attribution.Inputs.InputReader).Assembly);
        Assert.Contains(inputs, n => n.StartsWith("AngleSharp", StringComparison.Ordinal));
        Assert.Contains(inputs, n => n.StartsWith("Markdig", StringComparison.Ordinal));
    }
}
