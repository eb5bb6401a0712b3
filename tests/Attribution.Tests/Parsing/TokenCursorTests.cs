using Attribution.Text;
using Attribution.Text.Constructions;

namespace Attribution.Tests.Parsing;

/// <summary>The cursor the constructions move over a sentence's tokens: its tests are false outside the sentence.</summary>
public sealed class TokenCursorTests
{
    [Fact]
    public void A_cursor_reads_the_unit_moves_peeks_and_is_restored_by_copy()
    {
        const string text = "Prices will rise, according to the bank.";
        var parser = ParserOver(text);
        parser.ParseUnit(new Unit(new TextSpan(0, text.Length), 0, 0));

        var cursor = parser.Cursor(0);
        Assert.True(cursor.IsWord("prices"));
        Assert.True(cursor.IsCapitalised);

        var saved = cursor;
        while (!cursor.IsPunct(','))
        {
            cursor.Next();
        }

        Assert.True(cursor.Peek(1).IsWord("according"));
        Assert.True(cursor.Peek(2).IsWord("to"));
        Assert.Equal(3, cursor - saved);
        Assert.Equal("Prices will rise", text[saved.SpanTo(cursor.Peek(-1)).Start..saved.SpanTo(cursor.Peek(-1)).End]);
        Assert.True(saved < cursor);

        // Outside the sentence every test is false, not an exception.
        var before = saved.Peek(-1);
        var after = cursor.Peek(100);
        foreach (var outside in new[] { before, after })
        {
            Assert.False(outside.InRange);
            Assert.False(outside.IsWord("prices"));
            Assert.False(outside.IsPunct(','));
            Assert.False(outside.IsQuoteOpen || outside.IsQuoteClose || outside.IsWordOrNumber || outside.IsCapitalised || outside.IsTerminal || outside.IsDash);
            Assert.False(outside.IsAnyWord(WordLists.Determiners));
        }

        Assert.True(parser.Cursor(parser.N - 1).IsTerminal);
        Assert.False(parser.Cursor(parser.N - 1).HasNext);
    }

    [Fact]
    public void Word_tests_past_the_last_token_are_false_after_a_longer_unit()
    {
        // The token buffer is reused from unit to unit: past a short unit's end lie a longer one's tokens, which
        // no test may read ("…told she" at a story's end once read the stale "will" after it as an auxiliary).
        const string text = "Told. He said will.";
        var parser = ParserOver(text);
        parser.ParseUnit(new Unit(new TextSpan(6, text.Length), 0, 0));
        Assert.True(parser.IsAuxiliary(2));

        parser.ParseUnit(new Unit(new TextSpan(0, 5), 0, 0));
        Assert.Equal(2, parser.N);
        Assert.False(parser.IsAuxiliary(parser.N));
    }

    // A parser over one paragraph of text, with no quotation regions; its units are parsed by the test.
    private static DocumentParser ParserOver(string text)
    {
        var lexicon = TestPack.Pack.Lexicons.Parser;
        return new DocumentParser(text, lexicon, null, new WordMap<WordConstruction[]>(Registry.AnchorTable(lexicon)), [], [new TextSpan(0, text.Length)]);
    }
}
