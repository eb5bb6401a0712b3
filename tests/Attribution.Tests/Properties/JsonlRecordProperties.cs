using System.Text;
using Attribution.Inputs;
using CsCheck;

namespace Attribution.Tests.Properties;

/// <summary>
/// The fast JSONL record reader and JsonDocument read every record alike: the same text, id, metadata and
/// error, whether the fast reader takes the record or declines it.
/// </summary>
public sealed class JsonlRecordProperties
{
    // Characters that need escaping, characters beyond ASCII (a pair among them) and halves of pairs.
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String[Gen.Char['a', 'e'], 0, 6],
        Gen.OneOfConst("\"", "\\", "/", "\n", "\t", "\r", "\b", "\f", "\u0001", "\u001f", " ", "é", "€", "\u2019", "😀", "\ud800", "\udc00", "\0"))
        .Array[0, 8].Select(parts => string.Concat(parts));

    private static readonly Gen<string> Name = Gen.OneOfConst("\"id\"", "\"text\"", "\"te\\u0078t\"", "\"source\"", "\"date\"", "\"\"", "\"é\"");

    private static readonly Gen<string> Number = Gen.OneOfConst("0", "-1", "12.5", "1e3", "1E+2", "-0.0e-1", "01", "1.", "-", "+1", ".5", "123456789012345678901234567890");

    private static readonly Gen<string> Other = Gen.OneOfConst("true", "false", "null", "{\"a\":1}", "[\"x\"]", "[]", "{}");

    private static readonly Gen<string> String = Gen.Select(Text, Gen.Bool, Gen.Int[0, 20], (s, escapeAll, rawControl) => Quote(s, escapeAll, rawControl == 0));

    private static readonly Gen<string> Value = Gen.Frequency((12, String), (3, Number), (1, Other));

    private static readonly Gen<string> Space = Gen.OneOfConst("", "", " ", "\t", "  ");

    // Most records have a text, where the fast reader can take them; some are corrupted.
    private static readonly Gen<string> Record = Gen.Select(
        Gen.Select(Name, Space, Value, Space, (n, s, v, t) => n + s + ":" + t + v).Array[0, 4],
        Gen.Select(Gen.Int[0, 4], String, (at, text) => (At: at, Property: "\"text\": " + text)),
        Space,
        Gen.Int[0, 40],
        (properties, text, space, corruption) =>
        {
            var all = properties.ToList();
            if (text.At < 4)
            {
                all.Insert(Math.Min(text.At, all.Count), text.Property);
            }

            return Corrupt(space + "{" + string.Join("," + space, all) + "}" + space, corruption);
        });

    [Fact]
    public void The_fast_reader_and_JsonDocument_read_a_record_alike()
    {
        var taken = 0;
        Record.Sample(record =>
        {
            var bytes = Encoding.UTF8.GetBytes(record);
            var read = InputReader.ReadJsonLines("a.jsonl", new MemoryStream(bytes), 1 << 20).Select(load => load()).Single();
            var expected = InputReader.ParseRecordWithDocument("a.jsonl:1", bytes);
            Assert.Equal(expected.Path, read.Path);
            Assert.Equal(expected.Error, read.Error);
            Assert.Equal(expected.Text?.Text, read.Text?.Text);
            Assert.Equal(expected.Metadata?.ToList(), read.Metadata?.ToList());
            if (JsonlRecord.TryRead(bytes, out _, out _, out _))
            {
                Interlocked.Increment(ref taken);
            }
        }, iter: 20_000);

        // The comparison means something only if the fast reader takes a fair share of the records.
        Assert.True(taken > 3_000, $"the fast reader took {taken} of 20,000 records");
    }

    [Fact]
    public void A_typical_record_is_taken_by_the_fast_reader()
    {
        var record = "{\"id\": \"world/017\", \"text\": \"\\\"We will not leave,\\\" said Ana Ruiz, 52.\\n\\nShe paid \\u00a3600.\", \"year\": 2024}"u8;
        Assert.True(JsonlRecord.TryRead(record, out var text, out var id, out var metadata));
        Assert.Equal("\"We will not leave,\" said Ana Ruiz, 52.\n\nShe paid £600.", text);
        Assert.Equal("world/017", id);
        Assert.Equal([new("year", "2024")], metadata.ToList());
    }

    // As a JSON string: escapes everything beyond ASCII, or only what must be; a control character raw
    // (invalid JSON) when asked; a half of a pair always escaped, since raw it is not UTF-8.
    private static string Quote(string s, bool escapeAll, bool rawControl)
    {
        var sb = new StringBuilder("\"");
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '"')
            {
                sb.Append("\\\"");
            }
            else if (c == '\\')
            {
                sb.Append(escapeAll ? "\\u005C" : "\\\\");
            }
            else if (c == '/' && escapeAll)
            {
                sb.Append("\\/");
            }
            else if (c < 0x20)
            {
                // Raw line breaks would split the record into two lines.
                sb.Append(rawControl && c is not ('\n' or '\r') ? c.ToString() : c switch
                {
                    '\n' => "\\n",
                    '\t' => "\\t",
                    '\r' => "\\r",
                    '\b' => "\\b",
                    '\f' => "\\f",
                    _ => $"\\u{(int)c:x4}",
                });
            }
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) && !escapeAll)
            {
                sb.Append(c).Append(s[++i]);
            }
            else if (c > 0x7e && (escapeAll || char.IsSurrogate(c)))
            {
                sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.Append('"').ToString();
    }

    // Now and then a record that is not quite JSON.
    private static string Corrupt(string record, int how) => how switch
    {
        0 => record[..^1],
        1 => record + ",",
        2 => record + " x",
        3 => "[" + record,
        4 => record.Replace("{", " ", StringComparison.Ordinal),
        5 => record.Replace(":", "", StringComparison.Ordinal),
        6 => record.Replace(",", ",,", StringComparison.Ordinal),
        _ => record,
    };
}
