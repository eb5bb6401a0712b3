using System.Text;
using System.Text.Json;
using Attribution.Tests.Cli;

namespace Attribution.Tests.Binding;

/// <summary>
/// A document whose issuer the text names carries an owner: the id of that source ("the union's Friday
/// release" → the union). Stories written for these tests.
/// </summary>
public sealed class DocumentOwnerTests
{
    [Fact]
    public void A_release_a_statement_and_a_book_name_the_sources_that_issued_them()
    {
        const string story = """
            The transit union said members would walk out on Monday. The union's Friday release said a majority of members had voted yes.

            Mayor Ruth Okafor said the budget was balanced. Okafor's statement said no services would be cut.

            Darian Lonechild said the season was over. Her book says the fleet is half what it was.
            """;
        var sources = Sources(story);

        Assert.Equal(Id(sources, "The transit union"), Owner(sources, "The union's Friday release"));
        Assert.Equal(Id(sources, "Ruth Okafor"), Owner(sources, "Okafor's statement"));
        Assert.Equal(Id(sources, "Darian Lonechild"), Owner(sources, "Her book"));
        Assert.All(sources.Where(s => s.GetProperty("type").GetString() != "document"), s => Assert.False(s.TryGetProperty("owner", out _)));
    }

    [Fact]
    public void A_document_whose_issuer_is_not_a_source_has_no_owner()
    {
        var sources = Sources("The council's report said the library would close.\n");

        var report = Assert.Single(sources);
        Assert.Equal("document", report.GetProperty("type").GetString());
        Assert.False(report.TryGetProperty("owner", out _));
    }

    private static List<JsonElement> Sources(string story)
    {
        var (code, stdout, _) = CliRunner.RunWithInput(Encoding.UTF8.GetBytes(story), "check", "--format", "json", "-");
        Assert.Equal(0, code);
        return [.. JsonDocument.Parse(stdout).RootElement.GetProperty("documents")[0].GetProperty("sources").EnumerateArray()];
    }

    private static string Id(List<JsonElement> sources, string name) =>
        sources.Single(s => s.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;

    private static string? Owner(List<JsonElement> sources, string name) =>
        sources.Single(s => s.GetProperty("name").GetString() == name) is var s && s.TryGetProperty("owner", out var o) ? o.GetString() : null;
}
