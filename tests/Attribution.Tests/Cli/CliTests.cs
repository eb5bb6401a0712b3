using System.Text;
using System.Text.Json;
using Attribution.Cli;

namespace Attribution.Tests.Cli;

/// <summary>The command as a user runs it: exit codes, stdin, bad inputs that do not stop the others.</summary>
public sealed class CliTests : IDisposable
{
    private readonly TempFolder _temp = new("attribution-cli-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Json_output_of_a_clean_story_exits_zero()
    {
        var story = Write("story.txt", "\"We are ready,\" said Mayor Ruth Okafor.");
        var (code, stdout, _) = CliRunner.Run("check", "--format", "json", story);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var doc = Assert.Single(json.RootElement.GetProperty("documents").EnumerateArray());
        Assert.Equal("said", doc.GetProperty("quotes")[0].GetProperty("cue").GetProperty("text").GetString());
        Assert.Equal("attribution", json.RootElement.GetProperty("tool").GetProperty("name").GetString());
    }

    [Fact]
    public void Bad_inputs_exit_two_and_the_other_documents_are_still_analysed()
    {
        var good = Write("good.txt", "\"Fine,\" she said.");
        var empty = Write("empty.txt", "   \n");
        var binary = WriteBytes("binary.txt", [0x41, 0x00, 0x42]);
        var invalid = WriteBytes("latin1.txt", [0x22, 0x48, 0xE9, 0x22, 0x20, 0x73, 0x61, 0x69, 0x64]);
        var (code, stdout, stderr) = CliRunner.Run("check", "--format", "json", good, empty, binary, invalid, Path.Combine(_temp.Root, "missing.txt"));
        Assert.Equal(2, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Single(json.RootElement.GetProperty("documents").EnumerateArray());
        var errors = json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, m => m.Contains("empty", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("binary", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("UTF-8", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("not found", StringComparison.Ordinal));
        Assert.Contains("missing.txt: file not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Folders_are_read_recursively_and_jsonl_records_become_documents()
    {
        Write(Path.Combine("desk", "a.txt"), "\"One,\" he said.");
        Write(Path.Combine("desk", "nested", "b.txt"), "\"Two,\" she said.");
        Write(Path.Combine("desk", "archive.jsonl"), "{\"id\":\"x1\",\"text\":\"\\\"Three,\\\" they said.\",\"desk\":\"metro\"}\nnot json\n");
        var (code, stdout, _) = CliRunner.Run("check", "--format", "json", Path.Combine(_temp.Root, "desk"));
        Assert.Equal(2, code); // the bad JSONL line
        using var json = JsonDocument.Parse(stdout);
        var paths = json.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("path").GetString()).ToList();
        Assert.Equal(3, paths.Count);
        Assert.Contains("x1", paths);
        Assert.Contains(json.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetProperty("path").GetString()!.EndsWith("archive.jsonl:2", StringComparison.Ordinal));
    }

    [Fact]
    public void Standard_input_is_read_for_a_dash()
    {
        var (code, stdout, _) = CliRunner.RunWithInput(Encoding.UTF8.GetBytes("Police said the road was closed."), "check", "--format", "json", "-");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("<stdin>", json.RootElement.GetProperty("documents")[0].GetProperty("path").GetString());
    }

    [Fact]
    public void A_floating_quotation_is_its_own_quote_that_continues_the_attribution_before_it()
    {
        const string story = "\"The bridge will reopen in March,\" the transport minister, Hana Sorensen, said on Tuesday.\n\n"
            + "The repairs cost more than expected after winter storms damaged the deck.\n\n"
            + "\"We owe the people who cross it every day a safe crossing, and that takes the time it takes.\"\n";
        var quotes = QuotesOf(story);
        Assert.Equal(2, quotes.GetArrayLength());
        var (first, floating) = (quotes[0], quotes[1]);
        Assert.StartsWith("\"We owe", floating.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, floating.GetProperty("cue").ValueKind);
        Assert.Equal(JsonValueKind.Null, floating.GetProperty("speaker").ValueKind);
        Assert.Equal(first.GetProperty("id").GetString(), floating.GetProperty("continues").GetString());
        Assert.Equal(first.GetProperty("source").GetString(), floating.GetProperty("source").GetString());
        Assert.False(first.TryGetProperty("continues", out _));
    }

    [Fact]
    public void A_quotation_after_its_attribution_sentence_continues_it_and_a_split_one_stays_whole()
    {
        // Wire style: "A," she said. "B." — two quotations, the second continuing the first; and
        // "…," he said, "…" — one quotation in two parts.
        const string story = "\"The levee held,\" said county engineer Mara Quist. \"Next year we raise it another metre.\"\n\n"
            + "\"It was close,\" the sheriff said, \"closer than anyone wanted.\"\n";
        var quotes = QuotesOf(story);
        Assert.Equal(3, quotes.GetArrayLength());
        Assert.Equal("q1", quotes[1].GetProperty("continues").GetString());
        Assert.Equal(quotes[0].GetProperty("source").GetString(), quotes[1].GetProperty("source").GetString());
        Assert.Equal(2, quotes[2].GetProperty("spans").GetArrayLength());
        Assert.False(quotes[2].TryGetProperty("continues", out _));
    }

    // The quotations `check --format json` finds in a story read from standard input.
    private static JsonElement QuotesOf(string story)
    {
        var (code, stdout, _) = CliRunner.RunWithInput(Encoding.UTF8.GetBytes(story), "check", "--format", "json", "-");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        return json.RootElement.GetProperty("documents")[0].GetProperty("quotes").Clone();
    }

    [Fact]
    public void Utf16_with_a_bom_is_decoded()
    {
        var bytes = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("\"Yes,\" she said.")).ToArray();
        var file = WriteBytes("utf16.txt", bytes);
        var (code, stdout, _) = CliRunner.Run("check", "--format", "json", file);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("\"Yes,\"", json.RootElement.GetProperty("documents")[0].GetProperty("quotes")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void Usage_errors_exit_two()
    {
        Assert.Equal(2, CliRunner.Run("check").Code);
        Assert.Equal(2, CliRunner.Run("check", "--format", "pdf", "x.txt").Code);
        Assert.Equal(2, CliRunner.Run("frobnicate").Code);
    }

    [Fact]
    public void A_broken_rules_folder_exits_three_with_a_located_error()
    {
        var rules = Path.Combine(_temp.Root, "rules");
        Directory.CreateDirectory(Path.Combine(rules, "lexicon"));
        Directory.CreateDirectory(Path.Combine(rules, "classify"));
        File.WriteAllText(Path.Combine(rules, "lexicon", "cues.yml"), "verbs: [ { lemma: say, forms: [say, says\n");
        var story = Write("s.txt", "He said so.");
        var (code, _, stderr) = CliRunner.Run("check", "--rules", rules, story);
        Assert.Equal(3, code);
        Assert.Contains("cues.yml(", stderr, StringComparison.Ordinal);
        Assert.Contains("error AT0001", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_output_summarises_the_run()
    {
        var story = Write("story.txt", "\"We are ready,\" said Mayor Ruth Okafor. Officials said the road was closed.");
        var (code, stdout, _) = CliRunner.Run("check", story);
        Assert.Equal(0, code);
        Assert.Contains("2 quote", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Colour_only_on_a_terminal_and_never_with_no_color()
    {
        var story = Write("c.txt", "Vance claimed the budget was padded.");
        using var stdout = new MemoryStream();
        CliApp.Run(["check", story], new CliConsole(stdout, new StringWriter(), () => Stream.Null, IsTerminal: true));
        var text = Encoding.UTF8.GetString(stdout.ToArray());
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        Assert.Equal(!noColor, text.Contains('\u001b', StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', CliRunner.Run("check", story).Stdout);
    }

    [Fact]
    public void The_summary_is_written_in_words()
    {
        var story = Write("w.txt", "A senior official said the talks had stalled. \"We are close,\" said Foreign Minister Ana Ruiz.");
        var (_, stdout, _) = CliRunner.Run("check", story);
        Assert.Contains("1 document: 2 quotes from 2 sources: 1 named, 1 anonymous; 1 anonymous source gives no reason", stdout, StringComparison.Ordinal);
        Assert.Contains("0 errors, 1 warning, 0 suggestions", stdout, StringComparison.Ordinal);
    }

    private string Write(string name, string text) => _temp.Write(name, text);

    private string WriteBytes(string name, byte[] bytes) => _temp.WriteBytes(name, bytes);
}
