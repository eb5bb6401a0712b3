using System.Globalization;
using System.Text;

namespace Attribution.Reporting;

/// <summary>
/// A file name as a terminal or a Markdown page may show it: control characters (a newline, an escape that
/// would recolour the terminal or move its cursor) become visible escapes (<c>\n</c>, <c>\x1b</c>), so a name can
/// neither forge a line of output nor run terminal commands. Names without them are returned as they are.
/// </summary>
public static class DisplayName
{
    /// <summary>The name with its control characters escaped, and backslashes doubled when there are any.</summary>
    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!name.Any(IsControl))
        {
            return name;
        }

        var sb = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            _ = c switch
            {
                '\n' => sb.Append("\\n"),
                '\r' => sb.Append("\\r"),
                '\t' => sb.Append("\\t"),
                '\\' => sb.Append("\\\\"),
                _ when IsControl(c) => sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    // C0, DEL and C1 controls, and the line and paragraph separators.
    private static bool IsControl(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
