using Attribution.Analysis;
using Attribution.Text;

namespace Attribution.Tests.Binding;

/// <summary>
/// Descriptions of anonymous and official sources resolve as an editor reads them: a definite description
/// to the most recently mentioned source whose description holds all its modifiers, a repeated specific
/// indefinite description to the source it repeats, and "another …" to a new source. Stories written for
/// these tests, in wire and web style.
/// </summary>
public sealed class DescriptionCoreferenceTests
{
    // Wire style: one anonymous official described four ways and reintroduced with its article, with a
    // second official of a different service quoted between.
    private const string Wire = """
        HALVERSTON (Wire) — Port authorities closed the north channel on Tuesday, a senior harbour authority official said, speaking on condition of anonymity.

        "The dredging has to finish before the storms," said Capt. Lena Morrow, the harbour master. Another senior coast guard official said two cutters would patrol the closure.

        The harbour authority official said the channel would reopen in March.

        The official added that fishing boats could still use the south channel.

        "We expect a quiet winter," a senior harbour authority official said at a briefing. The senior harbour official said the cost had not been set.
        """;

    // Web style: a company's spokesperson, then a union's, each taken up again by a shorter description.
    private const string Web = """
        Transit strike talks stall again

        Updated 6:40 p.m.

        A Metrolink company spokesperson said late Monday that the offer "remains on the table."

        An Amalgamated Transit union spokesperson said members would vote on Thursday.

        The company spokesperson said buses would run on a reduced schedule. The union spokesperson said the schedule would not hold.
        """;

    [Fact]
    public void A_wire_official_described_four_ways_is_one_source_and_another_official_is_a_second()
    {
        var analysis = Analyze(Wire);

        var harbour = SourcesOf(analysis, "the channel would reopen in March", "fishing boats could still use the south channel",
            "\"We expect a quiet winter,\"", "the cost had not been set", "Port authorities closed the north channel on Tuesday");
        Assert.Single(harbour.Distinct());
        var coastGuard = SourcesOf(analysis, "two cutters would patrol the closure").Single();
        Assert.DoesNotContain(coastGuard, harbour);
        Assert.Equal(3, analysis.Sources.Length); // the harbour official, the harbour master, the coast guard official
    }

    [Fact]
    public void A_web_story_gives_each_shortened_description_to_the_source_whose_modifiers_it_shares()
    {
        var analysis = Analyze(Web);

        var company = SourcesOf(analysis, "remains on the table", "buses would run on a reduced schedule").Distinct().ToList();
        var union = SourcesOf(analysis, "members would vote on Thursday", "the schedule would not hold").Distinct().ToList();
        Assert.Single(company);
        Assert.Single(union);
        Assert.NotEqual(company[0], union[0]);
    }

    [Fact]
    public void A_repeated_vague_indefinite_description_is_a_new_source_each_time()
    {
        var analysis = Analyze("""
            A source said the vote would be delayed. A source said the bill had the votes.
            """);

        var sources = SourcesOf(analysis, "the vote would be delayed", "the bill had the votes");
        Assert.NotEqual(sources[0], sources[1]);
    }

    private static DocumentAnalysis Analyze(string story) => TestPack.Analyzer.Analyze(new SourceText("story.txt", story));

    // The source index of the quotation whose text contains each fragment.
    private static List<int> SourcesOf(DocumentAnalysis analysis, params string[] fragments)
    {
        var text = analysis.Document.Source.Text;
        return fragments.Select(fragment =>
        {
            var q = analysis.Document.Quotations.Select((quote, i) => (quote, i))
                .Where(x => x.quote.Spans.Any(s => text[s.Start..s.End].Contains(fragment, StringComparison.Ordinal)))
                .Select(x => x.i).ToList();
            Assert.True(q.Count == 1, $"expected one quotation holding '{fragment}', found {q.Count}");
            var source = analysis.QuoteSources[q[0]];
            Assert.True(source >= 0, $"'{fragment}' has no source");
            return source;
        }).ToList();
    }
}
