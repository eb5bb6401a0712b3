using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Attribution.Text;

namespace Attribution.Inputs;

/// <summary>
/// HTML input: the article body's paragraphs, parsed by AngleSharp as a browser would, with scripts,
/// styles, navigation, headers, footers, asides, forms and figures left out. The story body is the
/// page's <c>[itemprop=articleBody]</c>, else its <c>article</c>, else <c>main</c>, else <c>body</c>;
/// its headline (<c>h1</c>), paragraphs, list items and block quotes become the story's paragraphs.
/// Every offset maps back to the HTML file. The page's author, date and section meta tags become the
/// document's <c>author</c>, <c>date</c> and <c>desk</c> fields for <c>report --by</c>.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Excluded = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "nav", "header", "footer", "aside", "form", "figure", "button", "select", "svg",
    };

    /// <summary>
    /// How deep a page's elements may nest. An article is a few dozen deep; the tree builder's work for each
    /// element grows with the depth, so 20,000 unclosed <c>&lt;div&gt;</c> took 8.5 s and 100,000 minutes.
    /// </summary>
    public const int MaxDepth = 512;

    /// <summary>
    /// How many elements a page may have. A news page has a few thousand; the tree costs a few hundred bytes per
    /// element, so 1.2 million (<c>&lt;p&gt;&lt;b&gt;&lt;i&gt;</c> 400,000 times, 3.6 MB) took 1.7 GB. The parse stops
    /// at the limit, its memory bounded by it.
    /// </summary>
    public const int MaxElements = 100_000;

    /// <summary>How many attributes one element may have (a tag has a handful).</summary>
    public const int MaxAttributes = 1_000;

    /// <summary>The prose of <paramref name="html"/> and the page's metadata.</summary>
    /// <exception cref="FormatException">The page nests elements more than <see cref="MaxDepth"/> deep, or has more
    /// than <see cref="MaxElements"/> elements or an element with more than <see cref="MaxAttributes"/> attributes.</exception>
    public static (SourceText Text, Dictionary<string, string> Metadata) Extract(string path, string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (Markup.MostAttributes(html) > MaxAttributes)
        {
            throw new FormatException($"an HTML element has more than {MaxAttributes:N0} attributes; not read");
        }

        IElement? previous = null;
        var elements = 0;
        var parser = new HtmlParser(new HtmlParserOptions
        {
            IsKeepingSourceReferences = true,
            OnCreated = (element, _) =>
            {
                // The element made before this one is in the tree by now: the parse stops at the first too deep.
                if (previous is not null && DeeperThan(previous, MaxDepth))
                {
                    throw new FormatException($"HTML nested more than {MaxDepth} elements deep (an unclosed tag, repeated?); not read");
                }

                if (++elements > MaxElements)
                {
                    throw new FormatException($"HTML with more than {MaxElements:N0} elements; not read (a news page has a few thousand)");
                }

                previous = element;
            },
        });
        var document = parser.ParseDocument(html);
        var body = document.QuerySelector("[itemprop=articleBody]")
            ?? document.QuerySelector("article")
            ?? document.QuerySelector("main")
            ?? (IElement?)document.Body
            ?? document.DocumentElement;

        var builder = new ProseBuilder(html);
        var headline = body.QuerySelector("h1") is null ? document.QuerySelector("article h1, main h1, h1") : null;
        if (headline is not null && !IsExcluded(headline))
        {
            AddBlock(builder, headline);
        }

        foreach (var block in body.QuerySelectorAll("h1, h2, h3, p, li, blockquote, pre, dd"))
        {
            // Containers of paragraphs are read through their paragraphs; excluded regions not at all.
            if (IsExcluded(block) || block.QuerySelector("p, li, blockquote") is not null || HasBlockAncestor(block, body))
            {
                continue;
            }

            AddBlock(builder, block);
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        AddMeta(metadata, "author", document.QuerySelector("meta[name=author]")?.GetAttribute("content"));
        AddMeta(metadata, "date", document.QuerySelector("meta[property='article:published_time'], meta[name=date], meta[itemprop=datePublished]")?.GetAttribute("content")
            ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime"));
        AddMeta(metadata, "desk", document.QuerySelector("meta[property='article:section'], meta[name=section]")?.GetAttribute("content"));
        return (builder.Build(path), metadata);
    }

    internal static void AddMeta(Dictionary<string, string> metadata, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            metadata[key] = value.Trim();
        }
    }

    private static void AddBlock(ProseBuilder builder, IElement block)
    {
        var text = new System.Text.StringBuilder();
        AppendText(block, text);
        builder.AddBlock(block.SourceReference is { } source ? source.Position.Position - 1 : -1, text.ToString());
    }

    // The block's text as the page shows it: text nodes in order, a line break for <br>, excluded elements skipped.
    private static void AppendText(INode node, System.Text.StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement e when e.LocalName == "br":
                    text.Append('\n');
                    break;
                case IElement e when !Excluded.Contains(e.LocalName):
                    AppendText(e, text);
                    break;
            }
        }
    }

    private static bool DeeperThan(IElement element, int depth)
    {
        var e = element;
        for (var level = 0; e is not null; level++, e = e.ParentElement)
        {
            if (level > depth)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsExcluded(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (Excluded.Contains(e.LocalName))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasBlockAncestor(IElement element, IElement body)
    {
        for (var e = element.ParentElement; e is not null && e != body; e = e.ParentElement)
        {
            if (e.LocalName is "p" or "li" or "blockquote" or "h1" or "h2" or "h3" or "pre" or "dd")
            {
                return true;
            }
        }

        return false;
    }
}
