using Attribution.Text;

namespace Attribution.Analysis;

/// <summary>A region where rules are switched off by a suppression comment.</summary>
/// <param name="Ids">The rule IDs, or empty for every rule.</param>
/// <param name="Span">The text the comment covers, in the file as written.</param>
/// <param name="Reason">The reason after " -- ", or empty.</param>
public sealed record SuppressionRegion(IReadOnlyList<string> Ids, TextSpan Span, string Reason)
{
    /// <summary>True for a line's comment (disable-line, disable-next-line): a finding that starts on the line is covered.</summary>
    public bool ByStart { get; init; }

    /// <summary>True when the region switches off <paramref name="id"/> at <paramref name="span"/>.</summary>
    public bool Covers(string id, TextSpan span) =>
        (ByStart ? span.Start >= Span.Start && span.Start <= Span.End : Span.Contains(span))
        && (Ids.Count == 0 || Ids.Contains(id, StringComparer.OrdinalIgnoreCase));
}

/// <summary>A suppression comment that names no known rule, or is no known directive.</summary>
/// <param name="Span">The comment, in the file as written.</param>
/// <param name="Message">What is wrong.</param>
public sealed record SuppressionProblem(TextSpan Span, string Message);

/// <summary>
/// Finds suppression comments in any input (Markdown and HTML comments, or the same text in a plain file), with
/// the directives linters have:
/// <list type="bullet">
/// <item><c>&lt;!-- attribution-disable AT4001 -- reason --&gt;</c> … <c>&lt;!-- attribution-restore AT4001 --&gt;</c>
/// (or <c>attribution-enable</c>), a region to the restore or the end of the file;</item>
/// <item><c>&lt;!-- attribution-disable-next-line AT4001 --&gt;</c>, the line after the comment's line;</item>
/// <item><c>&lt;!-- attribution-disable-line AT4001 --&gt;</c>, the comment's own line.</item>
/// </list>
/// IDs are matched whole (case aside); with none, every rule is switched off.
/// </summary>
public static class Suppressions
{
    private const string Opening = "<!--";
    private const string Prefix = "attribution-";

    private enum Directive
    {
        Disable,
        DisableLine,
        DisableNextLine,
        Restore,
    }

    /// <summary>
    /// The suppression regions of <paramref name="text"/>; comments naming an ID that <paramref name="isKnown"/>
    /// refuses, or an unknown directive, are listed in <paramref name="problems"/>.
    /// </summary>
    public static List<SuppressionRegion> Find(string text, Func<string, bool>? isKnown, out List<SuppressionProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        var regions = new List<SuppressionRegion>();
        problems = [];
        // Most stories hold no "<" at all, which a search for one character finds out fastest.
        if (!text.Contains('<', StringComparison.Ordinal) || !text.Contains(Opening + " " + Prefix, StringComparison.Ordinal))
        {
            return regions;
        }

        var comments = Comments(text, problems);
        for (var i = 0; i < comments.Count; i++)
        {
            var (span, directive, ids, reason) = comments[i];
            foreach (var id in isKnown is null ? [] : ids.Where(id => !isKnown(id)))
            {
                problems.Add(new SuppressionProblem(span, $"the suppression comment names '{id}', which is no rule; 'attribution rules list' shows them"));
            }

            switch (directive)
            {
                case Directive.DisableLine:
                    regions.Add(new SuppressionRegion(ids, LineAt(text, span.Start), reason) { ByStart = true });
                    break;
                case Directive.DisableNextLine:
                    var lineEnd = text.IndexOf('\n', span.End);
                    regions.Add(new SuppressionRegion(ids, lineEnd < 0 ? new TextSpan(text.Length, text.Length) : LineAt(text, lineEnd + 1), reason) { ByStart = true });
                    break;
                case Directive.Disable:
                    var until = text.Length;
                    for (var j = i + 1; j < comments.Count; j++)
                    {
                        var later = comments[j];
                        if (later.Directive == Directive.Restore
                            && (later.Ids.Count == 0 || ids.Count == 0 || ids.Any(id => later.Ids.Contains(id, StringComparer.OrdinalIgnoreCase))))
                        {
                            until = later.Span.End;
                            break;
                        }
                    }

                    regions.Add(new SuppressionRegion(ids, new TextSpan(span.Start, until), reason));
                    break;
            }
        }

        return regions;
    }

    // Every "<!-- attribution-… -->" comment in order, read into its directive, IDs and reason.
    private static List<(TextSpan Span, Directive Directive, IReadOnlyList<string> Ids, string Reason)> Comments(string text, List<SuppressionProblem> problems)
    {
        var found = new List<(TextSpan, Directive, IReadOnlyList<string>, string)>();
        for (var at = text.IndexOf(Opening, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Opening, at + Opening.Length, StringComparison.Ordinal))
        {
            var bodyStart = at + Opening.Length;
            while (bodyStart < text.Length && text[bodyStart] is ' ' or '\t')
            {
                bodyStart++;
            }

            if (string.CompareOrdinal(text, bodyStart, Prefix, 0, Prefix.Length) != 0)
            {
                continue;
            }

            var end = text.IndexOf("-->", bodyStart, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            var span = new TextSpan(at, end + 3);
            var body = text[bodyStart..end];
            var reason = "";
            var dashes = body.IndexOf(" -- ", StringComparison.Ordinal);
            if (dashes >= 0)
            {
                reason = body[(dashes + 4)..].Trim();
                body = body[..dashes];
            }

            var words = body.Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
            Directive? directive = words[0].ToLowerInvariant() switch
            {
                "attribution-disable" => Directive.Disable,
                "attribution-disable-line" => Directive.DisableLine,
                "attribution-disable-next-line" => Directive.DisableNextLine,
                "attribution-restore" or "attribution-enable" => Directive.Restore,
                _ => null,
            };
            if (directive is null)
            {
                problems.Add(new SuppressionProblem(span, $"'{words[0]}' is no suppression directive: use attribution-disable, attribution-disable-line, attribution-disable-next-line or attribution-restore"));
                continue;
            }

            found.Add((span, directive.Value, words[1..], reason));
        }

        return found;
    }

    // The line holding offset `at`, without its line break.
    private static TextSpan LineAt(string text, int at)
    {
        var start = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
        var end = text.IndexOf('\n', at);
        end = end < 0 ? text.Length : end;
        return new TextSpan(start, end > start && text[end - 1] == '\r' ? end - 1 : end);
    }
}
