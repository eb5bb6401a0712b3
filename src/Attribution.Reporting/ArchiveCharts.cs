using System.Globalization;
using System.Text.Encodings.Web;
using Attribution.Analysis;
using Humanizer;

namespace Attribution.Reporting;

/// <summary>
/// The archive page's pictures as inline SVG (no script, so the page keeps its content security policy):
/// shares over the months, the source mix of each group and the most-quoted sources. Each chart has a text
/// title and every mark a tooltip, so the figures read without colour or a mouse.
/// </summary>
internal static class ArchiveCharts
{
    private const double Width = 1000;
    private static readonly HtmlEncoder Encoder = HtmlReportWriter.Encoder;

    /// <summary>The most groups the source-mix chart draws (those with most stories); the table lists all.</summary>
    public const int MostGroups = 40;

    /// <summary>
    /// The anonymous share and the unattributed-quote share by month, as lines over a month axis that runs
    /// from the first month to the last; a month with no stories leaves a gap. Nothing when no group is a month.
    /// </summary>
    public static void WriteTrend(TextWriter w, IEnumerable<KeyValuePair<string, Tally>> groups)
    {
        var months = groups.Select(g => (Month: MonthIndex(g.Key), g.Value)).Where(g => g.Month is not null).Select(g => (Month: g.Month!.Value, Tally: g.Value)).ToList();
        if (months.Count == 0)
        {
            return;
        }

        // A stray date (1970 in a 2020s archive) would stretch the axis over decades: then the months are
        // spaced evenly in order instead.
        var first = months[0].Month;
        var span = months[^1].Month - first + 1;
        var evenly = span > 240;
        var slots = evenly ? months.Count : span;
        int Slot(int i) => evenly ? i : months[i].Month - first;

        var series = new (string Name, string Class, Func<Tally, (double Share, string Of)?> Value)[]
        {
            ("anonymous share", "anonymous", t => t.OfType(SourceType.Named) + t.OfType(SourceType.Official) + t.OfType(SourceType.Anonymous) is var n and > 0
                ? (t.AnonymousShare, $"{t.OfType(SourceType.Anonymous)} of {n} named, official and anonymous sources") : null),
            ("unattributed quotes", "unattributed", t => t.Quotes > 0 ? ((double)t.Unattributed / t.Quotes, $"{t.Unattributed} of {t.Quotes} quotes") : null),
        };
        var top = Math.Max(0.1, Math.Ceiling(months.Max(m => series.Max(s => s.Value(m.Tally)?.Share ?? 0)) * 10) / 10);
        const double left = 52, right = 16, up = 28, plot = 220, bottom = 64;
        var step = slots > 1 ? (Width - left - right) / (slots - 1) : 0;
        double X(int slot) => slots > 1 ? left + (slot * step) : left + ((Width - left - right) / 2);
        double Y(double share) => up + (plot * (1 - (share / top)));

        var title = $"Anonymous share and unattributed quotes by month, {Label(months[0].Month)} to {Label(months[^1].Month)}";
        Open(w, up + plot + bottom, title);
        for (var tick = 0; tick <= 4; tick++)
        {
            var share = top * tick / 4;
            var y = Y(share);
            w.Write(Invariant($"<line class=\"grid\" x1=\"{left}\" y1=\"{y:0.#}\" x2=\"{Width - right}\" y2=\"{y:0.#}\"/><text class=\"axis\" x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{SourceMix.Percent(share)}</text>"));
        }

        // Month labels along the axis, months without stories too: every one when they fit, else every k-th,
        // and always the last.
        var every = (int)Math.Ceiling(slots / 24.0);
        for (var slot = 0; slot < slots; slot++)
        {
            if (slot % every == 0 || slot == slots - 1)
            {
                var x = X(slot);
                var y = up + plot + 12;
                var month = evenly ? months[slot].Month : first + slot;
                w.Write(Invariant($"<text class=\"axis\" x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"end\" transform=\"rotate(-40 {x:0.#} {y:0.#})\">{Label(month)}</text>"));
            }
        }

        var legendX = left + 8;
        foreach (var (name, css, value) in series)
        {
            // A line broken where a month has no stories (or no sources), and a dot with a tooltip at each month.
            var path = new System.Text.StringBuilder();
            var previous = int.MinValue;
            for (var i = 0; i < months.Count; i++)
            {
                if (value(months[i].Tally) is not { } v)
                {
                    previous = int.MinValue;
                    continue;
                }

                var slot = Slot(i);
                path.Append(Invariant($"{(slot == previous + 1 ? 'L' : 'M')}{X(slot):0.#} {Y(v.Share):0.#} "));
                previous = slot;
            }

            w.Write($"<path class=\"line {css}\" d=\"{path.ToString().TrimEnd()}\"/>");
            for (var i = 0; i < months.Count; i++)
            {
                if (value(months[i].Tally) is { } v)
                {
                    w.Write(Invariant($"<circle class=\"dot {css}\" cx=\"{X(Slot(i)):0.#}\" cy=\"{Y(v.Share):0.#}\" r=\"3.5\"><title>{Label(months[i].Month)}: {name} {SourceMix.Percent(v.Share)} ({v.Of})</title></circle>"));
                }
            }

            w.Write(Invariant($"<line class=\"line {css}\" x1=\"{legendX}\" y1=\"12\" x2=\"{legendX + 24}\" y2=\"12\"/><text class=\"legend\" x=\"{legendX + 30}\" y=\"16\">{name}</text>"));
            legendX += 200;
        }

        Close(w, title + (evenly ? "; the months are spaced evenly, as they span more than 20 years" : ""));
    }

    /// <summary>Each group's sources by type as one bar of 100%, in the table's order (the <see cref="MostGroups"/> groups with most stories when there are more).</summary>
    public static void WriteMixByGroup(TextWriter w, IEnumerable<KeyValuePair<string, Tally>> groups, string groupName)
    {
        var all = groups.Where(g => g.Value.Sources > 0).ToList();
        if (all.Count == 0)
        {
            return;
        }

        var shown = all.Count <= MostGroups ? all : [.. all.OrderByDescending(g => g.Value.Stories).Take(MostGroups).OrderBy(g => g.Key, StringComparer.Ordinal)];
        const double label = 190, count = 90, row = 22;
        var title = $"Source mix by {groupName}";
        Open(w, (shown.Count * row) + 6, title);
        var y = 2.0;
        foreach (var (key, tally) in shown)
        {
            w.Write(Invariant($"<text class=\"label\" x=\"{label - 8}\" y=\"{y + 15:0.#}\" text-anchor=\"end\">{Short(key, 26)}<title>{Encoder.Encode(key)}</title></text>"));
            var x = label;
            foreach (var type in ArchiveColumns.Types)
            {
                var n = tally.OfType(type);
                if (n == 0)
                {
                    continue;
                }

                var width = (Width - label - count) * n / tally.Sources;
                var name = Analyzer.TypeName(type);
                w.Write(Invariant($"<rect class=\"t-{name}\" x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{width:0.##}\" height=\"{row - 6}\"><title>{Encoder.Encode(key)}: {n} {name} of {"source".ToQuantity(tally.Sources)} ({SourceMix.Percent((double)n / tally.Sources)})</title></rect>"));
                x += width;
            }

            w.Write(Invariant($"<text class=\"value\" x=\"{Width - count + 8}\" y=\"{y + 13:0.#}\">{"source".ToQuantity(tally.Sources)}</text>"));
            y += row;
        }

        Close(w, shown.Count < all.Count ? $"{title}: the {MostGroups} of {all.Count} groups with most stories; the table lists all" : title, typeLegend: true);
    }

    /// <summary>The most-quoted sources as bars of their quotations, coloured by type.</summary>
    public static void WriteTopSources(TextWriter w, IReadOnlyList<TopSource> top)
    {
        if (top.Count == 0)
        {
            return;
        }

        const double label = 230, row = 22;
        var most = top.Max(s => s.Quotes);
        var title = $"The {top.Count} most-quoted sources, by quotations";
        Open(w, (top.Count * row) + 6, title);
        var y = 2.0;
        foreach (var s in top)
        {
            var type = Analyzer.TypeName(s.Type);
            var width = Math.Max(1, (Width - label - 60) * s.Quotes / most);
            w.Write(Invariant($"<text class=\"label\" x=\"{label - 8}\" y=\"{y + 15:0.#}\" text-anchor=\"end\">{Short(s.Name, 32)}<title>{Encoder.Encode(s.Name)}</title></text>"));
            w.Write(Invariant($"<rect class=\"t-{type}\" x=\"{label}\" y=\"{y:0.#}\" width=\"{width:0.##}\" height=\"{row - 6}\"><title>{Encoder.Encode(s.Name)} ({type}): {s.Quotes} quotes in {s.Stories} stories</title></rect>"));
            w.Write(Invariant($"<text class=\"value\" x=\"{label + width + 6:0.#}\" y=\"{y + 13:0.#}\">{s.Quotes}</text>"));
            y += row;
        }

        Close(w, title, typeLegend: true);
    }

    // "2019-03" → months since year 0, or null for "(no date)" and any other key.
    private static int? MonthIndex(string key) =>
        key.Length == 7 && key[4] == '-' && int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
        && int.TryParse(key.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12
            ? (year * 12) + month - 1
            : null;

    private static string Label(int month) => Invariant($"{month / 12:0000}-{(month % 12) + 1:00}");

    private static string Short(string text, int max) => Encoder.Encode(text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…");

    private static void Open(TextWriter w, double height, string title) =>
        w.Write(Invariant($"<figure class=\"chart\"><svg class=\"plot\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height:0.#}\" role=\"img\" aria-label=\"{Encoder.Encode(title)}\"><title>{Encoder.Encode(title)}</title>"));

    private static void Close(TextWriter w, string caption, bool typeLegend = false) =>
        w.Write($"</svg><figcaption>{Encoder.Encode(caption)}{(typeLegend ? TypeLegend : "")}</figcaption></figure>\n");

    // The colours' names, for the charts coloured by source type.
    private static readonly string TypeLegend = " " + string.Join(" ", ArchiveColumns.Types.Select(t => $"<span class=\"chip t-{Analyzer.TypeName(t)}\">{Analyzer.TypeName(t)}</span>"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
