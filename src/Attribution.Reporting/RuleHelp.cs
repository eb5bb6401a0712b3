using Attribution.Analysis;
using Attribution.Analysis.Rules;
using Markdig;
using Markdig.Syntax;

namespace Attribution.Reporting;

/// <summary>
/// A rule's help page (<c>docs/rules/&lt;ID&gt;.md</c>), found where the program ships it or beside the rule's pack,
/// for SARIF's embedded help and the HTML page's inline help.
/// </summary>
public static class RuleHelp
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    /// <summary>The Markdown of the help page of <paramref name="rule"/>, or null when none ships.</summary>
    public static string? Markdown(DiagnosticRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Markdown(rule.Id, rule.HelpUri, rule.File);
    }

    /// <summary>
    /// The Markdown of the help page of rule <paramref name="id"/>: at <paramref name="helpUri"/> beside the program
    /// or two folders above <paramref name="ruleFile"/> (a pack's own docs), else <c>docs/rules/&lt;ID&gt;.md</c>
    /// beside the program; null when none is there.
    /// </summary>
    public static string? Markdown(string id, string helpUri, string? ruleFile)
    {
        List<string> candidates = [Path.Combine(AppContext.BaseDirectory, "docs", "rules", id + ".md")];
        if (helpUri.Length > 0 && !Uri.TryCreate(helpUri, UriKind.Absolute, out _))
        {
            candidates.Insert(0, Path.Combine(AppContext.BaseDirectory, helpUri));
            if (ruleFile is not null && Path.GetDirectoryName(ruleFile) is { } folder)
            {
                candidates.Insert(1, Path.Combine(folder, "..", "..", helpUri));
            }
        }

        foreach (var candidate in candidates)
        {
            if (FoundFiles.Length(candidate) > 0)
            {
                try
                {
                    return File.ReadAllText(candidate);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The next place, or none.
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The help page as HTML for inline display: its first heading (the ID and title, shown beside it already)
    /// left out, raw HTML in the Markdown shown as text, and links that lead nowhere from a saved page (relative
    /// ones) kept as their words only.
    /// </summary>
    public static string? Html(string id, string helpUri, string? ruleFile)
    {
        if (Markdown(id, helpUri, ruleFile) is not { } markdown)
        {
            return null;
        }

        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        if (document.Count > 0 && document[0] is Markdig.Syntax.HeadingBlock { Level: 1 } heading)
        {
            document.Remove(heading);
        }

        foreach (var link in document.Descendants<Markdig.Syntax.Inlines.LinkInline>().ToList())
        {
            if (!link.IsImage && !Uri.TryCreate(link.Url, UriKind.Absolute, out _) && !(link.Url ?? "").StartsWith('#'))
            {
                var words = new Markdig.Syntax.Inlines.ContainerInline();
                while (link.FirstChild is { } child)
                {
                    child.Remove();
                    words.AppendChild(child);
                }

                link.ReplaceBy(words);
            }
        }

        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }
}
