using Attribution.Text;
using CsCheck;

namespace Attribution.Tests.Properties;

/// <summary>
/// The tokenizer's fast paths (runs of ASCII letters read eight characters at a time, single spaces inline,
/// everything else out of line) give the tokens a plain character-by-character reading of its rules gives.
/// </summary>
public sealed class TokenizerProperties
{
    // Letters and digits in and beyond ASCII, every kind of white space, and the marks that join words
    // (apostrophes, hyphens, initials' periods, the soft hyphen) or numbers (1,000 3.5 9/11 10:30).
    private static readonly Gen<char> Character = Gen.OneOfConst(
        'a', 'Z', 's', 'S', 'm', '5', '0', ' ', ' ', ' ', '\t', '\n', '\r', '\u0085', '\u00A0', '\u2028', '\u3000',
        '\'', '\u2019', '-', '.', ',', '/', ':', '"', '\u00E9', '\u00AD', '\u0663', '\u216B', '\ud83d', '\ude00');

    [Fact]
    public void Tokens_are_those_a_character_by_character_reading_finds() =>
        Gen.String[Character, 0, 60].Sample(text =>
        {
            var tokens = new Token[4];
            var count = Tokenizer.Tokenize(text, new TextSpan(0, text.Length), [], 0, ref tokens);
            Assert.Equal(Reference(text), tokens.Take(count).Select(t => (t.Start, t.End, t.Kind)).ToList());
            Assert.All(tokens.Take(count), t => Assert.Equal(-1, t.Region));
        }, iter: 20000);

    private static List<(int Start, int End, TokenKind Kind)> Reference(string s)
    {
        var tokens = new List<(int, int, TokenKind)>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            TokenKind kind;
            if (char.IsLetter(c))
            {
                i = WordEnd(s, i + 1);
                kind = TokenKind.Word;
            }
            else if (char.IsDigit(c))
            {
                i++;
                while (i < s.Length && (char.IsLetterOrDigit(s[i]) || (s[i] is ',' or '.' or '/' or ':' && i + 1 < s.Length && char.IsDigit(s[i + 1]))))
                {
                    i++;
                }

                kind = TokenKind.Number;
            }
            else
            {
                i++;
                kind = TokenKind.Punctuation;
            }

            tokens.Add((start, i, kind));
        }

        return tokens;
    }

    // Letters and digits, a soft hyphen, an apostrophe, hyphen or initial's period between letters, and a
    // possessive apostrophe after an s.
    private static int WordEnd(string s, int i)
    {
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsLetterOrDigit(c) || c == '\u00AD')
            {
                i++;
            }
            else if (c is '\'' or '\u2019' or '-' or '.' && i + 1 < s.Length && char.IsLetter(s[i + 1]) && (c != '.' || IsInitialDot(s, i)))
            {
                i += 2;
            }
            else if (c is '\'' or '\u2019' && s[i - 1] == 's' && (i + 1 >= s.Length || !char.IsLetterOrDigit(s[i + 1])))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static bool IsInitialDot(string s, int dot) =>
        char.IsLetter(s[dot - 1]) && (dot < 2 || !char.IsLetter(s[dot - 2])) && (dot + 2 >= s.Length || !char.IsLetter(s[dot + 2]));
}
