using Attribution.Inputs;
using Attribution.Reporting;
using Xunit.Abstractions;

namespace Attribution.Tests.Output;

/// <summary>
/// The HTML report: story text is always escaped, and the page renders in a real browser with its
/// highlights and labels. The browser test runs headless Chromium: it is skipped where Chromium is not
/// installed, and in CI (where .ci/run installs it) a missing browser fails instead.
/// </summary>
public sealed class HtmlReportTests(ITestOutputHelper output) : IDisposable
{
    // Written for this test: a story that tries to inject markup through its text and its quotations.
    private const string HostileStory = """
        Port officials weigh new toll

        HALVERSTON — Harbor Commissioner Elena Marsh said on Monday that the toll "<script>document.title='owned'</script> would pay for itself" within five years.

        "We cannot keep patching the pier <img src=x onerror=alert(1)>," Marsh said.

        A senior port official, speaking on condition of anonymity, said the board had already approved the plan.

        """;

    private readonly TempFolder _folder = new("attribution-html-");

    [Fact]
    public void Story_text_is_escaped_and_the_page_carries_no_script()
    {
        var html = Render(HostileStory);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;document.title=&#x27;owned&#x27;&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Quotes_are_labelled_by_type_and_link_to_their_source()
    {
        var html = Render(HostileStory);

        // Each quotation is followed by a text label, so the type reads without colour.
        Assert.Contains("<span class=\"chip t-named\">named</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"chip t-anonymous\">anonymous</span>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"q t-named\" href=\"#d1-s1\"", html, StringComparison.Ordinal);
        Assert.Contains("<tr id=\"d1-s1\"><td>Elena Marsh</td>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"missing\">none given</span>", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_continuing_quotation_links_to_the_quotation_it_continues()
    {
        var html = Render("\"The pier will hold,\" said harbor engineer Tomas Vik. \"We rebuilt it for storms like this.\"\n");

        Assert.Contains("<span class=\"anchor\" id=\"d1-q1\"></span>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#d1-q1\" title=\"q2 (direct) continues q1: named source", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Chromium_renders_the_report_with_highlights_and_without_running_story_script()
    {
        var chromium = Chromium.Find();
        Requires.Dependency(chromium is not null, "chromium is not installed (apt-get install chromium)");

        var page = _folder.Write("report.html", Render(HostileStory));
        var dom = Chromium.Run(chromium!, _folder.Root, "--dump-dom", new Uri(page).AbsoluteUri);
        Assert.Contains("<title>Attribution report</title>", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("owned</title>", dom, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;document.title='owned'&lt;/script&gt;", dom, StringComparison.Ordinal);

        var screenshot = Path.Combine(_folder.Root, "report.png");
        Chromium.Run(chromium!, _folder.Root, "--window-size=1200,900", "--hide-scrollbars", $"--screenshot={screenshot}", new Uri(page).AbsoluteUri);
        var image = PngImage.Read(File.ReadAllBytes(screenshot));
        Assert.Equal(1200, image.Width);
        var total = image.Width * image.Height;
        output.WriteLine($"white {image.Count(0xFFFFFF, 0)}, named tint {image.Count(0xD6E8F5, 6)}, named chip {image.Count(0x0072B2)}, anonymous chip {image.Count(0xD55E00)}");
        Assert.True(image.Count(0xFFFFFF, 0) < total * 0.98, "the page rendered blank");
        Assert.True(image.Count(0xD6E8F5, 6) > 500, "no named-quote highlight in the screenshot");
        Assert.True(image.Count(0x0072B2) > 100, "no named label or chart segment in the screenshot");
        Assert.True(image.Count(0xD55E00) > 100, "no anonymous label or chart segment in the screenshot");
    }

    public void Dispose() => _folder.Dispose();

    internal static string Render(string story)
    {
        var analysis = TestPack.Analyzer.Analyze(InputReader.Decode("harbor.txt", System.Text.Encoding.UTF8.GetBytes(story)).Text!);
        using var html = new StringWriter();
        using (var writer = new HtmlReportWriter(html, TestPack.Pack))
        {
            writer.WriteDocument(analysis);
            writer.Complete();
        }

        return html.ToString();
    }
}
