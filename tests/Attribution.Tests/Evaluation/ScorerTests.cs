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
}
