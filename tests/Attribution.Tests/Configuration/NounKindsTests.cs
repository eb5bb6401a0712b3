using Attribution.Text;
using Attribution.Analysis.Configuration;

namespace Attribution.Tests.Configuration;

/// <summary>The binder looks a mention's word up once for four noun lists: the answer must be each list's.</summary>
public sealed class NounKindsTests
{
    [Fact]
    public void One_look_up_answers_as_the_four_lists_do()
    {
        var lexicon = TestPack.Pack.Lexicons.Sources;
        var words = lexicon.Words(WordLists.InstitutionNouns).Concat(lexicon.Words(WordLists.RoleNouns)).Concat(lexicon.Words(WordLists.SpokespersonNouns)).Concat(lexicon.Words(WordLists.AnonymousNouns))
            .Concat(lexicon.Words(WordLists.DocumentNouns)).Concat(["Smith", "the", "", "MINISTRY", "Spokesman", "officials", "communiqué", "ı"]).ToList();
        words.AddRange(words.Select(w => w.ToUpperInvariant()).ToList());
        foreach (var word in words)
        {
            var kinds = lexicon.KindsOf(word);
            Assert.Equal(lexicon.Words(WordLists.InstitutionNouns).Contains(word), kinds.HasFlag(NounKinds.Institution));
            Assert.Equal(lexicon.Words(WordLists.RoleNouns).Contains(word), kinds.HasFlag(NounKinds.Role));
            Assert.Equal(lexicon.Words(WordLists.SpokespersonNouns).Contains(word), kinds.HasFlag(NounKinds.Spokesperson));
            Assert.Equal(lexicon.Words(WordLists.AnonymousNouns).Contains(word), kinds.HasFlag(NounKinds.Anonymous));
        }

        Assert.All(Enum.GetValues<NounKinds>().Skip(1), kind => Assert.Contains(words, w => lexicon.KindsOf(w).HasFlag(kind)));
    }
}
