using System.Text;
using Attribution.Inputs;

namespace Attribution.Tests.Cli;

/// <summary>JSONL archives are read a line at a time, with every line ending, and no line may take all memory.</summary>
public sealed class JsonLinesTests
{
    private static List<InputDocument> Read(string archive, int maxLineBytes = 1000) => Read(Encoding.UTF8.GetBytes(archive), maxLineBytes);

    private static List<InputDocument> Read(byte[] archive, int maxLineBytes = 1000) =>
        [.. InputReader.ReadJsonLines("archive.jsonl", new MemoryStream(archive), maxLineBytes).Select(load => load())];

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
        // The reader's buffer holds 65,536 bytes, after the 4 it reads first for a byte order mark: put the
        // \r last in the second block and the \n first in the third.
        var first = "{\"id\":\"a\",\"text\":\"" + new string('y', 4 + 65_536 - 21) + "\"}";
        Assert.Equal(4 + 65_535, first.Length);
        var docs = Read(first + "\r\nnot json", maxLineBytes: 100_000);
        Assert.Equal(["a", "archive.jsonl:2"], docs.Select(d => d.Path)); // line 2, not 3
    }

    [Fact]
    public void A_record_with_an_escaped_half_of_a_surrogate_pair_is_reported_and_the_others_are_read()
    {
        // It parses as JSON, but its string cannot be read: this once stopped the whole run with an exception.
        var docs = Read("{\"id\":\"a\",\"text\":\"He said \\ud800 hi.\"}\n{\"id\":\"b\",\"text\":\"Fine.\",\"desk\":\"\\udc00\"}\n{\"id\":\"c\",\"text\":\"Three.\"}\n");
        Assert.Equal(["archive.jsonl:1", "archive.jsonl:2", "c"], docs.Select(d => d.Path));
        Assert.Contains("invalid JSON", docs[0].Error, StringComparison.Ordinal);
        Assert.Contains("invalid JSON", docs[1].Error, StringComparison.Ordinal);
        Assert.Null(docs[2].Error);
    }

    [Fact]
    public void A_record_that_is_not_utf8_is_reported_and_the_others_are_read()
    {
        byte[] archive =
        [
            .. "{\"id\":\"a\",\"text\":\"Caf"u8, 0xE9, .. "\"}\n"u8,
            .. "{\"id\":\"b\",\"text\":\"\\\"Fine,\\\" she said.\"}\n"u8,
        ];
        var docs = Read(archive);
        Assert.Equal(["archive.jsonl:1", "b"], docs.Select(d => d.Path));
        Assert.Contains("not valid UTF-8 (bad byte at offset 21", docs[0].Error, StringComparison.Ordinal);
        Assert.Null(docs[1].Error);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void An_archive_with_a_byte_order_mark_is_read_in_its_encoding(string name)
    {
        var encoding = Encoding.GetEncoding(name);
        // Long enough that the decoding runs over several blocks, with letters outside ASCII across their edges.
        var records = Enumerable.Range(0, 400).Select(i => $"{{\"id\":\"r{i}\",\"text\":\"\u201CS\u00E3o Paulo {new string('\u00E9', i * 7)},\u201D said \u00C9lodie.\"}}");
        var docs = Read([.. encoding.Preamble, .. encoding.GetBytes(string.Join("\r\n", records))], maxLineBytes: 100_000);
        Assert.Equal(400, docs.Count);
        Assert.All(docs, d => Assert.Null(d.Error));
        Assert.Equal($"\u201CS\u00E3o Paulo {new string('\u00E9', 399 * 7)},\u201D said \u00C9lodie.", docs[^1].Text!.Text);
    }

    [Fact]
    public void A_utf16_archive_with_a_lone_surrogate_stops_with_a_clear_error_after_the_blocks_before_it()
    {
        // The archive is decoded in blocks of 16 KB: the records of the blocks before the bad one are read.
        var good = string.Concat(Enumerable.Range(0, 1000).Select(i => $"{{\"id\":\"r{i}\",\"text\":\"One.\"}}\n"));
        byte[] archive = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(good + "{\"id\":\"b\",\"text\":\""), 0x00, 0xD8, .. Encoding.Unicode.GetBytes("\"}\n")];
        var docs = Read(archive);
        Assert.True(docs.Count > 500, $"{docs.Count} documents");
        Assert.All(docs[..^1], d => Assert.Null(d.Error));
        Assert.Contains("not valid UTF-16; the rest of the archive was skipped", docs[^1].Error, StringComparison.Ordinal);
    }
}
