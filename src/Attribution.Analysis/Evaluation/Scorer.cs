using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Attribution.Analysis.Evaluation;

/// <summary>A gold document (DESIGN.md gold format).</summary>
/// <param name="Id">The document id.</param>
/// <param name="Text">The text.</param>
/// <param name="Attributions">Gold attributions.</param>
public sealed record GoldDocument(string Id, string Text, IReadOnlyList<GoldAttribution> Attributions);

/// <summary>One gold attribution; spans are [start, end) chunks.</summary>
/// <param name="Content">Content chunks.</param>
/// <param name="Source">Source chunks (empty when absent).</param>
/// <param name="Cue">Cue chunks (empty when absent).</param>
/// <param name="Reference">The annotators' resolved speaker name, if given.</param>
/// <param name="SourceType">The gold source type, if given.</param>
public sealed record GoldAttribution(
    IReadOnlyList<(int Start, int End)> Content,
    IReadOnlyList<(int Start, int End)> Source,
    IReadOnlyList<(int Start, int End)> Cue,
    string? Reference,
    string? SourceType);

/// <summary>One predicted quotation, as the scorer sees it.</summary>
/// <param name="Chunks">Content parts.</param>
/// <param name="Speaker">The speaker span, if any.</param>
/// <param name="Cue">The cue's text in lower case, or empty.</param>
/// <param name="CueSpan">The cue span, if any.</param>
/// <param name="Name">The resolved source name, or empty.</param>
/// <param name="Type">The source type ("unknown" when there is no source).</param>
/// <param name="Id">The quotation's id ("q3"), if given.</param>
/// <param name="Continues">The id of the quotation this one continues, if any (JSON <c>continues</c>).</param>
public sealed record PredictedQuote(
    IReadOnlyList<(int Start, int End)> Chunks,
    (int Start, int End)? Speaker,
    string Cue,
    (int Start, int End)? CueSpan,
    string Name,
    string Type,
    string? Id = null,
    string? Continues = null)
{
    /// <summary>From the first chunk's start to the last chunk's end.</summary>
    public (int Start, int End) Span => (Chunks.Min(c => c.Start), Chunks.Max(c => c.End));
}

/// <summary>
/// The metrics of <c>attribution eval</c>, computed exactly as <c>../shared/eval/score.py</c> computes
/// them (GGT quote matching at 30% and 80% coverage, CofeNet exact span F1), so a newsroom can
/// measure the tool on its own annotated stories.
/// </summary>
public static class Scorer
{
    private const string Trim = " \t\r\n\"'\u201C\u201D\u2018\u2019\u00AB\u00BB\u201E\u201A\u2039\u203A.,;:!?\u2014\u2013-";

    /// <summary>Reads a gold JSONL file.</summary>
    public static List<GoldDocument> ReadGold(string path)
    {
        var docs = new List<GoldDocument>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var attributions = new List<GoldAttribution>();
                if (root.TryGetProperty("attributions", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var a in list.EnumerateArray())
                    {
                        attributions.Add(new GoldAttribution(
                            Chunks(a, "content"),
                            Chunks(a, "source"),
                            Chunks(a, "cue"),
                            a.TryGetProperty("reference", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null,
                            a.TryGetProperty("sourceType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null));
                    }
                }

                docs.Add(new GoldDocument(root.GetProperty("id").ToString(), root.GetProperty("text").GetString() ?? "", attributions));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new FormatException($"{path}({lineNumber},1): not a gold record: {ex.Message}", ex);
            }
        }

        return docs;
    }

    /// <summary>Reads predictions from <c>check --format json</c> output, keyed by file name without extension.</summary>
    public static Dictionary<string, List<PredictedQuote>> ReadPredictions(JsonElement root)
    {
        var result = new Dictionary<string, List<PredictedQuote>>(StringComparer.Ordinal);
        if (!root.TryGetProperty("documents", out var documents))
        {
            return result;
        }

        foreach (var d in documents.EnumerateArray())
        {
            var path = d.TryGetProperty("path", out var p) ? p.GetString() ?? "" : "";
            var key = Path.GetFileNameWithoutExtension(path);
            var sources = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (d.TryGetProperty("sources", out var ss) && ss.ValueKind == JsonValueKind.Array)
            {
                foreach (var s in ss.EnumerateArray())
                {
                    if (s.TryGetProperty("id", out var id) && id.GetString() is { } sid)
                    {
                        sources[sid] = s;
                    }
                }
            }

            var quotes = new List<PredictedQuote>();
            if (d.TryGetProperty("quotes", out var qs) && qs.ValueKind == JsonValueKind.Array)
            {
                foreach (var q in qs.EnumerateArray())
                {
                    var chunks = new List<(int, int)>();
                    if (q.TryGetProperty("spans", out var spans) && spans.ValueKind == JsonValueKind.Array && spans.GetArrayLength() > 0)
                    {
                        foreach (var s in spans.EnumerateArray())
                        {
                            chunks.Add((s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32()));
                        }
                    }
                    else if (q.TryGetProperty("span", out var span) && span.ValueKind == JsonValueKind.Object)
                    {
                        chunks.Add((span.GetProperty("start").GetInt32(), span.GetProperty("end").GetInt32()));
                    }

                    chunks.RemoveAll(c => c.Item2 <= c.Item1);
                    if (chunks.Count == 0)
                    {
                        continue;
                    }

                    (int, int)? speaker = q.TryGetProperty("speaker", out var sp) && sp.ValueKind == JsonValueKind.Object
                        ? (sp.GetProperty("start").GetInt32(), sp.GetProperty("end").GetInt32()) : null;
                    var cueText = "";
                    (int, int)? cueSpan = null;
                    if (q.TryGetProperty("cue", out var cue) && cue.ValueKind == JsonValueKind.Object)
                    {
                        cueText = (cue.TryGetProperty("text", out var ct) ? ct.GetString() ?? "" : "").Trim().ToLowerInvariant();
                        cueSpan = (cue.GetProperty("start").GetInt32(), cue.GetProperty("end").GetInt32());
                    }

                    var name = "";
                    var type = "unknown";
                    if (q.TryGetProperty("source", out var src) && src.ValueKind == JsonValueKind.String && sources.TryGetValue(src.GetString()!, out var entity))
                    {
                        name = entity.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
                        type = entity.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
                    }

                    var quoteId = q.TryGetProperty("id", out var qid) && qid.ValueKind == JsonValueKind.String ? qid.GetString() : null;
                    var continues = q.TryGetProperty("continues", out var cont) && cont.ValueKind == JsonValueKind.String ? cont.GetString() : null;
                    quotes.Add(new PredictedQuote(chunks, speaker, cueText, cueSpan, name, type, quoteId, continues));
                }
            }

            result[key] = quotes;
        }

        return result;
    }

    /// <summary>Scores predictions against gold; the result's text matches score.py's.</summary>
    public static EvaluationResult Score(IReadOnlyList<GoldDocument> gold, IReadOnlyDictionary<string, List<PredictedQuote>> predictions)
    {
        var result = new EvaluationResult();
        foreach (var threshold in (ReadOnlySpan<double>)[0.3, 0.8])
        {
            int tp = 0, fp = 0, fn = 0, sm = 0, cm = 0, rm = 0, rn = 0, tm = 0, tn = 0;
            var confusion = new SortedDictionary<(string Gold, string Pred), int>(Comparer<(string Gold, string Pred)>.Create(
                (a, b) => string.CompareOrdinal(a.Gold, b.Gold) is var c && c != 0 ? c : string.CompareOrdinal(a.Pred, b.Pred)));
            foreach (var g in gold)
            {
                var remaining = predictions.TryGetValue(g.Id, out var preds) ? new List<PredictedQuote>(preds) : [];
                var heads = preds is null ? [] : ChainHeads(preds);
                foreach (var a in g.Attributions)
                {
                    var cs = a.Content.Where(c => c.End > c.Start).ToList();
                    if (cs.Count == 0)
                    {
                        continue;
                    }

                    var gspan = (cs.Min(c => c.Start), cs.Max(c => c.End));
                    if (BestMatch(gspan, remaining, heads, threshold) is not { } found)
                    {
                        fn++;
                        continue;
                    }

                    remaining.RemoveAll(p => found.Exists(f => ReferenceEquals(f, p)));

                    // A chain is judged by its head; a continuation matched alone takes its head's speaker and cue.
                    var best = found.Count == 1 ? found[0] : heads[found[0]];
                    var head = heads[best];
                    var continuation = !ReferenceEquals(best, head);
                    tp++;
                    var gsrc = a.Source.Where(c => c.End > c.Start).ToList();
                    if ((gsrc.Count == 0 && best.Speaker is null) || Overlaps(gsrc, best.Speaker)
                        || (continuation && best.Speaker is null && (gsrc.Count == 0 || Overlaps(gsrc, head.Speaker))))
                    {
                        sm++;
                    }

                    var gcue = string.Join(" ", a.Cue.Where(c => c.End > c.Start).Select(c => g.Text[c.Start..c.End])).Trim().ToLowerInvariant();
                    if (gcue == best.Cue || (continuation && best.Cue.Length == 0 && (gcue.Length == 0 || gcue == head.Cue)))
                    {
                        cm++;
                    }

                    if (!string.IsNullOrEmpty(a.Reference))
                    {
                        rn++;
                        var lt = LastToken(a.Reference);
                        if (lt.Length > 0 && lt == LastToken(best.Name))
                        {
                            rm++;
                        }
                    }

                    if (!string.IsNullOrEmpty(a.SourceType))
                    {
                        tn++;
                        var key = (a.SourceType, best.Type);
                        confusion[key] = confusion.GetValueOrDefault(key) + 1;
                        if (a.SourceType == best.Type)
                        {
                            tm++;
                        }
                    }
                }

                fp += remaining.Count;
            }

            var (p2, r2, f2) = Prf(tp, fp, fn);
            result.Quotes.Add(new QuoteScore(threshold, p2, r2, f2, tp, fp, fn,
                tp > 0 ? (double)sm / tp : 0, tp > 0 ? (double)cm / tp : 0,
                rn > 0 ? (double)rm / rn : null, tn > 0 ? (double)tm / tn : null));
            if (threshold == 0.3 && tn > 0)
            {
                result.TypeConfusion = [.. confusion.Select(kv => new KeyValuePair<string, int>($"{kv.Key.Gold}->{kv.Key.Pred}", kv.Value))];
            }
        }

        foreach (var role in (ReadOnlySpan<string>)["content", "source", "cue"])
        {
            int tp = 0, fp = 0, fn = 0;
            foreach (var g in gold)
            {
                var goldSet = new HashSet<(int, int)>();
                foreach (var a in g.Attributions)
                {
                    var chunks = role switch { "content" => a.Content, "source" => a.Source, _ => a.Cue };
                    foreach (var c in chunks.Where(c => c.End > c.Start))
                    {
                        goldSet.Add(Trimmed(g.Text, c));
                    }
                }

                var predSet = new HashSet<(int, int)>();
                if (predictions.TryGetValue(g.Id, out var preds))
                {
                    foreach (var p in preds)
                    {
                        switch (role)
                        {
                            case "content":
                                foreach (var c in p.Chunks)
                                {
                                    predSet.Add(Trimmed(g.Text, c));
                                }

                                break;
                            case "source" when p.Speaker is { } s:
                                predSet.Add(Trimmed(g.Text, s));
                                break;
                            case "cue" when p.CueSpan is { } c2:
                                predSet.Add(Trimmed(g.Text, c2));
                                break;
                        }
                    }
                }

                var common = goldSet.Count(predSet.Contains);
                tp += common;
                fp += predSet.Count - common;
                fn += goldSet.Count - common;
            }

            result.Exact[role] = Prf(tp, fp, fn);
        }

        return result;
    }

    // Each quotation's chain head: the quotation its "continues" links lead back to (itself when it continues
    // none), following score.py: a link to an id the document lacks ends the chain, and so does a loop.
    private static Dictionary<PredictedQuote, PredictedQuote> ChainHeads(List<PredictedQuote> quotes)
    {
        var byId = new Dictionary<string, PredictedQuote>(StringComparer.Ordinal);
        foreach (var q in quotes)
        {
            if (!string.IsNullOrEmpty(q.Id))
            {
                byId[q.Id] = q;
            }
        }

        var heads = new Dictionary<PredictedQuote, PredictedQuote>(ReferenceEqualityComparer.Instance);
        foreach (var q in quotes)
        {
            var head = q;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (head.Continues is { } next && byId.TryGetValue(next, out var earlier) && seen.Add(next))
            {
                head = earlier;
            }

            heads[q] = head;
        }

        return heads;
    }

    // The remaining quotation, or continuation chain, covering more than threshold of the gold span, best first;
    // a single quotation wins a tie with its chain (score.py's best_match).
    private static List<PredictedQuote>? BestMatch((int Start, int End) gspan, List<PredictedQuote> remaining, Dictionary<PredictedQuote, PredictedQuote> heads, double threshold)
    {
        List<PredictedQuote>? best = null;
        var bestScore = 0.0;
        foreach (var p in remaining)
        {
            var s = Coverage(gspan, p.Span);
            if (s > threshold && s > bestScore)
            {
                best = [p];
                bestScore = s;
            }
        }

        var chains = new Dictionary<PredictedQuote, List<PredictedQuote>>(ReferenceEqualityComparer.Instance);
        var order = new List<List<PredictedQuote>>();
        foreach (var p in remaining)
        {
            if (!chains.TryGetValue(heads[p], out var members))
            {
                chains[heads[p]] = members = [];
                order.Add(members);
            }

            members.Add(p);
        }

        foreach (var members in order)
        {
            if (members.Count < 2)
            {
                continue;
            }

            var s = Coverage(gspan, (members.Min(m => m.Span.Start), members.Max(m => m.Span.End)));
            if (s > threshold && s > bestScore)
            {
                best = members;
                bestScore = s;
            }
        }

        return best;
    }

    private static bool Overlaps(List<(int Start, int End)> gold, (int Start, int End)? span) =>
        span is { } s && gold.Exists(c => Math.Min(c.End, s.End) - Math.Max(c.Start, s.Start) > 0);

    private static List<(int, int)> Chunks(JsonElement a, string role)
    {
        var list = new List<(int, int)>();
        if (a.TryGetProperty(role, out var r) && r.ValueKind == JsonValueKind.Object && r.TryGetProperty("spans", out var spans))
        {
            foreach (var s in spans.EnumerateArray())
            {
                list.Add((s[0].GetInt32(), s[1].GetInt32()));
            }
        }

        return list;
    }

    private static double Coverage((int Start, int End) gold, (int Start, int End) pred)
    {
        if (gold.End <= gold.Start || pred.End <= pred.Start)
        {
            return 0;
        }

        return Math.Max(0, Math.Min(gold.End, pred.End) - Math.Max(gold.Start, pred.Start)) / (double)(gold.End - gold.Start);
    }

    private static (int, int) Trimmed(string text, (int Start, int End) span)
    {
        var (s, e) = span;
        s = Math.Clamp(s, 0, text.Length);
        e = Math.Clamp(e, s, text.Length);
        while (s < e && Trim.Contains(text[s], StringComparison.Ordinal))
        {
            s++;
        }

        while (e > s && Trim.Contains(text[e - 1], StringComparison.Ordinal))
        {
            e--;
        }

        return (s, e);
    }

    private static string LastToken(string name)
    {
        var tokens = new List<string>();
        var sb = new StringBuilder();
        foreach (var ch in name + " ")
        {
            if (char.IsAsciiLetter(ch) || (ch >= '\u00C0' && ch <= '\u00FF') || ch is '\'' or '\u2019' or '-')
            {
                sb.Append(ch);
            }
            else if (sb.Length > 0)
            {
                tokens.Add(sb.ToString());
                sb.Clear();
            }
        }

        tokens.RemoveAll(t => t.ToLowerInvariant() is "jr" or "sr" or "ii" or "iii");
        return tokens.Count > 0 ? tokens[^1].ToLowerInvariant() : "";
    }

    private static (double P, double R, double F) Prf(int tp, int fp, int fn)
    {
        var p = tp + fp > 0 ? (double)tp / (tp + fp) : 0;
        var r = tp + fn > 0 ? (double)tp / (tp + fn) : 0;
        return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    }
}

/// <summary>Quote-level scores at one coverage threshold.</summary>
/// <param name="Threshold">0.3 or 0.8.</param>
/// <param name="P">Precision.</param>
/// <param name="R">Recall.</param>
/// <param name="F1">F1.</param>
/// <param name="TP">True positives.</param>
/// <param name="FP">False positives.</param>
/// <param name="FN">False negatives.</param>
/// <param name="SpeakerMatch">Share of found quotes whose speaker overlaps the gold source.</param>
/// <param name="CueMatch">Share with the same cue text.</param>
/// <param name="ReferenceMatch">Share whose resolved name shares the gold reference's last name.</param>
/// <param name="TypeMatch">Share with the gold source type.</param>
public sealed record QuoteScore(double Threshold, double P, double R, double F1, int TP, int FP, int FN, double SpeakerMatch, double CueMatch, double? ReferenceMatch, double? TypeMatch);

/// <summary>All metrics of one evaluation.</summary>
public sealed class EvaluationResult
{
    /// <summary>Quote scores at 0.3 and 0.8.</summary>
    public List<QuoteScore> Quotes { get; } = [];

    /// <summary>Exact span P/R/F1 per role.</summary>
    public Dictionary<string, (double P, double R, double F1)> Exact { get; } = [];

    /// <summary>Gold→predicted type counts in score.py's order, when gold has types.</summary>
    public List<KeyValuePair<string, int>>? TypeConfusion { get; set; }

    /// <summary>Per-type F1 over the confusion table, then the macro average over gold types (as score.py).</summary>
    public List<KeyValuePair<string, double>> TypeF1()
    {
        var result = new List<KeyValuePair<string, double>>();
        if (TypeConfusion is null)
        {
            return result;
        }

        var pairs = TypeConfusion.Select(kv => (Gold: kv.Key[..kv.Key.IndexOf("->", StringComparison.Ordinal)], Pred: kv.Key[(kv.Key.IndexOf("->", StringComparison.Ordinal) + 2)..], Count: kv.Value)).ToList();
        var goldTypes = pairs.Select(p => p.Gold).ToHashSet(StringComparer.Ordinal);
        var types = goldTypes.Union(pairs.Select(p => p.Pred).Where(p => p.Length > 0)).Order(StringComparer.Ordinal).ToList();
        var perType = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var t in types)
        {
            var tp = pairs.Where(p => p.Gold == t && p.Pred == t).Sum(p => p.Count);
            var fp = pairs.Where(p => p.Pred == t && p.Gold != t).Sum(p => p.Count);
            var fn = pairs.Where(p => p.Gold == t && p.Pred != t).Sum(p => p.Count);
            var precision = tp + fp > 0 ? (double)tp / (tp + fp) : 0;
            var recall = tp + fn > 0 ? (double)tp / (tp + fn) : 0;
            perType[t] = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
            result.Add(new(t, perType[t]));
        }

        result.Add(new("macroF1(gold types)", goldTypes.Sum(t => PythonRound4(perType[t])) / goldTypes.Count));
        return result;
    }

    /// <summary>Renders the metrics in score.py's layout.</summary>
    public string Render()
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        foreach (var q in Quotes)
        {
            sb.Append(inv, $"{("quotes@" + q.Threshold.ToString(inv)),-28} P={R(q.P)}  R={R(q.R)}  F1={R(q.F1)}  tp={q.TP}  fp={q.FP}  fn={q.FN}  speaker_match={R(q.SpeakerMatch)}  cue_match={R(q.CueMatch)}  reference_match={Opt(q.ReferenceMatch)}  type_match={Opt(q.TypeMatch)}");
            sb.Append('\n');

            // score.py prints the type tables right after the 0.3 line.
            if (q.Threshold == 0.3 && TypeConfusion is not null)
            {
                sb.Append(inv, $"{"type_confusion(gold->pred)",-28} ").Append(string.Join("  ", TypeConfusion.Select(kv => $"{kv.Key}={kv.Value}"))).Append('\n');
                sb.Append(inv, $"{"type_F1",-28} ").Append(string.Join("  ", TypeF1().Select(kv => $"{kv.Key}={R(kv.Value)}"))).Append('\n');
            }
        }

        foreach (var (role, (p, r, f)) in Exact)
        {
            sb.Append(inv, $"{"exact:" + role,-28} P={R(p)}  R={R(r)}  F1={R(f)}").Append('\n');
        }

        return sb.ToString();

        static string Opt(double? v) => v is { } x ? R(x) : "None";
    }

    // Python's repr of round(v, 4): 0.7 → "0.7", 1 → "1.0".
    private static string R(double v)
    {
        var s = PythonRound4(v).ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.', StringComparison.Ordinal) || s.Contains('E', StringComparison.Ordinal) ? s : s + ".0";
    }

    /// <summary>Python's round(v, 4).</summary>
    // Python's round(v, 4) rounds the exact binary value half-to-even; Math.Round scales first and
    // can land on the other side of a half when the decimal is close to one. Done exactly here.
    public static double PythonRound4(double v)
    {
        if (double.IsNaN(v) || double.IsInfinity(v) || v == 0)
        {
            return v;
        }

        var negative = v < 0;
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(v));
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075; // v = mantissa * 2^exponent
        var numerator = new System.Numerics.BigInteger(mantissa) * 10000;
        var denominator = System.Numerics.BigInteger.One;
        if (exponent >= 0)
        {
            numerator <<= exponent;
        }
        else
        {
            denominator <<= -exponent;
        }

        var quotient = System.Numerics.BigInteger.DivRem(numerator, denominator, out var remainder);
        var twice = remainder * 2;
        if (twice > denominator || (twice == denominator && !quotient.IsEven))
        {
            quotient += 1;
        }

        var rounded = (double)quotient / 10000.0;
        return negative ? -rounded : rounded;
    }
}
