using System.Text;
using Attribution.Analysis;

namespace Attribution.Tests.Parsing;

/// <summary>
/// One example of a Markdown spec (Markdig style): the input, a line with a single <c>.</c>, and the
/// expected quotations, one per line: <c>kind «content» cue «cue» speaker «speaker» [continues N] source «name» [role «role»] (type)</c>.
/// </summary>
public sealed record SpecExample(string File, string Section, int Number, int Line, string Input, string Expected)
{
    public override string ToString() => $"{File} #{Number} ({Section})";

    /// <summary>Renders what the pipeline found in the spec's expected form.</summary>
    public static string Render(DocumentAnalysis analysis)
    {
        var doc = analysis.Document;
        var text = doc.Source;
        var sb = new StringBuilder();
        for (var q = 0; q < doc.Quotations.Length; q++)
        {
            var quote = doc.Quotations[q];
            sb.Append(quote.Kind.ToString().ToLowerInvariant());
            sb.Append(' ').Append(string.Join(" + ", quote.Spans.Select(s => "«" + text.ToString(s) + "»")));
            sb.Append(" cue ").Append(quote.Cue is { } c ? "«" + text.ToString(c) + "»" : "none");
            sb.Append(" speaker ").Append(quote.Speaker is { } sp ? "«" + text.ToString(sp) + "»" : "none");
            if (quote.IsContinuation)
            {
                sb.Append(" continues ").Append(quote.ContinuesFrom + 1); // the 1-based number of the quotation it continues
            }

            if (quote.Within >= 0)
            {
                sb.Append(" within ").Append(quote.Within + 1);
            }

            var source = analysis.QuoteSources[q];
            if (source >= 0)
            {
                var s = analysis.Sources[source];
                sb.Append(" source «").Append(s.Name).Append('»');
                if (s.Facts.Role.Length > 0)
                {
                    sb.Append(" role «").Append(s.Facts.Role).Append('»');
                }

                sb.Append(" (").Append(Analyzer.TypeName(s.Type)).Append(')');
                if (s.AnonymityReason is { } reason)
                {
                    sb.Append(" reason «").Append(reason.Text).Append('»').Append(reason.Boilerplate ? " boilerplate" : "");
                }
            }

            sb.Append('\n');
        }

        if (doc.UnbalancedMarks.Length > 0)
        {
            sb.Append("unbalanced ").Append(string.Join(", ", doc.UnbalancedMarks.Select(m => m.Start))).Append('\n');
        }

        return sb.Length == 0 ? "none\n" : sb.ToString();
    }

    /// <summary>Reads every example of the spec files in <paramref name="directory"/>.</summary>
    public static IEnumerable<SpecExample> Load(string directory)
    {
        foreach (var path in Directory.EnumerateFiles(directory, "*.md").Order(StringComparer.Ordinal))
        {
            var lines = System.IO.File.ReadAllLines(path);
            var section = "";
            var number = 0;
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].StartsWith('#'))
                {
                    section = lines[i].TrimStart('#', ' ');
                    continue;
                }

                if (lines[i] != "```example")
                {
                    continue;
                }

                var start = i + 1;
                var input = new List<string>();
                var expected = new List<string>();
                var target = input;
                for (i = start; i < lines.Length && lines[i] != "```"; i++)
                {
                    if (lines[i] == "." && target == input)
                    {
                        target = expected;
                        continue;
                    }

                    target.Add(lines[i]);
                }

                number++;
                yield return new SpecExample(Path.GetFileName(path), section, number, start, string.Join('\n', input).Replace("→", "\t", StringComparison.Ordinal), string.Join('\n', expected) + "\n");
            }
        }
    }
}
