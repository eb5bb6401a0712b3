using Attribution.Analysis;
using Attribution.Reporting;
using Attribution.Text;
using CsCheck;

namespace Attribution.Tests.Properties;

/// <summary>
/// The compact JSON of a story copies plain quotation and speaker texts (printable ASCII but the quotation
/// mark and the backslash) into the output itself, beside the spans' numbers; everything else goes through
/// the writer's encoder. Either way a rendered story must be the bytes the writer writes a call at a time.
/// </summary>
public sealed class JsonTextProperties
{
    // Printable ASCII but the quotation mark (which would end the quotation) and the backslash: plain text. Mixed
    // in with it, the backslash, the ones an encoder might escape, and characters that are escaped or lie beyond ASCII.
    private static readonly Gen<char> Printable = Gen.Char['\u0020', '\u007e'].Where(c => c is not ('"' or '\\'));

    private static readonly Gen<char> Character = Gen.OneOf(Printable,
        Gen.OneOfConst('\\', '<', '>', '&', '\'', '+', '`', '/', '\t', '\u007f', '\u0085', '\u00e9', '\u2019', '\u2028', '\ufeff', ' ', ' ', 'e'));

    // Half the texts plain (those longer than 512 characters still go to the encoder), half mixed.
    private static readonly Gen<string> Text = Gen.OneOf(Gen.String[Printable, 1, 700], Gen.String[Character, 1, 700]);

    [Fact]
    public void A_rendered_story_is_the_story_written_call_by_call()
    {
        var quoted = 0;
        var plain = 0;
        Gen.Select(Text, Gen.OneOf(Gen.String[Printable, 1, 40], Gen.String[Character, 1, 40])).Sample((said, reported) =>
        {
            var story = $"\"{said}.\" Jane Porter said.\n\nA spokesman for the mayor said {reported}.\n";
            var analysis = TestPack.Analyzer.Analyze(new SourceText("story.txt", story));
            quoted += analysis.Document.Quotations.Length;
            plain += analysis.Document.Quotations.Count(q => !story.AsSpan(q.Span.Start, q.Span.Length).ContainsAnyExceptInRange('\u0020', '\u007e')
                && !story.AsSpan(q.Span.Start, q.Span.Length).ContainsAny('"', '\\'));
            Assert.Equal(CallByCall(analysis), Rendered(analysis));
        }, iter: 400);

        // Both paths were taken: plain texts and texts with characters to escape.
        Assert.InRange(plain, 100, quoted - 100);
    }

    private static string Rendered(DocumentAnalysis analysis) => Write(writer => writer.WriteRendered(JsonReportWriter.Render(analysis)));

    private static string CallByCall(DocumentAnalysis analysis) => Write(writer => writer.WriteDocument(analysis));

    private static string Write(Action<JsonReportWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new JsonReportWriter(stream, indented: false))
        {
            write(writer);
            writer.Complete();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
