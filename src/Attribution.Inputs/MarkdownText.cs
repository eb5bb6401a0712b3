using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Attribution.Inputs;

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

    /// <summary>
    /// The most characters of nesting marks (spaces, tabs, <c>&gt;</c>, list bullets and numbers) a line may
    /// start with. Markdig gives up beyond 128 levels of nesting anyway, but its work before it does grows
    /// with the cube of the depth: 2,000 nested list items, 4 MB, took 26 s to be refused. A thousand
    /// characters allows any indented code a story holds and bounds that work to a fraction of a second.
    /// </summary>
    public const int MaxLinePrefix = 1000;

    /// <summary>The prose of <paramref name="markdown"/>, same length, non-prose blanked.</summary>
    /// <exception cref="FormatException">The Markdown is nested too deeply to read.</exception>
    public static string Prose(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (LongestLinePrefix(markdown) > MaxLinePrefix)
        {
            throw new FormatException($"Markdown nested too deeply to read: a line starts with more than {MaxLinePrefix:N0} spaces, tabs, '>' marks or list markers");
        }

        var chars = markdown.ToCharArray();
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException ex)
        {
            // Markdig's own depth limit (128 levels of blocks or of inline brackets and emphasis).
            throw new FormatException("Markdown nested too deeply to read: blocks, brackets or emphasis beyond Markdig's depth limit", ex);
        }

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

    // The longest run of nesting marks any line starts with.
    private static int LongestLinePrefix(string markdown)
    {
        var longest = 0;
        var run = 0;
        var atLineStart = true;
        foreach (var c in markdown)
        {
            if (c is '\n' or '\r')
            {
                atLineStart = true;
                run = 0;
            }
            else if (atLineStart && c is ' ' or '\t' or '>' or '-' or '*' or '+' or '.' or ')' or (>= '0' and <= '9'))
            {
                longest = Math.Max(longest, ++run);
            }
            else
            {
                atLineStart = false;
            }
        }

        return longest;
    }
}
