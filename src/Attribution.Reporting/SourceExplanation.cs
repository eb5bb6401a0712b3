using System.Globalization;
using Attribution.Analysis;
using Humanizer;

namespace Attribution.Reporting;

/// <summary>
/// <c>report --explain-source</c>: how the archive came to one source — the names merged into it, why a
/// surname given alone joined it, its roles and its stories — in plain text.
/// </summary>
public static class SourceExplanation
{
    /// <summary>Writes the explanation of <paramref name="source"/>.</summary>
    public static void Write(TextWriter w, TopSource source)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(source);
        w.WriteLine($"{source.Name} ({Analyzer.TypeName(source.Type)}): {"quote".ToQuantity(source.Quotes)} in {"story".ToQuantity(source.Stories)}");
        if (source.Ambiguous)
        {
            w.WriteLine("  ambiguous: a surname given alone that several full names in the archive could be; not merged with any");
        }

        w.WriteLine("  written as:");
        var width = source.Variants.Max(v => v.Name.Length);
        var digits = source.Variants.Max(v => v.Quotes).ToString(CultureInfo.InvariantCulture).Length;
        foreach (var v in source.Variants)
        {
            var why = v.JoinedBecause.Length > 0 ? $"  (joined: {v.JoinedBecause})" : "";
            var quotes = v.Quotes.ToString(CultureInfo.InvariantCulture).PadLeft(digits);
            w.WriteLine($"    {v.Name.PadRight(width)}  {quotes} {"quote".ToQuantity(v.Quotes, ShowQuantityAs.None)} in {"story".ToQuantity(v.Stories)}{why}");
        }

        if (source.Roles.Length > 0)
        {
            w.WriteLine($"  roles: {string.Join(", ", source.Roles.Select(r => $"{r.Role} ({"story".ToQuantity(r.Stories)})"))}");
        }

        w.WriteLine("  stories:");
        foreach (var path in source.StoryPaths)
        {
            w.WriteLine($"    {DisplayName.Of(path)}");
        }
    }
}
