using Attribution.Analysis.Configuration;

namespace Attribution.Tests.Configuration;

/// <summary>The binder looks a mention's word up once for four noun lists: the answer must be each list's.</summary>
public sealed class NounKindsTests
{
    [Fact]
    public void One_look_up_answers_as_the_four_lists_do()
    {
        var lexicon = TestPack.Pack.Lexicons.Sources;
        var words = lexicon.InstitutionNouns.Concat(lexicon.RoleNouns).Concat(lexicon.SpokespersonNouns).Concat(lexicon.AnonymousNouns)
            .Concat(lexicon.DocumentNouns).Concat(["Smith", "the", "", "MINISTRY", "Spokesman", "officials", "communiqué", "ı"]).ToList();
        words.AddRange(words.Select(w => w.ToUpperInvariant()).ToList());
        foreach (var word in words)
        {
            var kinds = lexicon.KindsOf(word);
            Assert.Equal(lexicon.InstitutionNouns.Contains(word), kinds.HasFlag(NounKinds.Institution));
            Assert.Equal(lexicon.RoleNouns.Contains(word), kinds.HasFlag(NounKinds.Role));
            Assert.Equal(lexicon.SpokespersonNouns.Contains(word), kinds.HasFlag(NounKinds.Spokesperson));
            Assert.Equal(lexicon.AnonymousNouns.Contains(word), kinds.HasFlag(NounKinds.Anonymous));
        }

        Assert.All(Enum.GetValues<NounKinds>().Skip(1), kind => Assert.Contains(words, w => lexicon.KindsOf(w).HasFlag(kind)));
    }
}
