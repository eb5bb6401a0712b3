using Attribution.Analysis.Evaluation;

namespace Attribution.Tests.Evaluation;

public sealed class ScorerTests
{
    // Expected values are what Python's round(v, 4) returns for the same doubles.
    [Theory]
    [InlineData(0.78505, 0.7851)]
    [InlineData(0.12345, 0.1235)]
    [InlineData(0.00005, 0.0001)]
    [InlineData(0.99995, 1.0)]
    [InlineData(1.0 / 3.0, 0.3333)]
    public void Rounding_matches_python(double value, double expected) =>
        Assert.Equal(expected, EvaluationResult.PythonRound4(value));

    [Fact]
    public void A_perfect_prediction_scores_one()
    {
        var gold = new List<GoldDocument>
        {
            new("d1", "\"Yes,\" she said.", [new GoldAttribution([(0, 6)], [(7, 10)], [(11, 15)], "Ann Lee", "named")]),
        };
        var predictions = new Dictionary<string, List<PredictedQuote>>
        {
            ["d1"] = [new PredictedQuote([(0, 6)], (7, 10), "said", (11, 15), "Ann Lee", "named")],
        };
        var result = Scorer.Score(gold, predictions);
        var q = result.Quotes[0];
        Assert.Equal((1.0, 1.0, 1.0, 1.0, 1.0, 1.0), (q.F1, q.SpeakerMatch, q.CueMatch, q.ReferenceMatch!.Value, q.TypeMatch!.Value, result.Exact["cue"].F1));
    }

    [Fact]
    public void A_missed_quote_costs_recall_and_a_spurious_one_precision()
    {
        var gold = new List<GoldDocument>
        {
            new("d1", "0123456789012345678901234567890123456789", [new GoldAttribution([(0, 10)], [], [], null, null), new GoldAttribution([(20, 30)], [], [], null, null)]),
        };
        var predictions = new Dictionary<string, List<PredictedQuote>>
        {
            ["d1"] = [new PredictedQuote([(0, 10)], null, "", null, "", "unknown"), new PredictedQuote([(32, 38)], null, "", null, "", "unknown")],
        };
        var q = Scorer.Score(gold, predictions).Quotes[0];
        Assert.Equal((0.5, 0.5), (q.P, q.R));
    }

    // '"It held," said Ann Lee. "We built it well."' — offsets into this text.
    private const string Chained = "\"It held,\" said Ann Lee. \"We built it well.\"";

    [Fact]
    public void A_gold_attribution_over_two_pieces_is_matched_by_the_continuation_chain()
    {
        var gold = new List<GoldDocument> { new("d1", Chained, [new GoldAttribution([(0, 10), (25, 44)], [(16, 23)], [(11, 15)], null, null)]) };
        var predictions = new Dictionary<string, List<PredictedQuote>>
        {
            ["d1"] = [Head, Continuation],
        };

        var q = Scorer.Score(gold, predictions).Quotes[0];

        Assert.Equal((1, 0, 0), (q.TP, q.FP, q.FN));
        Assert.Equal((1.0, 1.0), (q.SpeakerMatch, q.CueMatch));
    }

    [Fact]
    public void A_continuation_matched_alone_takes_its_heads_speaker_and_cue()
    {
        var gold = new List<GoldDocument>
        {
            new("d1", Chained, [new GoldAttribution([(0, 10)], [(16, 23)], [(11, 15)], null, null), new GoldAttribution([(25, 44)], [(16, 23)], [(11, 15)], null, null)]),
        };
        var predictions = new Dictionary<string, List<PredictedQuote>>
        {
            ["d1"] = [Head, Continuation],
        };

        var q = Scorer.Score(gold, predictions).Quotes[0];

        Assert.Equal((2, 0, 0), (q.TP, q.FP, q.FN));
        Assert.Equal((1.0, 1.0), (q.SpeakerMatch, q.CueMatch));
    }

    private static PredictedQuote Head => new([(0, 10)], (16, 23), "said", (11, 15), "Ann Lee", "named", "q1");

    private static PredictedQuote Continuation => new([(25, 44)], null, "", null, "Ann Lee", "named", "q2", "q1");
}
