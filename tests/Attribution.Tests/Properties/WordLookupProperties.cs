using System.Collections.Frozen;
using Attribution.Text;
using CsCheck;

namespace Attribution.Tests.Properties;

/// <summary>The shape filter in front of the lexicon lookups never changes an answer: it only turns away misses.</summary>
public sealed class WordLookupProperties
{
    // Letters of both cases, a few ASCII marks and some letters outside ASCII (among them "ı" and "ſ",
    // which equal "I" and "S" ignoring case), so lists and words collide often.
    private static readonly Gen<string> Word = Gen.String[Gen.OneOfConst('a', 'A', 'd', 'D', 'n', 's', 'S', 'i', 'I', 'z', '\'', '-', '.', 'é', 'É', 'ı', 'ſ'), 0, 20];

    [Fact]
    public void A_word_set_answers_as_the_frozen_set_does() =>
        Gen.Select(Word.Array[0, 30], Word.Array[0, 30]).Sample((list, probes) =>
        {
            var frozen = list.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
            var set = new WordSet(frozen);
            foreach (var word in probes.Concat(list).Concat(list.Select(w => w.ToUpperInvariant())))
            {
                Assert.Equal(frozen.Contains(word), set.Contains(word));
            }
        }, iter: 3000);

    [Fact]
    public void A_word_map_answers_as_the_frozen_dictionary_does() =>
        Gen.Select(Word.Array[0, 30], Word.Array[0, 30]).Sample((list, probes) =>
        {
            var frozen = list.Distinct(StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(w => w, w => w.Length, StringComparer.OrdinalIgnoreCase);
            var map = new WordMap<int>(frozen);
            foreach (var word in probes.Concat(list).Concat(list.Select(w => w.ToLowerInvariant())))
            {
                Assert.Equal(frozen.TryGetValue(word, out var expected), map.TryGetValue(word, out var actual));
                Assert.Equal(expected, actual);
                Assert.Equal(frozen.ContainsKey(word), map.ContainsKey(word));
            }
        }, iter: 3000);

    [Theory]
    [InlineData("and", false)]
    [InlineData("ADD", true)]
    [InlineData("Said", true)]
    [InlineData("sad", false)]
    [InlineData("", false)]
    public void Misses_are_turned_away_and_hits_kept(string word, bool expected)
    {
        var set = new WordSet(new[] { "add", "said", "says" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(expected, set.Contains(word));
    }
}
