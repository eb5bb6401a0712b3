namespace Attribution.Inputs;

/// <summary>Measures of raw markup taken in one pass, before a parser whose cost they would decide.</summary>
internal static class Markup
{
    /// <summary>
    /// The most attributes in one tag: the '=' signs between a '&lt;' and its '&gt;', outside quoted values. A
    /// close upper bound (an attribute without a value is not counted), in time linear in the text.
    /// </summary>
    public static int MostAttributes(string markup)
    {
        var most = 0;
        var at = markup.IndexOf('<', StringComparison.Ordinal);
        while (at >= 0)
        {
            var count = 0;
            var quote = '\0';
            var i = at + 1;
            for (; i < markup.Length; i++)
            {
                var c = markup[i];
                if (quote != '\0')
                {
                    quote = c == quote ? '\0' : quote;
                }
                else if (c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c == '=')
                {
                    count++;
                }
                else if (c is '>' or '<')
                {
                    break;
                }
            }

            most = Math.Max(most, count);
            at = i < markup.Length ? markup.IndexOf('<', markup[i] == '<' ? i : i + 1) : -1;
        }

        return most;
    }
}
