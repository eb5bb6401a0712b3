using System.Xml;
using System.Xml.Linq;
using Attribution.Text;

namespace Attribution.Inputs;

/// <summary>
/// NITF XML input (the News Industry Text Format wire services deliver): the headline (<c>hedline/hl1</c>)
/// and the paragraphs of <c>body.content</c> become the story, with every offset mapped back to the XML
/// file. The byline becomes the <c>author</c> field, <c>date.issue</c> the <c>date</c> and a
/// <c>meta name="desk"</c> (or the <c>pubdata</c> section) the <c>desk</c>, for <c>report --by</c>.
/// Document type declarations are ignored and nothing external is ever fetched.
/// </summary>
public static class NitfText
{
    /// <summary>
    /// How deep a document's elements may nest. NITF is a dozen deep; LINQ to XML's work for each element grows
    /// with its depth, so 20,000 nested paragraphs took a second and 100,000 over a minute.
    /// </summary>
    public const int MaxDepth = 512;

    /// <summary>
    /// How many attributes one element may have. .NET's XML reader checks each new attribute against those before
    /// it, so 400,000 on one element took 19 s; NITF elements have a handful.
    /// </summary>
    public const int MaxAttributes = 1_000;

    /// <summary>The prose and metadata of <paramref name="xml"/>, or an error message.</summary>
    public static (SourceText? Text, Dictionary<string, string> Metadata, string? Error) Extract(string path, string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (Markup.MostAttributes(xml) > MaxAttributes)
        {
            return (null, [], $"an XML element has more than {MaxAttributes:N0} attributes; not read");
        }

        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersFromEntities = 1 << 20 };
            using (var probe = XmlReader.Create(new StringReader(xml), settings))
            {
                // A reader alone takes constant work per element at any depth: it measures before the tree is built.
                while (probe.Read())
                {
                    if (probe.Depth > MaxDepth)
                    {
                        return (null, [], $"XML nested more than {MaxDepth} elements deep; not read");
                    }
                }
            }

            using var reader = XmlReader.Create(new StringReader(xml), settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException ex)
        {
            return (null, [], $"not well-formed XML: {ex.Message}");
        }

        if (document.Root is not { } root || root.Name.LocalName != "nitf")
        {
            return (null, [], $"not a NITF document (the root element is <{document.Root?.Name.LocalName}>, not <nitf>)");
        }

        var lineStarts = LineStarts(xml);
        var builder = new ProseBuilder(xml);
        foreach (var headline in Elements(root, "hl1"))
        {
            builder.AddBlock(Offset(headline, lineStarts), headline.Value);
        }

        foreach (var content in Elements(root, "body.content"))
        {
            foreach (var block in content.Descendants().Where(e => e.Name.LocalName is "p" or "hl2" or "li" or "bq" && !e.Ancestors().Any(a => a.Name.LocalName is "p" or "li" or "bq" && a != content)))
            {
                builder.AddBlock(Offset(block, lineStarts), block.Value);
            }
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var byline = Elements(root, "byline").FirstOrDefault()?.Value.Trim();
        HtmlText.AddMeta(metadata, "author", byline is not null && byline.StartsWith("by ", StringComparison.OrdinalIgnoreCase) ? byline[3..] : byline);
        HtmlText.AddMeta(metadata, "date", Elements(root, "date.issue").FirstOrDefault()?.Attribute("norm")?.Value);
        HtmlText.AddMeta(metadata, "desk", Elements(root, "meta").FirstOrDefault(m => (string?)m.Attribute("name") == "desk")?.Attribute("content")?.Value
            ?? Elements(root, "pubdata").FirstOrDefault()?.Attribute("position.section")?.Value);
        return builder.Blocks == 0
            ? (null, metadata, "the NITF document has no headline or body.content paragraphs")
            : (builder.Build(path), metadata, null);
    }

    private static IEnumerable<XElement> Elements(XElement root, string localName) => root.Descendants().Where(e => e.Name.LocalName == localName);

    // The offset of the element's '<' (XmlReader gives the line and the column of its name).
    private static int Offset(XElement element, List<int> lineStarts)
    {
        IXmlLineInfo info = element;
        if (!info.HasLineInfo() || info.LineNumber > lineStarts.Count)
        {
            return -1;
        }

        return lineStarts[info.LineNumber - 1] + info.LinePosition - 2;
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            if (text[i] is '\n' or '\r')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }
}
