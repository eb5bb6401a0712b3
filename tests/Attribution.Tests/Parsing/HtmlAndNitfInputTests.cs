using System.Net;
using System.Text.Json;
using Attribution.Inputs;
using Attribution.Tests.Cli;
using Attribution.Text;
using CsCheck;

namespace Attribution.Tests.Parsing;

/// <summary>
/// HTML and NITF stories: the article's prose is analysed, everything around it is not, and every span,
/// line and column points into the file as written (tags and character references included).
/// </summary>
public sealed class HtmlAndNitfInputTests : IDisposable
{
    private readonly TempFolder _folder = new("attribution-html-input-");

    private static string Sample(string name) => Path.Combine(TestPack.RepositoryRoot, "samples", name);

    [Theory]
    [InlineData("ferry-strike.html")]
    [InlineData("grain-exports.nitf")]
    public void Every_span_points_at_the_same_words_in_the_file(string sample)
    {
        var raw = File.ReadAllText(Sample(sample));
        var (code, json, _) = CliRunner.Run("check", Sample(sample), "--format", "json");
        Assert.Equal(0, code);
        var doc = JsonDocument.Parse(json).RootElement.GetProperty("documents")[0];
        var quotes = doc.GetProperty("quotes").EnumerateArray().ToList();
        Assert.True(quotes.Count >= 5);
        foreach (var quote in quotes)
        {
            foreach (var name in (string[])["cue", "speaker"])
            {
                if (quote.GetProperty(name) is { ValueKind: JsonValueKind.Object } part)
                {
                    Assert.Equal(part.GetProperty("text").GetString(), Decode(raw, part));
                }
            }

            if (!quote.TryGetProperty("spans", out _))
            {
                Assert.Equal(quote.GetProperty("text").GetString(), Decode(raw, quote.GetProperty("span")));
            }
        }

        foreach (var source in doc.GetProperty("sources").EnumerateArray())
        {
            foreach (var mention in source.GetProperty("mentions").EnumerateArray())
            {
                Assert.Equal(mention.GetProperty("text").GetString(), Decode(raw, mention));
            }
        }
    }

    [Fact]
    public void Html_reads_the_article_body_and_skips_navigation_scripts_figures_asides_and_footers()
    {
        var input = Read(Sample("ferry-strike.html"));
        var text = input.Text!.Text;
        Assert.StartsWith("Ferry crews walk out over rota changes\n\nBy Priya Raman\n\nPORT ELLAN — Crews on the island’s", text, StringComparison.Ordinal);
        foreach (var outside in (string[])["Subscribe today", "this is not a quote", "We were not told", "Harbour fees", "Local news", "font-family"])
        {
            Assert.DoesNotContain(outside, text, StringComparison.Ordinal);
        }

        Assert.Equal("Business", input.Metadata!["desk"]);
        Assert.Equal("Priya Raman", input.Metadata["author"]);
        Assert.Equal("2026-10-07T08:15:00Z", input.Metadata["date"]);
    }

    [Fact]
    public void Nitf_reads_the_headline_and_body_content_with_byline_date_and_desk()
    {
        var input = Read(Sample("grain-exports.nitf"));
        Assert.StartsWith("Grain exports slow as river levels fall\n\nRIVERTON, Nov. 4 – Barge loadings", input.Text!.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Reporting by", input.Text.Text, StringComparison.Ordinal);
        Assert.Equal("Marcus Lindqvist", input.Metadata!["author"]);
        Assert.Equal("Markets", input.Metadata["desk"]);
        Assert.Equal("2026-11", Attribution.Reporting.StoryFields.Month(input.Metadata["date"]));
    }

    [Fact]
    public void Lines_columns_and_suppressions_refer_to_the_html_file()
    {
        var (_, text, _) = CliRunner.Run("check", Sample("ferry-strike.html"));
        var lines = File.ReadAllLines(Sample("ferry-strike.html"));
        // AT2002 points at the stock reason the senior manager gave.
        const string Reason = "because he was not authorized";
        var line = Array.FindIndex(lines, l => l.Contains(Reason, StringComparison.Ordinal)) + 1;
        var column = lines[line - 1].IndexOf(Reason, StringComparison.Ordinal) + 1;
        Assert.Contains($"ferry-strike.html({line},{column}): suggestion AT2002:", text, StringComparison.Ordinal);

        // "insisted" sits inside an attribution-disable comment of the page.
        Assert.DoesNotContain("AT4001", text, StringComparison.Ordinal);
        Assert.Contains("1 suppressed", text, StringComparison.Ordinal);
        var (_, json, _) = CliRunner.Run("check", Sample("ferry-strike.html"), "--format", "json");
        var suppressed = JsonDocument.Parse(json).RootElement.GetProperty("documents")[0].GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "AT4001");
        Assert.Equal("\"insisted\" is the harbour office's own word in its notice", suppressed.GetProperty("suppression").GetProperty("reason").GetString());
    }

    [Fact]
    public void Fix_edits_the_html_file_in_place_and_keeps_its_markup()
    {
        var page = _folder.Write("council.html", "<html><body><article>\n<p>Mayor Ana Ruiz <b>claimed</b> the city&rsquo;s budget was balanced.</p>\n</article></body></html>\n");
        var (code, _, _) = CliRunner.Run("fix", page);
        Assert.Equal(0, code);
        Assert.Equal("<html><body><article>\n<p>Mayor Ana Ruiz <b>said</b> the city&rsquo;s budget was balanced.</p>\n</article></body></html>\n", File.ReadAllText(page));
    }

    [Fact]
    public void Fix_edits_markdown_and_keeps_its_markup()
    {
        var story = _folder.Write("story.md", "---\ntitle: x\n---\n\n# Vote\n\nBoard member **Frank Osei** claimed the `draft` was short.\n");
        CliRunner.Run("fix", story);
        Assert.Equal("---\ntitle: x\n---\n\n# Vote\n\nBoard member **Frank Osei** said the `draft` was short.\n", File.ReadAllText(story));
    }

    [Fact]
    public void Input_format_reads_standard_input_as_html()
    {
        var html = "<p>&ldquo;We will rebuild,&rdquo; Mayor Ana Ruiz said.</p>"u8.ToArray();
        var (code, json, _) = CliRunner.RunWithInput(html, "check", "-", "--input-format", "html", "--format", "json");
        Assert.Equal(0, code);
        var quote = JsonDocument.Parse(json).RootElement.GetProperty("documents")[0].GetProperty("quotes")[0];
        Assert.Equal("“We will rebuild,”", quote.GetProperty("text").GetString());
        Assert.Equal(3, quote.GetProperty("span").GetProperty("start").GetInt32());
        Assert.Equal(33, quote.GetProperty("span").GetProperty("end").GetInt32());
    }

    [Fact]
    public void Bad_nitf_is_reported_and_never_fetches_external_entities()
    {
        var broken = _folder.Write("broken.nitf", "<nitf><body><body.content><p>Unclosed");
        var other = _folder.Write("feed.xml", "<rss><channel/></rss>");
        var external = _folder.Write("xxe.nitf", "<?xml version=\"1.0\"?>\n<!DOCTYPE nitf [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>\n<nitf><body><body.content><p>&secret; said the clerk.</p></body.content></body></nitf>");
        var good = _folder.Write("good.txt", "\"We are ready,\" Chief Lena Park said.\n");

        var (code, stdout, stderr) = CliRunner.Run("check", broken, other, external, good, "--format", "json");

        Assert.Equal(2, code);
        Assert.Contains("broken.nitf: not well-formed XML", stderr, StringComparison.Ordinal);
        Assert.Contains("feed.xml: not a NITF document (the root element is <rss>, not <nitf>)", stderr, StringComparison.Ordinal);
        Assert.Contains("xxe.nitf: not well-formed XML", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(File.Exists("/etc/hostname") ? File.ReadAllText("/etc/hostname").Trim() : "\u0001", stdout, StringComparison.Ordinal);
        Assert.Single(JsonDocument.Parse(stdout).RootElement.GetProperty("documents").EnumerateArray());
    }

    [Fact]
    public void A_block_the_parser_rearranged_maps_to_where_it_starts()
    {
        var raw = "<p>alpha</p><p>beta &amp; gamma</p>";
        var builder = new ProseBuilder(raw);
        builder.AddBlock(0, "alpha");
        builder.AddBlock(12, "something else entirely");
        var text = builder.Build("x.html");
        Assert.Equal(1, builder.Unaligned);
        Assert.Equal("alpha\n\nsomething else entirely", text.Text);
        Assert.Equal(new TextSpan(3, 8), text.ToOriginal(new TextSpan(0, 5)));
        Assert.Equal(12, text.ToOriginal(new TextSpan(9, 14)).Start);
        Assert.Equal(1, text.GetLinePosition(9).Line);
        Assert.Equal(13, text.GetLinePosition(9).Column);
    }

    [Fact]
    public void Any_markup_extracts_without_throwing_and_maps_inside_the_file()
    {
        var pieces = Gen.OneOfConst("<p>", "</p>", "<article>", "<nav>", "<br>", "<b>", "</b>", "&amp;", "&rsquo;", "&#8220;", "&#x201D;", "&bogus", "\"",
            "<!--", "-->", "<script>", "</script>", " said ", "Mayor Ruiz", "\r\n", "\n", " ", "<li>", "<![CDATA[", "]]>", "&", "<", ">", "😀");
        pieces.Array[0, 60].Select(string.Concat).Sample(html =>
        {
            var (text, _) = HtmlText.Extract("p.html", html);
            for (var i = 0; i <= text.Length; i++)
            {
                var span = text.ToOriginal(new TextSpan(i, Math.Min(text.Length, i + 3)));
                Assert.InRange(span.Start, 0, html.Length);
                Assert.InRange(span.End, span.Start, html.Length);
            }

            TestPack.Analyzer.Analyze(text);
        }, iter: 1500);
    }

    public void Dispose() => _folder.Dispose();

    private static InputDocument Read(string path) => new InputReader().Read([path]).Single();

    // The file's characters under a JSON span, with tags dropped, references decoded and white space collapsed.
    private static string Decode(string raw, JsonElement span)
    {
        var slice = raw[span.GetProperty("start").GetInt32()..span.GetProperty("end").GetInt32()];
        var withoutTags = System.Text.RegularExpressions.Regex.Replace(slice, "<[^>]*>", "");
        return System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(withoutTags), @"\s+", " ");
    }
}
