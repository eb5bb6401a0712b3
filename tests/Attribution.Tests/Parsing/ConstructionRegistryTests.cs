using Attribution.Text;
using Attribution.Text.Constructions;

namespace Attribution.Tests.Parsing;

/// <summary>The parser tries only the constructions the registry lists: one written and not listed would never run.</summary>
public sealed class ConstructionRegistryTests
{
    [Fact]
    public void Every_construction_class_is_registered_once_under_its_own_name()
    {
        var classes = typeof(Construction).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Construction)) && !t.IsAbstract)
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        var registered = Registry.All.Select(c => c.GetType().Name).Order(StringComparer.Ordinal).ToList();

        Assert.True(classes.Count >= 6, $"only {classes.Count} construction classes");
        Assert.Equal(classes, registered);
        Assert.Equal(registered.Count, Registry.All.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_trigger_table_holds_the_fixed_anchors_and_the_speech_verb_is_tried_at_cue_verbs()
    {
        var lexicon = TestPack.Pack.Lexicons.Parser;
        var table = Registry.AnchorTable(lexicon);

        Assert.IsType<AccordingTo>(Assert.Single(table["according"]));
        Assert.IsType<AsPutIt>(Assert.Single(table["As"]));
        Assert.Equal(2, table.Count);
        Assert.False(table.ContainsKey("said"));

        // The speech verb is tried at every cue verb, after the fixed-word constructions.
        Assert.IsType<SpeechVerb>(Assert.Single(Registry.AtCueVerbs));
        Assert.Same(Registry.Words[^1], Registry.AtCueVerbs[0]);

        // The pass-over filter is every construction's triggers: the cue verbs, "according" and "put".
        var triggers = Registry.Triggers(lexicon).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Contains("put", triggers);
        Assert.Contains("according", triggers);
        Assert.True(lexicon.CueVerbs.Keys.All(triggers.Contains));
    }

    [Theory]
    [InlineData("The plant will close, according to two people briefed on the plan.", "two people briefed on the plan")]
    [InlineData("\"We are not done,\" as the mayor put it on Monday.", "the mayor")]
    [InlineData("Prices will rise, the minister said Tuesday.", "the minister")]
    [InlineData("\"It is over,\" said the coach.", "the coach")]
    [InlineData("ENERGY MINISTER: The grid will hold this winter.", "ENERGY MINISTER")]
    public void Each_kind_of_construction_is_tried_through_the_registry(string sentence, string speaker)
    {
        var parsed = new AttributionParser(TestPack.Pack.Lexicons.Parser).Parse(new SourceText("story.txt", sentence));

        var quote = Assert.Single(parsed.Quotations);
        Assert.Equal(speaker, sentence[quote.Speaker!.Value.Start..quote.Speaker.Value.End]);
    }
}
