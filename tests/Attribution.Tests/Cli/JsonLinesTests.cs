using Attribution.Analysis.Inputs;

namespace Attribution.Tests.Cli;

/// <summary>JSONL archives are read a line at a time, with every line ending, and no line may take all memory.</summary>
public sealed class JsonLinesTests
{
    private static List<InputDocument> Read(string archive, int maxLineChars = 1000) =>
        [.. InputReader.ReadJsonLines("archive.jsonl", new StringReader(archive), maxLineChars).Select(load => load())];

    [Fact]
    public void Records_end_at_lf_crlf_or_cr_and_the_last_needs_no_line_end()
    {
        var docs = Read("{\"id\":\"a\",\"text\":\"One.\"}\r\n\n{\"id\":\"b\",\"text\":\"Two.\"}\r{\"id\":\"c\",\"text\":\"Three.\"}\n{\"id\":\"d\",\"text\":\"Four.\"}");
        Assert.Equal(["a", "b", "c", "d"], docs.Select(d => d.Path));
        Assert.Equal(["One.", "Two.", "Three.", "Four."], docs.Select(d => d.Text!.Text));
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_reported_and_the_next_record_is_read()
    {
        var huge = "{\"id\":\"big\",\"text\":\"" + new string('x', 5000) + "\"}";
        var docs = Read(huge + "\r\n{\"id\":\"small\",\"text\":\"\\\"Fine,\\\" she said.\"}\n");
        Assert.Equal(2, docs.Count);
        Assert.Equal("archive.jsonl:1", docs[0].Path);
        Assert.Contains("longer than", docs[0].Error, StringComparison.Ordinal);
        Assert.Equal("small", docs[1].Path);
        Assert.Null(docs[1].Error);
    }

    [Fact]
    public void A_line_that_ends_exactly_at_a_buffer_boundary_keeps_its_crlf_as_one_end()
    {
        // The reader's buffer holds 65,536 characters: put the \r last in it and the \n first in the next.
        var first = "{\"id\":\"a\",\"text\":\"" + new string('y', 65_536 - 21) + "\"}";
        Assert.Equal(65_535, first.Length);
        var docs = Read(first + "\r\nnot json", maxLineChars: 100_000);
        Assert.Equal(["a", "archive.jsonl:2"], docs.Select(d => d.Path)); // line 2, not 3
    }
}
