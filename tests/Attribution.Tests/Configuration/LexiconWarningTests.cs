using Attribution.Text;
using Attribution.Analysis.Configuration;

namespace Attribution.Tests.Configuration;

/// <summary>A lexicon entry listed twice, or a list this version does not know, is a located AT0001 warning.</summary>
public sealed class LexiconWarningTests : IDisposable
{
    private readonly TempFolder _folder = new("lexicon-warnings");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_bundled_lexicon_loads_without_warnings()
    {
        Assert.Empty(LexiconLoader.Load(Path.Combine(TestPack.RulesDirectory, "lexicon")).Warnings);
    }

    [Fact]
    public void A_repeated_entry_is_reported_where_it_repeats_and_counts_once()
    {
        CopyBundledLexicon();
        _folder.Write("lexicon/zz-newsroom.yml", "documentNouns: [dossier,\n  Dossier]\nroleNouns:\n  - coxswain\n  - Director\n");

        var set = LexiconLoader.Load(Path.Combine(_folder.Root, "lexicon"));

        Assert.Collection(
            set.Warnings,
            w => AssertWarning(w, 2, 3, "'Dossier' is already in documentNouns (at zz-newsroom.yml:1)"),
            w => AssertWarning(w, 5, 5, "'Director' is already in roleNouns (at sources.yml:"));
        Assert.Contains("dossier", (IReadOnlySet<string>)set.Sources.Words(WordLists.DocumentNouns));
        Assert.Contains("coxswain", (IReadOnlySet<string>)set.Sources.Words(WordLists.RoleNouns));
    }

    [Fact]
    public void An_unknown_list_is_passed_over_with_the_nearest_name()
    {
        CopyBundledLexicon();
        _folder.Write("lexicon/zz-newsroom.yml", "roleNoun: [coxswain]\nshippingTerms: [knot]\n");

        var set = LexiconLoader.Load(Path.Combine(_folder.Root, "lexicon"));

        Assert.Collection(
            set.Warnings,
            w => AssertWarning(w, 1, 1, "unknown lexicon list 'roleNoun' is ignored; did you mean 'roleNouns'?"),
            w => AssertWarning(w, 2, 1, "unknown lexicon list 'shippingTerms' is ignored; the lists are: verbs, titles"));
        Assert.DoesNotContain("coxswain", (IReadOnlySet<string>)set.Sources.Words(WordLists.RoleNouns));
    }

    [Fact]
    public void Check_prints_the_warnings_on_stderr_and_still_runs()
    {
        // A whole rules folder, the bundled one plus a newsroom's lexicon file.
        foreach (var file in Directory.GetFiles(TestPack.RulesDirectory, "*.*", SearchOption.AllDirectories))
        {
            _folder.Write(Path.GetRelativePath(TestPack.RulesDirectory, file), File.ReadAllText(file));
        }

        _folder.Write("lexicon/zz-newsroom.yml", "colonLabels: [Sidebar, sidebar]\n");
        var story = _folder.Write("story.txt", "The council will meet again in March, the mayor said.\n");

        var (code, stdout, stderr) = Cli.CliRunner.Run("check", "--rules", _folder.Root, story);

        Assert.Equal(0, code);
        Assert.Contains("zz-newsroom.yml(1,24): warning AT0001: 'sidebar' is already in colonLabels", stderr, StringComparison.Ordinal);
        Assert.Contains("1 quote", stdout, StringComparison.Ordinal);
    }

    private void CopyBundledLexicon()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestPack.RulesDirectory, "lexicon"), "*.yml"))
        {
            _folder.Write(Path.Combine("lexicon", Path.GetFileName(file)), File.ReadAllText(file));
        }
    }

    private static void AssertWarning(LoadError warning, int line, int column, string message)
    {
        Assert.True(warning.IsWarning);
        Assert.Equal(LoadError.DiagnosticId, warning.Id);
        Assert.Equal((line, column), (warning.Line, warning.Column));
        Assert.StartsWith(message, warning.Message, StringComparison.Ordinal);
    }
}
