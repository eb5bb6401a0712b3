using Attribution.Analysis.Configuration;
using Attribution.Text;

namespace Attribution.Analysis.Binding;

/// <summary>Binding, name scanning: the people the story names anywhere outside quotations.</summary>
public sealed partial class SourceBinder
{
    /// <summary>The name-scanning stage: every personal name the story gives outside quotations, in text order.</summary>
    private sealed class NameScanner(ParsedDocument doc, Lexicon lexicon, SourceLexicon sources) : BindingStage(doc, lexicon, sources)
    {
        // People named anywhere outside quotations: a title or a known given name, then capitalised words.
        private static readonly System.Buffers.SearchValues<char> NotCapitals = System.Buffers.SearchValues.Create(
            string.Concat(Enumerable.Range(0, 128).Select(c => (char)c).Where(c => c is not (>= 'A' and <= 'Z'))));

        public List<PersonName> Scan()
        {
            // Runs of capitalised words are looked up as slices of the story: only the names found become strings.
            var titles = Lex.TitleLookup;
            var givenNames = Src.GivenNameLookup;
            var institutions = Src.Lookup(WordLists.InstitutionNouns);
            var names = new List<PersonName>();
            var spans = new List<(int Start, int End)>();
            var regions = Doc.QuoteRegions;
            var r = 0;
            var i = 0;
            var text = Text;
            while (i < text.Length)
            {
                // A name starts with a capital: jump to the next character that could be one (A–Z, or
                // anything beyond ASCII) with a vectorised search.
                var next = text.AsSpan(i).IndexOfAnyExcept(NotCapitals);
                if (next < 0)
                {
                    break;
                }

                i += next;
                if (!char.IsUpper(text[i]) || (i > 0 && char.IsLetterOrDigit(text[i - 1])))
                {
                    i++;
                    continue;
                }

                while (r < regions.Length && regions[r].Span.End <= i)
                {
                    r++;
                }

                if (r < regions.Length && regions[r].Span.Start <= i)
                {
                    i = regions[r].Span.End;
                    continue;
                }

                var start = i;
                var j = i;
                spans.Clear();
                while (j < text.Length && char.IsUpper(text[j]))
                {
                    var s = j;
                    j = NameWordEnd(text, s);
                    spans.Add((s, j));
                    if (j < text.Length && text[j] == ' ' && j + 1 < text.Length && char.IsUpper(text[j + 1]))
                    {
                        j++;
                        continue;
                    }

                    break;
                }

                i = Math.Max(j, i + 1);
                if (spans.Count < 2)
                {
                    // A lone capitalised word (most of them): no strings made.
                    continue;
                }

                // Trailing periods are not part of the word ("Gen." → Gen, "U.S." → U.S).
                for (var k = 0; k < spans.Count; k++)
                {
                    var (s, e) = spans[k];
                    while (e > s + 1 && text[e - 1] == '.')
                    {
                        e--;
                    }

                    spans[k] = (s, e);
                }

                var first = 0;
                while (first < spans.Count && titles.ContainsKey(Slice(spans[first])))
                {
                    first++;
                }

                var hasTitle = first > 0;
                if (first >= spans.Count)
                {
                    continue;
                }

                var givenAt = givenNames.TryGetValue(Slice(spans[first]), out var g) ? first : -1;
                if (!hasTitle && givenAt < 0)
                {
                    // "State Jon Husted", "Trump lawyer Marc Kasowitz": start at the first given name.
                    var at = first + 1;
                    while (at < spans.Count && !givenNames.TryGetValue(Slice(spans[at]), out g))
                    {
                        at++;
                    }

                    if (at >= spans.Count - 1)
                    {
                        continue;
                    }

                    first = givenAt = at;
                    start = spans[at].Start;
                }

                var titleGender = hasTitle && titles.TryGetValue(Slice(spans[0]), out var tg) ? tg : Gender.Unknown;
                var surname = MentionAnalyzer.TrimPossessive(Slice(spans[^1]));
                if (institutions.Contains(surname) || (givenAt >= 0 && spans.Count - first < 2))
                {
                    continue;
                }

                var end = spans[^1].End;
                names.Add(new PersonName(start, text[start..end], surname.ToString(), givenAt >= 0 ? Slice(spans[givenAt]).ToString() : null,
                    titleGender != Gender.Unknown ? titleGender : givenAt < 0 ? Gender.Unknown : g));
            }

            return names;
        }

        // The end of a capitalised word that starts at s: letters, hyphens, apostrophes, and periods within its
        // first five characters ("Gen.", "U.S."). A method of its own, so the loop keeps its values in registers.
        private static int NameWordEnd(string text, int s)
        {
            // The letters of a name are ASCII letters but for a few: the loop below reads from the first that is not.
            var j = AsciiRuns.LettersEnd(text, s, text.Length);
            while ((uint)j < (uint)text.Length)
            {
                var c = text[j];
                if (char.IsAsciiLetter(c) || (c > '\u007f' ? char.IsLetter(c) || c == '\u2019' : c is '-' or '\'' || (c == '.' && j - s <= 4)))
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            return j;
        }

        private ReadOnlySpan<char> Slice((int Start, int End) span) => Text.AsSpan(span.Start, span.End - span.Start);
    }
}
