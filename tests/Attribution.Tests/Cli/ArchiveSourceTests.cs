using System.Text.Json;
using Attribution.Analysis;
using Attribution.Reporting;
using Attribution.Text;

namespace Attribution.Tests.Cli;

/// <summary>One person is one source across an archive: canonical names, surnames joined, merges explained.</summary>
public sealed class ArchiveSourceTests : IDisposable
{
    private readonly TempFolder _folder = new("attribution-sources-");

    [Fact]
    public void One_person_under_three_roles_and_an_honorific_is_one_source_with_the_most_frequent_role()
    {
        var (code, json, _) = CliRunner.Run("report", WriteArchive(), "--format", "json");
        Assert.Equal(0, code);
        var top = JsonDocument.Parse(json).RootElement.GetProperty("topSources").EnumerateArray().ToList();

        var howard = Assert.Single(top, s => s.GetProperty("name").GetString()!.Contains("Howard", StringComparison.Ordinal));
        Assert.Equal("Michael Howard", howard.GetProperty("name").GetString());
        Assert.Equal("named", howard.GetProperty("type").GetString());
        Assert.Equal("Tory leader", howard.GetProperty("role").GetString());
        Assert.Equal(5, howard.GetProperty("stories").GetInt32());
        Assert.Equal(8, howard.GetProperty("quotes").GetInt32());
        Assert.Equal(["Michael Howard", "Mr Howard"], howard.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("name").GetString()));

        // "The Treasury" and "the Treasury" in two stories: one official source.
        var treasury = Assert.Single(top, s => s.GetProperty("name").GetString()!.Contains("Treasury", StringComparison.Ordinal));
        Assert.Equal("Treasury", treasury.GetProperty("name").GetString());
        Assert.Equal("official", treasury.GetProperty("type").GetString());
        Assert.Equal(2, treasury.GetProperty("stories").GetInt32());
    }

    [Fact]
    public void A_surname_two_full_names_could_be_stays_apart_and_is_marked_ambiguous()
    {
        var archive = _folder.Write("keane.jsonl", """
            {"id": "a", "text": "Harbour pilot Dara Keane said the channel was silting up. \"We need a dredger by spring,\" Dara Keane said."}
            {"id": "b", "text": "Ferry captain Owen Keane said the crossing was rough. \"It was the worst in years,\" Owen Keane said."}
            {"id": "c", "text": "\"Nobody listened to the warnings,\" Keane said on Friday."}

            """);
        var (_, json, _) = CliRunner.Run("report", archive, "--format", "json");
        var top = JsonDocument.Parse(json).RootElement.GetProperty("topSources").EnumerateArray().ToList();
        var keane = Assert.Single(top, s => s.GetProperty("name").GetString() == "Keane");
        Assert.Equal("Harbour pilot", Assert.Single(top, s => s.GetProperty("name").GetString() == "Dara Keane").GetProperty("role").GetString());
        Assert.True(keane.GetProperty("ambiguous").GetBoolean());
        Assert.Equal(1, keane.GetProperty("stories").GetInt32());
        Assert.Equal(1, Assert.Single(top, s => s.GetProperty("name").GetString() == "Dara Keane").GetProperty("stories").GetInt32());
    }

    [Fact]
    public void Explain_source_lists_the_names_merged_why_and_the_stories()
    {
        var archive = WriteArchive();
        var (code, text, _) = CliRunner.Run("report", archive, "--explain-source", "mr howard");
        Assert.Equal(0, code);
        var lines = text.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Equal("Michael Howard (named): 8 quotes in 5 stories", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("    Mr Howard", StringComparison.Ordinal) && l.Contains("1 quote in 1 story  (joined: the only full name with the surname Howard in the archive)", StringComparison.Ordinal));
        Assert.Contains("  roles: Tory leader (2 stories), Opposition leader (1 story)", lines);
        Assert.Equal(["    politics/001", "    politics/002", "    politics/003", "    politics/004", "    politics/005"], lines.SkipWhile(l => l != "  stories:").Skip(1).Where(l => l.Length > 0));

        var (missing, _, stderr) = CliRunner.Run("report", archive, "--explain-source", "Michael Haward");
        Assert.Equal(2, missing);
        Assert.Contains("no quoted source goes by 'Michael Haward'; did you mean Michael Howard?", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mr Howard", "Howard", true, Gender.Male)]
    [InlineData("Ms. May", "May", true, Gender.Female)]
    [InlineData("Sir Alex Ferguson", "Alex Ferguson", false, Gender.Male)]
    [InlineData("Michael Howard", "Michael Howard", false, Gender.Male)]
    [InlineData("Howard", "Howard", true, Gender.Unknown)]
    public void A_persons_canonical_name_drops_the_honorific_and_keeps_its_gender(string name, string key, bool surname, Gender gender)
    {
        var q = new SourceNames(TestPack.Pack.Lexicons).Canonical(name, "", SourceType.Named, 1);
        Assert.Equal((key, surname, gender), (q.Key, q.Surname, q.Gender));
    }

    [Theory]
    [InlineData("the Treasury", "Treasury")]
    [InlineData("The Treasury", "Treasury")]
    [InlineData("a spokesman", "spokesman")]
    [InlineData("Anthem Group", "Anthem Group")]
    public void Anything_but_a_person_loses_its_article(string name, string key) =>
        Assert.Equal(key, new SourceNames(TestPack.Pack.Lexicons).Canonical(name, "", SourceType.Official, 1).Key);

    [Fact]
    public void Mr_and_Mrs_of_one_surname_are_two_people()
    {
        var sources = new ArchiveSources();
        var names = new SourceNames(TestPack.Pack.Lexicons);
        sources.Add("a", [names.Canonical("Thomas Blake", "", SourceType.Named, 2)]);
        sources.Add("b", [names.Canonical("Irene Blake", "", SourceType.Named, 2)]);
        sources.Add("c", [names.Canonical("Mr Blake", "", SourceType.Named, 1), names.Canonical("Mrs Blake", "", SourceType.Named, 1)]);
        var top = sources.Top(10);
        Assert.Equal(3, top.Single(s => s.Name == "Thomas Blake").Quotes);
        Assert.Equal(3, top.Single(s => s.Name == "Irene Blake").Quotes);
        Assert.Equal(2, top.Count);
    }

    [Fact]
    public void A_surname_joins_the_full_name_that_prevails_and_never_counts_a_story_twice()
    {
        var sources = new ArchiveSources();
        var names = new SourceNames(TestPack.Pack.Lexicons);
        for (var i = 0; i < 6; i++)
        {
            sources.Add($"p{i}", [names.Canonical("Gordon Vale", "", SourceType.Named, 1)]);
        }

        sources.Add("other", [names.Canonical("Nick Vale", "", SourceType.Named, 1)]);
        sources.Add("s1", [names.Canonical("Mr Vale", "", SourceType.Named, 3)]);
        var top = sources.Top(10);
        var vale = top.Single(s => s.Name == "Gordon Vale");
        Assert.Equal((9, 7), (vale.Quotes, vale.Stories));
        Assert.Contains("quoted in 6 of the 7 stories", vale.Variants.Single(v => v.Name == "Mr Vale").JoinedBecause, StringComparison.Ordinal);

        // Even: nobody prevails, and the surname stays apart, ambiguous.
        for (var i = 0; i < 5; i++)
        {
            sources.Add($"n{i}", [names.Canonical("Nick Vale", "", SourceType.Named, 1)]);
        }

        Assert.True(sources.Top(10).Single(s => s.Name == "Mr Vale").Ambiguous);
    }

    public void Dispose() => _folder.Dispose();

    // Four politics stories and a business one, written for this test: one politician under three roles and
    // an honorific, and the Treasury with and without its capital.
    private string WriteArchive() => _folder.Write("politics.jsonl", """
        {"id": "politics/001", "desk": "politics", "text": "Opposition leader Michael Howard said the budget would hurt pensioners. \"It is a raid on savers,\" Howard said. The Treasury said the figures were sound."}
        {"id": "politics/002", "desk": "politics", "text": "\"We will cut the red tape,\" Michael Howard told party members in Leeds on Saturday.\n\nThe speech drew loud applause. \"This is a fight for every town,\" Mr Howard said."}
        {"id": "politics/003", "desk": "politics", "text": "Tory leader Michael Howard said his party would fund 5,000 more police officers. \"Crime is up,\" he said."}
        {"id": "politics/004", "desk": "politics", "text": "\"The plans are costed to the penny,\" Tory leader Michael Howard said during a visit to Bristol."}
        {"id": "business/001", "desk": "business", "text": "Interest rates will stay at 4.75%, the Treasury said on Thursday."}
        {"id": "politics/005", "desk": "politics", "text": "\"We will not let this pass,\" Mr Howard said."}

        """);
}
