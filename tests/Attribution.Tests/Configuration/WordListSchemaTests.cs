using Attribution.Analysis.Configuration;
using Attribution.Text;

namespace Attribution.Tests.Configuration;

/// <summary>Each word list is declared once (WordLists), and the bundled lexicon holds it in the file the declaration names.</summary>
public sealed class WordListSchemaTests
{
    [Fact]
    public void Every_declared_list_is_in_the_bundled_file_it_names_and_has_words()
    {
        var lexicon = LexiconLoader.Load(Path.Combine(TestPack.RulesDirectory, "lexicon")).Parser;
        var missing = new List<string>();
        foreach (var list in WordLists.All)
        {
            var file = File.ReadAllLines(Path.Combine(TestPack.RulesDirectory, "lexicon", list.File));
            if (!file.Any(line => line.StartsWith(list.Key + ":", StringComparison.Ordinal)) || lexicon.Entries(list).Count == 0)
            {
                missing.Add($"{list.Key} ({list.File})");
            }
        }

        Assert.Empty(missing);
        Assert.Equal(WordLists.All.Count, WordLists.All.Select(l => l.Key).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void A_list_is_looked_up_as_its_declaration_says_case_and_all()
    {
        var lexicon = TestPack.Pack.Lexicons.Parser;

        Assert.True(lexicon.Lookup(WordLists.FormsOfBe).Contains("WAS"));
        Assert.True(lexicon.Lookup(WordLists.SurnameParticles).Contains("al"));
        Assert.False(lexicon.Lookup(WordLists.SurnameParticles).Contains("Al"));
        Assert.True(WordLists.SentenceStarters.CaseSensitive);
        Assert.Same(WordLists.RoleNouns, WordLists.Find("roleNouns"));
        Assert.Null(WordLists.Find("rolenouns"));
    }

    [Fact]
    public void The_parser_reads_the_constructions_words_from_the_lexicon_not_from_code()
    {
        // A newsroom that adds "stressed" to the cue stoppers keeps it out of the cue: the list is data.
        using var folder = new TempFolder("word-lists");
        foreach (var file in Directory.GetFiles(Path.Combine(TestPack.RulesDirectory, "lexicon"), "*.yml"))
        {
            folder.Write(Path.GetFileName(file), File.ReadAllText(file));
        }

        const string text = "The minister repeatedly said the plan would pass.";
        var before = new AttributionParser(LexiconLoader.Load(folder.Root).Parser).Parse(new SourceText("t.txt", text));
        folder.Write("zz-newsroom.yml", "cueStoppers: [repeatedly]\n");
        var after = new AttributionParser(LexiconLoader.Load(folder.Root).Parser).Parse(new SourceText("t.txt", text));

        Assert.Equal("repeatedly said", Cue(before));
        Assert.Equal("said", Cue(after));

        string Cue(ParsedDocument parsed) => text[parsed.Quotations[0].Cue!.Value.Start..parsed.Quotations[0].Cue!.Value.End];
    }
}
