using System.Collections.Frozen;
using System.Text.Json;
using Attribution.Analysis.Configuration;
using Attribution.Text;
using CsCheck;
using Xunit.Abstractions;

namespace Attribution.Tests.Properties;

/// <summary>
/// The parser passes over units that hold no quotation, colon or trigger word without tokenizing them. That
/// is only a shortcut: it must find exactly what parsing every unit finds.
/// </summary>
public sealed class QuietUnitProperties(ITestOutputHelper output)
{
    private static readonly AttributionParser Passing = new(TestPack.Pack.Lexicons.Parser);
    private static readonly AttributionParser Parsing = new(TestPack.Pack.Lexicons.Parser, passOverQuietUnits: false);

    // News-like pieces, with the words the shortcut looks for glued to digits, hyphens, apostrophes and
    // letters beyond ASCII ("said2", "un-said", "ſaid"), where its runs of letters and the tokenizer's words
    // part ways.
    private static readonly Gen<string> Text = Gen.OneOfConst(
            "\"", "“", "”", "‘", "’", "'", " ", " ", " ", " ", "\n", "\n\n", ".", ",", ":", ";", "—", "-", "?", "(", ")",
            "said", "Said", "SAYS", "told", "according", "According to", "to", "as", "As", "put", "it", "put it", "added",
            "he", "she", "the official", "Smith", "Mr.", "U.S.", "officials", "a source", "on condition of anonymity",
            "said2", "2said", "un-said", "said’s", "x'put", "ſaid", "saıd", "séid", "déclaré", "Ana", "Ruiz", "we", "will",
            "the", "budget", "vote", "on", "Tuesday", "and", "that", "3:30", "10", "1,000", "a", "in",
            "As the mayor put it, ", "as Smith put it", "according to police", "Smith: ", "MAYOR: ", ", Smith told reporters.")
        .Array[0, 90]
        .Select(parts => string.Concat(parts));

    [Fact]
    public void Passing_over_quiet_units_finds_what_parsing_every_unit_finds() =>
        Text.Sample(text => Assert.Equal(Quotations(Parsing, text), Quotations(Passing, text)), iter: 4000);

    [Fact]
    public void The_samples_parse_the_same_either_way()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestPack.RepositoryRoot, "samples"), "*.txt"))
        {
            var text = File.ReadAllText(file);
            Assert.Equal(Quotations(Parsing, text), Quotations(Passing, text));
        }
    }

    [SkippableFact]
    public void The_corpus_parses_the_same_either_way()
    {
        var corpus = Requires.SharedFolder("corpus");

        // Every 7th story of each file, read at run time (the corpus is not ours to copy).
        var stories = 0;
        foreach (var file in Directory.GetFiles(corpus, "*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Where((_, i) => i % 7 == 0))
            {
                using var record = JsonDocument.Parse(line);
                if (record.RootElement.TryGetProperty("text", out var property) && property.GetString() is { } text)
                {
                    Assert.Equal(Quotations(Parsing, text), Quotations(Passing, text));
                    stories++;
                }
            }
        }

        output.WriteLine($"{stories} stories compared");
        Assert.True(stories > 1000);
    }

    [Fact]
    public void A_cue_that_is_not_all_letters_turns_the_shortcut_off()
    {
        // A newsroom's lexicon with a hyphenated cue: no run of letters spells it, so every unit is parsed.
        using var folder = new TempFolder("cues");
        foreach (var file in Directory.GetFiles(Path.Combine(TestPack.RulesDirectory, "lexicon"), "*.yml"))
        {
            folder.Write(Path.GetFileName(file), File.ReadAllText(file));
        }

        File.AppendAllText(Path.Combine(folder.Root, "cues.yml"), "  - { lemma: co-sign, class: neutral, forms: [co-sign, co-signs, co-signed, co-signing] }\n");
        var lexicon = LexiconLoader.Load(folder.Root).Parser;
        const string text = "The budget will not pass this year, the senator co-signed.";
        Assert.Contains(new AttributionParser(lexicon).Parse(new SourceText("t.txt", text)).Quotations, q => q.Verb?.Form == "co-signed");
        Assert.Equal(Quotations(new AttributionParser(lexicon, passOverQuietUnits: false), text), Quotations(new AttributionParser(lexicon), text));
    }

    private static string[] Quotations(AttributionParser parser, string text) =>
        [.. parser.Parse(new SourceText("t.txt", text)).Quotations.Select(q =>
            $"{q.Kind} {string.Join('+', q.Spans)} cue {q.Cue} verb {q.Verb?.Form} speaker {q.Speaker} continues {q.ContinuesFrom} paragraph {q.Paragraph}")];
}

/// <summary>Runs of letters, read sixteen characters at a time, are the runs a character-by-character reading finds.</summary>
public sealed class LetterRunProperties
{
    private static readonly Gen<char> Character = Gen.OneOfConst('a', 'A', 'd', 'D', 's', 'S', 'i', 'x', ' ', ' ', '-', '\'', '’', '.', '1', '“', 'é', 'ı', 'ſ', 'Ω', '\u00ad', '\ud83d');

    [Fact]
    public void A_run_is_found_exactly_when_one_is_in_the_list() =>
        Gen.Select(Gen.String[Character, 0, 70], Gen.String[Gen.OneOfConst('a', 'A', 'd', 's', 'é', 'ı', 'S'), 1, 4].Array[0, 6]).Sample((text, list) =>
        {
            var words = new WordSet(list.ToFrozenSet(StringComparer.OrdinalIgnoreCase));
            var runs = new List<string>();
            for (var i = 0; i < text.Length;)
            {
                var start = i;
                while (i < text.Length && LetterRuns.IsLetter(text[i]))
                {
                    i++;
                }

                if (i > start)
                {
                    runs.Add(text[start..i]);
                }
                else
                {
                    i++;
                }
            }

            var expected = runs.Exists(run => words.Contains(run));
            Assert.Equal(expected, LetterRuns.Any(text, words));

            // Within a longer text, what comes before and after the range counts for nothing, though the
            // last sixteen characters are read with what follows them.
            var context = "aD" + text + "dS a";
            Assert.Equal(expected, LetterRuns.Any(context, 2, 2 + text.Length, words));
        }, iter: 20000);
}

/// <summary>The ends of ASCII runs found eight characters at a time are the ends a character-by-character reading finds.</summary>
public sealed class AsciiRunProperties
{
    // Letters next to the characters just outside the ranges ('@' and '[' around 'A'–'Z', '`' and '{' around
    // 'a'–'z', '/' and ':' around '0'–'9'), and letters beyond ASCII, which end a run here.
    private static readonly Gen<char> Character = Gen.OneOfConst('a', 'z', 'A', 'Z', 'm', 'M', '0', '9', '5', '@', '[', '`', '{', '/', ':', ' ', '-', 'é', 'ı', '\u0141', '\u0161');

    [Fact]
    public void A_run_ends_where_a_character_by_character_reading_ends_it() =>
        Gen.Select(Gen.String[Character, 0, 50], Gen.Int[0, 52], Gen.Int[0, 52]).Sample((text, from, limit) =>
        {
            Assert.Equal(Reference(text, from, limit, digits: false), AsciiRuns.LettersEnd(text, from, limit));
            Assert.Equal(Reference(text, from, limit, digits: true), AsciiRuns.LettersOrDigitsEnd(text, from, limit));
        }, iter: 20000);

    [Fact]
    public void A_start_before_the_text_is_refused_and_one_past_it_reads_nothing()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AsciiRuns.LettersEnd("abc", -1, 3));
        Assert.Equal(5, AsciiRuns.LettersOrDigitsEnd("abc", 5, 9));
    }

    private static int Reference(string text, int from, int limit, bool digits)
    {
        var i = from;
        while (i < Math.Min(limit, text.Length) && (char.IsAsciiLetter(text[i]) || (digits && char.IsAsciiDigit(text[i]))))
        {
            i++;
        }

        return i;
    }
}
