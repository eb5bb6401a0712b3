namespace Attribution.Text;

/// <summary>Character classes the text stages share.</summary>
public static class TextChars
{
    /// <summary>
    /// White space, counting the invisible characters scraped web copy carries between words as white space too:
    /// zero-width space, non-joiner and joiner, word joiner and a byte order mark inside the text.
    /// </summary>
    public static bool IsSpace(char c) =>
        c <= '\u00FF' ? char.IsWhiteSpace(c) : char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';
}
