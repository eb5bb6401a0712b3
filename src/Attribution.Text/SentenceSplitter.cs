namespace Attribution.Text;

/// <summary>
/// Sentence segmentation that survives news copy: honorifics and ranks ("Brig.", "Lt. Col."),
/// "U.S.", dates ("Dec. 29"), initials ("John F. Kennedy"), decimals and ellipses.
/// </summary>
public static class SentenceSplitter
{
    private static readonly System.Buffers.SearchValues<char> Interesting = System.Buffers.SearchValues.Create("\n.!?");

    /// <summary>Splits one paragraph into sentence spans.</summary>
    public static void Split(string text, TextSpan paragraph, Lexicon lexicon, List<TextSpan> sentences)
    {
        var start = paragraph.Start;
        var end = paragraph.End;
        for (var i = start; i < end; i++)
        {
            // Only line breaks and terminators matter: jump to the next one with a vectorised search.
            var skip = text.AsSpan(i, end - i).IndexOfAny(Interesting);
            if (skip < 0)
            {
                break;
            }

            i += skip;
            var c = text[i];

            // A line that opens with a quotation mark starts a new sentence even without a blank
            // line before it (lists of reader quotes, one per line).
            if (c == '\n' && i > start && i + 1 < end && text[i + 1] is '"' or '\u201C' or '\u00AB')
            {
                var lineEnd = i;
                while (lineEnd > start && TextChars.IsSpace(text[lineEnd - 1]))
                {
                    lineEnd--;
                }

                if (lineEnd > start)
                {
                    sentences.Add(new TextSpan(start, lineEnd));
                }

                start = i + 1;
                continue;
            }

            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }

            // Swallow runs of terminators and closing marks: 'stop!"' or '?)' or '...'
            var j = i + 1;
            while (j < end && (text[j] is '.' or '!' or '?' or ')' or ']' or '"' or '\'' or '\u201D' or '\u2019' or '\u00BB'))
            {
                j++;
            }

            if (j >= end)
            {
                break;
            }

            if (!TextChars.IsSpace(text[j]))
            {
                i = j - 1;
                continue;
            }

            var k = j;
            while (k < end && TextChars.IsSpace(text[k]))
            {
                k++;
            }

            if (k >= end)
            {
                break;
            }

            if (c == '.' && j == i + 1 && !EndsSentenceAfterPeriod(text, start, i, k, lexicon))
            {
                continue;
            }

            if (!StartsSentence(text[k]))
            {
                continue;
            }

            sentences.Add(new TextSpan(start, j));
            start = k;
            i = k - 1;
        }

        if (end > start)
        {
            sentences.Add(new TextSpan(start, end));
        }
    }

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '"' or '\u201C' or '\u2018' or '\'' or '\u00AB' or '\u201E' or '(' or '[';

    // The period at `dot` ends a sentence unless the word before it is an abbreviation or an initial.
    private static bool EndsSentenceAfterPeriod(string text, int lineStart, int dot, int next, Lexicon lexicon)
    {
        var w = dot;
        while (w > lineStart && (char.IsLetter(text[w - 1]) || text[w - 1] == '.'))
        {
            w--;
        }

        var word = text.AsSpan(w, dot - w);
        if (word.IsEmpty)
        {
            return true;
        }

        // An initial: "John F. Kennedy", "W. Bush".
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false;
        }

        if (lexicon.Lookup(WordLists.Abbreviations).Contains(word))
        {
            // "U.S." and "Inc." can end a sentence; a following function word that starts sentences says so.
            if (word.Contains('.') || word.Equals("Inc", StringComparison.OrdinalIgnoreCase)
                || word.Equals("Corp", StringComparison.OrdinalIgnoreCase) || word.Equals("Jr", StringComparison.OrdinalIgnoreCase)
                || word.Equals("Co", StringComparison.OrdinalIgnoreCase) || word.Equals("Ltd", StringComparison.OrdinalIgnoreCase))
            {
                return IsSentenceStarter(text, next, lexicon);
            }

            return false;
        }

        return true;
    }

    private static bool IsSentenceStarter(string text, int at, Lexicon lexicon)
    {
        var e = at;
        while (e < text.Length && char.IsLetter(text[e]))
        {
            e++;
        }

        return lexicon.Lookup(WordLists.SentenceStarters).Contains(text.AsSpan(at, e - at));
    }
}
