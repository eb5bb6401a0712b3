using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Attribution.Analysis.Inputs;

/// <summary>
/// Markdown input: the story's prose stays where it is and everything that is not prose — front matter,
/// code, heading and list markers, emphasis delimiters, link targets — is replaced by spaces. The text
/// keeps its length and its line breaks, so every span and line/column still points into the original
/// file. HTML (suppression comments included) is blanked too; suppressions are read from the original.
/// </summary>
public static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>The prose of <paramref name="markdown"/>, same length, non-prose blanked.</summary>
    public static string Prose(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var chars = markdown.ToCharArray();
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var block in document.Descendants<Block>())
        {
            switch (block)
            {
                case YamlFrontMatterBlock or CodeBlock or HtmlBlock:
                    Blank(chars, block.Span.Start, block.Span.End + 1);
                    break;
                case HeadingBlock heading when heading.Inline?.FirstChild is { } first:
                    Blank(chars, heading.Span.Start, first.Span.Start);
                    break;
                case ListItemBlock item when item.Count > 0:
                    Blank(chars, item.Span.Start, item[0].Span.Start);
                    break;
                case QuoteBlock quote:
                    BlankQuoteMarkers(chars, quote);
                    break;
            }
        }

        foreach (var inline in document.Descendants<Inline>())
        {
            switch (inline)
            {
                case CodeInline or AutolinkInline:
                    Blank(chars, inline.Span.Start, inline.Span.End + 1);
                    break;
                case HtmlInline:
                    Blank(chars, inline.Span.Start, inline.Span.End + 1);
                    break;
                case EmphasisInline emphasis:
                    Blank(chars, emphasis.Span.Start, emphasis.Span.Start + emphasis.DelimiterCount);
                    Blank(chars, emphasis.Span.End + 1 - emphasis.DelimiterCount, emphasis.Span.End + 1);
                    break;
                case LinkInline link when link.FirstChild is { } label && link.LastChild is { } last:
                    // [the report](https://…) → " the report              "
                    Blank(chars, link.Span.Start, label.Span.Start);
                    Blank(chars, last.Span.End + 1, link.Span.End + 1);
                    break;
            }
        }

        return new string(chars);
    }

    // Spaces over [start, end), line breaks kept so lines and columns do not move.
    private static void Blank(char[] chars, int start, int end)
    {
        for (var i = Math.Max(0, start); i < Math.Min(chars.Length, end); i++)
        {
            if (chars[i] is not ('\n' or '\r'))
            {
                chars[i] = ' ';
            }
        }
    }

    private static void BlankQuoteMarkers(char[] chars, QuoteBlock quote)
    {
        for (var i = Math.Max(0, quote.Span.Start); i <= Math.Min(chars.Length - 1, quote.Span.End); i++)
        {
            // The '>' that opens each line of the block quote.
            var lineStart = i == 0 || chars[i - 1] == '\n';
            if (!lineStart)
            {
                continue;
            }

            var j = i;
            while (j <= quote.Span.End && j < chars.Length && chars[j] is ' ' or '\t')
            {
                j++;
            }

            if (j < chars.Length && chars[j] == '>')
            {
                chars[j] = ' ';
            }
        }
    }
}
