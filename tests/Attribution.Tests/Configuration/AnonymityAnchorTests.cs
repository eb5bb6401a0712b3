using Attribution.Analysis.Configuration;
using CsCheck;

namespace Attribution.Tests.Configuration;

/// <summary>
/// A story is searched once for a few words of the anonymity-grant phrases, and only the sentences with one
/// are checked for the phrases: every phrase must hold one of those words, or its grants would be missed.
/// </summary>
public sealed class AnonymityAnchorTests
{
    [Fact]
    public void Every_bundled_phrase_holds_one_of_few_uncommon_words()
    {
        var phrases = TestPack.Pack.Lexicons.Sources.AnonymityGrants;
        var anchors = SourceLexicon.Anchors(phrases);
        Assert.All(phrases, p => Assert.Contains(Words(p), w => anchors.Contains(w, StringComparer.OrdinalIgnoreCase)));
        Assert.True(anchors.Length < phrases.Count / 2, string.Join(", ", anchors));
        Assert.DoesNotContain("without", anchors);
        Assert.All(anchors, a => Assert.True(a.Length >= 5, a));
    }

    [Fact]
    public void Any_phrases_each_hold_one_of_the_words() =>
        Gen.OneOfConst("on", "not", "be", "named", "Named", "anonymity", "asked", "to", "who", "x", "authorized", "spoke", "a")
            .Array[1, 5].Select(words => string.Join(' ', words)).Array[1, 12]
            .Sample(phrases =>
            {
                var anchors = SourceLexicon.Anchors(phrases);
                Assert.All(phrases, p => Assert.Contains(Words(p), w => anchors.Contains(w, StringComparer.OrdinalIgnoreCase)));
            }, iter: 2000);

    private static string[] Words(string phrase) => phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
