using System.Collections.Frozen;
using Attribution.Text;
using CsCheck;

namespace Attribution.Tests.Properties;

/// <summary>The shape filter in front of the lexicon lookups never changes an answer: it only turns away misses.</summary>
public sealed class WordLookupProperties
{
    // Letters of both cases, a few ASCII marks and some letters outside ASCII (among them "ı" and "ſ",
    // which look like "I" and "S" but do not equal them ignoring case), so lists and words collide often.
    private static readonly Gen<string> Word = Gen.String[Gen.OneOfConst('a', 'A', 'd', 'D', 'n', 's', 'S', 'i', 'I', 'z', '\'', '-', '.', 'é', 'É', 'ı', 'ſ'), 0, 20];

    [Fact]
    public void A_word_set_answers_as_the_frozen_set_does() =>
        AnswersAsTheFrozenSet(Word.Array[0, 30], Word.Array[0, 30], StringComparer.OrdinalIgnoreCase, iter: 3000);

    // The sentence starters compare case and all: the filter, which ignores case, must not change that.
    [Fact]
    public void A_case_sensitive_word_set_answers_as_the_frozen_set_does() =>
        AnswersAsTheFrozenSet(Word.Array[0, 30], Word.Array[0, 30], StringComparer.Ordinal, iter: 3000);

    // Lengths from 63 on share one bit of the filter's length test.
    [Fact]
    public void A_word_set_of_long_words_answers_as_the_frozen_set_does() =>
        AnswersAsTheFrozenSet(LongWord.Array[1, 5], LongWord.Array[0, 10], StringComparer.OrdinalIgnoreCase, iter: 500);

    private static readonly Gen<string> LongWord = Gen.String[Gen.OneOfConst('a', 'A', 's', 'S'), 60, 70];

    // Probes: the generated words, the list's words, and the list's words upper-cased, lower-cased and one longer.
    private static void AnswersAsTheFrozenSet(Gen<string[]> lists, Gen<string[]> probes, StringComparer comparer, int iter) =>
        Gen.Select(lists, probes).Sample((list, words) =>
        {
            var frozen = list.ToFrozenSet(comparer);
            var set = new WordSet(frozen);
            foreach (var word in words.Concat(list).Concat(list.Select(w => w.ToUpperInvariant())).Concat(list.Select(w => w.ToLowerInvariant())).Concat(list.Select(w => w + "a")))
            {
                Assert.Equal(frozen.Contains(word), set.Contains(word));
            }
        }, iter: iter);

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

    // Every character (surrogates aside, which the filter lets through) must pass a filter built from any
    // character OrdinalIgnoreCase finds equal to it ("é" and "É", "Ω" and "ω"; not "ı" and "I", which it
    // does not).
    [Fact]
    public void A_filter_keeps_every_character_equal_to_one_of_its_words_ignoring_case()
    {
        var classes = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (!char.IsSurrogate((char)c))
            {
                var key = ((char)c).ToString();
                (classes.TryGetValue(key, out var members) ? members : classes[key] = []).Add(key);
            }
        }

        var shared = classes.Values.Where(members => members.Count > 1).ToList();
        Assert.Contains(shared, members => members.Contains("\u00E9") && members.Contains("\u00C9"));
        foreach (var members in shared)
        {
            var filter = new WordShapeFilter([members[0], members[0] + "x" + members[0]]);
            Assert.All(members, m => Assert.True(filter.MayContain(m) && filter.MayContain(m + "X" + m), $"U+{(int)m[0]:X4}"));
        }
    }

    [Theory]
    [InlineData("n\u2019t", true)]
    [InlineData("N\u2019T", true)]
    [InlineData("once", false)]
    public void A_list_with_letters_beyond_ascii_still_turns_misses_away(string word, bool expected)
    {
        var set = new WordSet(new[] { "n\u2019t", "caf\u00E9", "also" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(expected, set.Contains(word));
        Assert.Equal(expected, new WordShapeFilter(["n\u2019t", "caf\u00E9", "also"]).MayContain(word));
    }

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
