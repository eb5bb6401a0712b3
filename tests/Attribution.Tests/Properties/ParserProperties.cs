using Attribution.Text;
using CsCheck;

namespace Attribution.Tests.Properties;

/// <summary>Invariants that hold for any text: parsing never throws, spans stay inside the text, quotations never overlap, continuations point backwards.</summary>
public sealed class ParserProperties
{
    // Text built from the pieces that stress the parser: every kind of mark, cues, names, breaks.
    private static readonly Gen<string> NewsLikeText = Gen.OneOfConst(
            "\"", "“", "”", "‘", "’", "'", "''", "«", "»", "„", " ", " ", " ", "\n", "\n\n", ".", ",", ":", ";", "—", "-", "?", "!",
            "said", "says", "told", "according to", "added", "saying", "he", "she", "they", "Mr.", "Brig.", "U.S.", "Dec.",
            "Smith", "the official", "a source", "officials", "We", "I", "that", "and", "who", "(", ")", "3.5", "Jones'", "’90s",
            "claimed", "report", "on condition of anonymity", "because", "in line with regulations", "\r\n", "\t", "\u2028", "\0")
        .Array[0, 80]
        .Select(parts => string.Concat(parts));

    private static readonly Gen<string> AnyText = Gen.String[Gen.Char, 0, 300];

    [Fact]
    public void Parsing_news_like_text_keeps_every_invariant() =>
        NewsLikeText.Sample(CheckInvariants, iter: 3000);

    [Fact]
    public void Parsing_arbitrary_characters_keeps_every_invariant() =>
        AnyText.Sample(CheckInvariants, iter: 2000);

    // Crashers found by the properties above, kept as regression cases.
    [Theory]
    [InlineData("who told« !« she-?’claimedadded")]
    [InlineData("who said")]
    [InlineData("whobecausea sourcehe\"’90s”««—\nthat„on condition of anonymitytoldon condition of anonymitya source::’90ssaidadded“ )Mr. told,sayingbecauseU.S.sayssays")]
    public void Found_crashers_stay_fixed(string text) => CheckInvariants(text);

    private static void CheckInvariants(string text)
    {
        var analysis = TestPack.Analyzer.Analyze(new SourceText("prop.txt", text));
        var doc = analysis.Document;
        var previousEnd = -1;
        var spans = new List<TextSpan>();
        foreach (var q in doc.Quotations)
        {
            foreach (var part in q.Spans)
            {
                Assert.InRange(part.Start, 0, text.Length);
                Assert.InRange(part.End, part.Start + 1, text.Length);
                if (q.Within < 0)
                {
                    spans.Add(part); // a quotation within another lies inside it: only the others must not overlap
                }
            }

            if (q.Within >= 0)
            {
                Assert.True(doc.Quotations[q.Within].Within < 0 && doc.Quotations[q.Within].Span.Contains(q.Span), $"a nested quotation outside its outer one in {text}");
            }

            Assert.True(q.Cue is null || (q.Cue.Value.Start >= 0 && q.Cue.Value.End <= text.Length && !q.Cue.Value.IsEmpty));
            Assert.True(q.Speaker is null || (q.Speaker.Value.Start >= 0 && q.Speaker.Value.End <= text.Length && !q.Speaker.Value.IsEmpty));
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        foreach (var s in spans)
        {
            Assert.True(s.Start >= previousEnd, $"quotation parts overlap at {s} in {text}");
            previousEnd = s.End;
        }

        foreach (var source in analysis.Sources)
        {
            Assert.All(source.Mentions, m => Assert.InRange(m.End, m.Start, text.Length));
        }

        Assert.Equal(doc.Quotations.Length, analysis.QuoteSources.Length);

        // Continuation chains point backwards, so they cannot loop, and a continuation has its head's source.
        for (var q = 0; q < doc.Quotations.Length; q++)
        {
            var quote = doc.Quotations[q];
            Assert.True(quote.ContinuesFrom < q, $"quotation {q} continues {quote.ContinuesFrom}, not an earlier one, in {text}");
            if (quote.IsContinuation && analysis.QuoteSources[quote.ContinuesFrom] >= 0)
            {
                Assert.Equal(analysis.QuoteSources[quote.ContinuesFrom], analysis.QuoteSources[q]);
            }
        }
    }
}
