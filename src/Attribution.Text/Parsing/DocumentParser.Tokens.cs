using System.Collections.Immutable;
using static Attribution.Text.WordLists;

namespace Attribution.Text;

/// <summary>The word and punctuation tests over the unit's tokens, by index: the cursor's primitives.</summary>
internal sealed partial class DocumentParser
{
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal ReadOnlySpan<char> Word(int i)
    {
        var token = _toks[i];
        return _text.AsSpan(token.Start, token.End - token.Start);
    }

    internal bool IsWord(int i, string w)
    {
        // Before the unit's start (a negative index) as well as past its end: no word.
        if ((uint)i >= (uint)N)
        {
            return false;
        }

        var token = _toks[i];
        return token.Kind == TokenKind.Word && token.End - token.Start == w.Length
            && _text.AsSpan(token.Start, w.Length).Equals(w, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A cursor at the unit's last token.</summary>
    internal TokenCursor Last => Cursor(N - 1);

    /// <summary>A cursor at token <paramref name="position"/> of the unit.</summary>
    internal TokenCursor Cursor(int position) => new(this, position);

    /// <summary>The last token from <paramref name="from"/> to <paramref name="to"/> that is not closing punctuation.</summary>
    internal TokenCursor LastNonPunctuation(TokenCursor from, TokenCursor to) => Cursor(LastNonPunctuation(from.Position, to.Position));

    /// <summary>After <paramref name="last"/>, the punctuation outside quotation marks that closes the match.</summary>
    internal TokenCursor TrailingPunctuation(TokenCursor last) => Cursor(TrailingPunctuation(last.Position));

    /// <summary>Where what a cue reports ends, going on from <paramref name="from"/>.</summary>
    internal TokenCursor ContentEnd(TokenCursor from) => Cursor(ContentEnd(from.Position));

    /// <summary>What a trailing attribution reports: the sentence from <paramref name="lo"/> to <paramref name="end"/>.</summary>
    internal TextSpan? ContentBefore(int lo, TokenCursor end) => ContentBefore(lo, end.Position);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal bool IsAnyWord(int i, WordList list) => IsAnyWord(i, _lex.Lookup(list));

    internal bool IsAnyWord(int i, WordSet words) => (uint)i < (uint)N && _toks[i].Kind == TokenKind.Word && words.Contains(Word(i));

    internal bool IsAnyWord(int i, params ReadOnlySpan<string> words)
    {
        if ((uint)i >= (uint)N || _toks[i].Kind != TokenKind.Word)
        {
            return false;
        }

        // Most candidates differ in length: only those of the word's length are compared.
        var word = Word(i);
        foreach (var w in words)
        {
            if (w.Length == word.Length && word.Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    internal bool IsPunct(int i, char c) => i >= 0 && i < N && _toks[i].Kind == TokenKind.Punctuation && _text[_toks[i].Start] == c;

    internal bool IsDash(int i) => i >= 0 && i < N && _toks[i].Kind == TokenKind.Punctuation && _text[_toks[i].Start] is '\u2014' or '\u2013' or '\u2015' or '-';

    internal bool IsTerminal(int i) => i >= 0 && i < N && _toks[i].Kind == TokenKind.Punctuation && _text[_toks[i].Start] is '.' or '!' or '?' && !IsAbbreviationDot(i);

    // "Ms. Epstein", "F.B.I. director", "James B. Comey": the period belongs to the word before it.
    internal bool IsAbbreviationDot(int i)
    {
        if (i == 0 || _text[_toks[i].Start] != '.' || _toks[i - 1].Kind != TokenKind.Word || _toks[i - 1].End != _toks[i].Start || i + 1 >= N)
        {
            return false;
        }

        var word = Word(i - 1);
        return _lex.Lookup(WordLists.Abbreviations).Contains(word) || _lex.TitleLookup.ContainsKey(word) || word.Contains('.')
            || (word.Length == 1 && char.IsUpper(word[0]));
    }

    // "Trump's", "the company’s", "he's": a word ending in an apostrophe and s, either apostrophe, any case.
    internal static bool EndsWithApostropheS(ReadOnlySpan<char> word) =>
        word.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || word.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase);

    // "42%": the sign right after a number, which reads as the word "percent".
    internal bool IsPercentSign(int i) => i > 0 && IsPunct(i, '%') && _toks[i - 1].Kind == TokenKind.Number && _toks[i - 1].End == _toks[i].Start;

    internal bool IsJoiner(int i) => _toks[i].Kind == TokenKind.Punctuation && _text[_toks[i].Start] is '.' or '-' or '&' or '\'' or '\u2019';

    internal bool IsCapitalised(int i) => char.IsUpper(_text[_toks[i].Start]);

    internal bool IsDeterminer(int i) => i < N && _toks[i].Kind == TokenKind.Word && _lex.Lookup(WordLists.Determiners).Contains(Word(i));

    internal bool IsPreposition(int i) => i < N && _toks[i].Kind == TokenKind.Word && _lex.Lookup(WordLists.Prepositions).Contains(Word(i));

    internal bool IsStopWord(int i) => _toks[i].Kind == TokenKind.Word && _lex.Lookup(WordLists.ClauseBoundaries).Contains(Word(i));

    internal bool HasWord(int from, int to)
    {
        for (var k = from; k <= to; k++)
        {
            if (_toks[k].Kind == TokenKind.Word)
            {
                return true;
            }
        }

        return false;
    }

    internal int CountWords(int from, int to)
    {
        var n = 0;
        for (var k = from; k <= to; k++)
        {
            if (_toks[k].Kind is TokenKind.Word or TokenKind.Number)
            {
                n++;
            }
        }

        return n;
    }

    // Drops closing punctuation that is not part of a quotation: the final period, a comma.
    internal int LastNonPunctuation(int from, int to)
    {
        while (to >= from && _toks[to].Kind == TokenKind.Punctuation && !_toks[to].InQuote && _text[_toks[to].Start] is not ')' and not '%' and not '$')
        {
            to--;
        }

        return to;
    }

    internal int TrailingPunctuation(int last)
    {
        while (last + 1 < N && _toks[last + 1].Kind == TokenKind.Punctuation && !_toks[last + 1].InQuote)
        {
            last++;
        }

        return last;
    }

    internal int CloseTokenOf(QuoteRegion region) => IndexOfToken(region.Span.End - Math.Max(1, region.CloseLength));

    // Tokens are in text order: binary search.
    internal int IndexOfToken(int offset) => OrderedSearch.IndexOfStart(new ArraySegment<Token>(_toks, 0, N), offset, t => t.Start);

    internal TextSpan TokenSpan(int from, int to) => new(_toks[from].Start, _toks[to].End);

    internal bool IsAccordingTo(int i) => IsWord(i, "according") && IsWord(i + 1, "to");

    internal bool IsAuxiliary(int i) => i < N && _toks[i].Kind == TokenKind.Word && _lex.Lookup(WordLists.FiniteAuxiliaries).Contains(Word(i));

    internal bool StartsWithPossessive(TextSpan speaker)
    {
        var i = IndexOfToken(speaker.Start);
        return i >= 0 && IsAnyWord(i, Possessives);
    }

    internal bool CueAt(int i, out CueVerb verb)
    {
        if (i < 0 || i >= N)
        {
            verb = null!;
            return false;
        }

        return _scratch.CueAt(i, _lex, Word(i), out verb);
    }

    // Title Case units ("Bush Says We Should Pay Attention") may capitalise a cue; elsewhere a
    // capitalised cue word is a name ("Islamic State", "Call of Duty").
    internal bool IsHeadline()
    {
        int words = 0, capitals = 0;
        for (var k = 0; k < N; k++)
        {
            if (_toks[k].Kind == TokenKind.Word && !_toks[k].InQuote && Word(k).Length > 3)
            {
                words++;
                if (IsCapitalised(k))
                {
                    capitals++;
                }
            }
        }

        return words > 0 && capitals * 4 >= words * 3;
    }

    // Every word of the text written in Title Case ("Tapper", not "TAPPER" or "tapper"), compared ignoring case.
    internal static HashSet<string> TitleCaseWordsOf(string text)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var titleCase = char.IsUpper(text[i]);
            while (++i < text.Length && char.IsLetter(text[i]))
            {
                titleCase &= char.IsLower(text[i]);
            }

            if (titleCase && i - start >= 2)
            {
                words.Add(text[start..i]);
            }
        }

        return words;
    }
}
