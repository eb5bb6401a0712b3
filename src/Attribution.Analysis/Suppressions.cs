using Attribution.Text;

namespace Attribution.Analysis;

/// <summary>A region where rules are switched off: <c>&lt;!-- attribution-disable AT4001 -- reason --&gt;</c> … <c>&lt;!-- attribution-restore AT4001 --&gt;</c>.</summary>
/// <param name="Ids">The rule IDs, or empty for every rule.</param>
/// <param name="Span">From the disable comment to the restore comment (or the end of the text).</param>
/// <param name="Reason">The reason after " -- ", or empty.</param>
public sealed record SuppressionRegion(IReadOnlyList<string> Ids, TextSpan Span, string Reason)
{
    /// <summary>True when the region switches off <paramref name="id"/> at <paramref name="span"/>.</summary>
    public bool Covers(string id, TextSpan span) =>
        Span.Contains(span) && (Ids.Count == 0 || Ids.Contains(id, StringComparer.OrdinalIgnoreCase));
}

/// <summary>Finds suppression comments in any input (Markdown and HTML comments, or the same text in a plain file).</summary>
public static class Suppressions
{
    private const string Disable = "<!-- attribution-disable";
    private const string Restore = "<!-- attribution-restore";

    /// <summary>The suppression regions of <paramref name="text"/>.</summary>
    public static List<SuppressionRegion> Find(string text)
    {
        var regions = new List<SuppressionRegion>();
        // Most stories hold no "<" at all, which a search for one character finds out fastest.
        if (!text.Contains('<', StringComparison.Ordinal) || !text.Contains(Disable, StringComparison.Ordinal))
        {
            return regions;
        }

        for (var at = text.IndexOf(Disable, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Disable, at + Disable.Length, StringComparison.Ordinal))
        {
            var end = text.IndexOf("-->", at + Disable.Length, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            var body = text[(at + Disable.Length)..end];
            var reason = "";
            var dashes = body.IndexOf(" -- ", StringComparison.Ordinal);
            if (dashes >= 0)
            {
                reason = body[(dashes + 4)..].Trim();
                body = body[..dashes];
            }

            var ids = body.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var until = text.Length;
            var restore = text.IndexOf(Restore, end, StringComparison.Ordinal);
            while (restore >= 0)
            {
                var restoreEnd = text.IndexOf("-->", restore, StringComparison.Ordinal);
                var restoreIds = restoreEnd < 0 ? [] : text[(restore + Restore.Length)..restoreEnd].Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (restoreIds.Length == 0 || ids.Length == 0 || ids.Any(id => restoreIds.Contains(id, StringComparer.OrdinalIgnoreCase)))
                {
                    until = restoreEnd < 0 ? text.Length : restoreEnd + 3;
                    break;
                }

                restore = text.IndexOf(Restore, restore + Restore.Length, StringComparison.Ordinal);
            }

            regions.Add(new SuppressionRegion(ids, new TextSpan(at, until), reason));
        }

        return regions;
    }
}
