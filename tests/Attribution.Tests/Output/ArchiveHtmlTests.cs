using System.Text;
using System.Text.RegularExpressions;
using Attribution.Tests.Cli;

namespace Attribution.Tests.Output;

/// <summary>
/// The archive report's page: trends by month as an inline SVG line chart, the source mix of each group,
/// the most-quoted sources as bars, no script, one form for shares, and tables that fit a 1,280-pixel window.
/// </summary>
public sealed partial class ArchiveHtmlTests : IDisposable
{
    private readonly TempFolder _folder = new("attribution-archive-html-");

    [Fact]
    public void By_month_the_page_draws_the_shares_over_the_months_with_no_script()
    {
        var html = Report("--by", "month");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        var trend = Figure(html, "Anonymous share and unattributed quotes by month, 2026-01 to 2026-04");

        // Months label the axis; February has no stories, so the lines break there and take up again in March.
        foreach (var month in (string[])["2026-01", "2026-02", "2026-03", "2026-04"])
        {
            Assert.Contains($">{month}</text>", trend, StringComparison.Ordinal);
        }

        var anonymous = Regex.Match(trend, "<path class=\"line anonymous\" d=\"([^\"]*)\"").Groups[1].Value;
        Assert.Equal(2, anonymous.Count(c => c == 'M'));
        Assert.Equal(1, anonymous.Count(c => c == 'L'));
        Assert.Contains("<title>2026-04: anonymous share 50.0% (1 of 2 named, official and anonymous sources)</title>", trend, StringComparison.Ordinal);
        Assert.Contains("unattributed quotes", trend, StringComparison.Ordinal);

        // Shares are percentages with one decimal everywhere on the page: no bare fraction in a table cell.
        Assert.DoesNotMatch("<td class=\"n\">0\\.\\d+</td>", html);
        Assert.Matches("<td class=\"n\">\\d+\\.\\d%</td>", html);
    }

    [Fact]
    public void Each_group_has_a_stacked_bar_of_its_source_mix_and_the_top_sources_have_bars()
    {
        var html = Report("--by", "desk");
        Assert.DoesNotContain("by month", html, StringComparison.Ordinal);

        var mix = Figure(html, "Source mix by desk");
        Assert.Contains(">metro<title>metro</title></text>", mix, StringComparison.Ordinal);
        Assert.Matches("<rect class=\"t-named\"[^>]*><title>metro: 3 named of 6 sources \\(50\\.0%\\)</title>", mix);

        var top = Figure(html, "most-quoted sources, by quotations");
        Assert.Matches("<rect class=\"t-named\"[^>]*><title>Lena Ortiz \\(named\\): 3 quotes in 2 stories</title>", top);
        Assert.Contains("<th>Role</th>", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void In_chromium_at_1280_pixels_no_table_scrolls_sideways()
    {
        var chromium = Chromium.Find();
        Requires.Dependency(chromium is not null, "chromium is not installed (apt-get install chromium)");

        // A page with long story ids, large counts and every column, measured inside a 1,280-pixel frame by a
        // page of the test's own (the report itself allows no script).
        var page = _folder.Write("report.html", Report("--by", "month"));
        var probe = _folder.Write("probe.html", """
            <!DOCTYPE html><html><body style="margin:0"><iframe id="f" src="report.html" style="width:1280px;height:900px;border:0"></iframe>
            <script>
            document.getElementById('f').addEventListener('load', function () {
              var d = this.contentDocument, out = [];
              d.querySelectorAll('.wide, html').forEach(function (e) { out.push(e.scrollWidth + '/' + e.clientWidth); });
              document.body.setAttribute('data-widths', out.join(' '));
            });
            </script></body></html>
            """);
        var dom = Chromium.Run(chromium!, _folder.Root, "--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom", new Uri(probe).AbsoluteUri);

        var widths = Regex.Match(dom, "data-widths=\"([^\"]*)\"").Groups[1].Value;
        Assert.True(widths.Length > 0, $"the probe measured nothing: {dom}");
        Assert.True(File.Exists(page));
        Assert.All(widths.Split(' '), pair =>
        {
            var (scroll, client) = (int.Parse(pair.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(pair.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(scroll <= client, $"content {scroll} px wide in {client} px ({widths})");
        });
        Assert.Equal(3, widths.Split(' ').Length);
    }

    public void Dispose() => _folder.Dispose();

    // The <figure> whose caption starts with or holds <paramref name="caption"/>.
    private static string Figure(string html, string caption)
    {
        var figures = Regex.Matches(html, "<figure class=\"chart\">.*?</figure>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        return Assert.Single(figures, f => f.Contains("<figcaption>", StringComparison.Ordinal) && Regex.Match(f, "<figcaption>(.*?)</figcaption>").Groups[1].Value.Contains(caption, StringComparison.Ordinal));
    }

    private string Report(params string[] options)
    {
        var (code, html, stderr) = CliRunner.Run(["report", WriteArchive(), "--format", "html", .. options]);
        Assert.True(code == 0, stderr);
        return html;
    }

    // Stories written for this test: a metro desk quoting one official by name in two stories, a sports desk,
    // and long story ids, over January, March and April (none in February).
    private string WriteArchive()
    {
        var archive = new StringBuilder();
        void Story(string id, string desk, string date, string text) =>
            archive.Append("{\"id\": \"").Append(id).Append("\", \"desk\": \"").Append(desk).Append("\", \"date\": \"").Append(date).Append("\", \"text\": \"").Append(text.Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"}\n");
        Story("metro/2026/01/bridge-closure-extended-through-the-spring-thaw-after-inspection-finds-cracks.txt", "metro", "2026-01-12",
            "\"We will reopen the bridge in May,\" Mayor Lena Ortiz said. A city engineer said the cracks were deeper than expected.");
        Story("sports/2026/01/harbour-rowing-club-wins-regional-title.txt", "sports", "2026-01-20",
            "\"The crew never gave up,\" coach Aaron Pike said after the final.");
        Story("metro/2026/03/council-votes-on-bridge-budget.txt", "metro", "2026-03-03",
            "Council members said the repair budget would double. \"It is money well spent,\" Councilman Derek Vance said.");
        Story("metro/2026/04/bridge-reopens.txt", "metro", "2026-04-30",
            "\"Traffic is moving again,\" Mayor Lena Ortiz said. \"It took longer than we hoped,\" she said. Officials, who spoke on condition of anonymity, said the final bill was not yet known.");
        return _folder.Write("archive.jsonl", archive.ToString());
    }
}
