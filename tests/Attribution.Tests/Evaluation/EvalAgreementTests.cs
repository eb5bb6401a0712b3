using System.Diagnostics;

using Attribution.Tests.Cli;

namespace Attribution.Tests.Evaluation;

/// <summary>
/// <c>attribution eval</c> must agree with <c>../shared/eval/score.py</c> on the same output. Reads the
/// shared data at run time (never copied into the repository) and says so when it is absent.
/// </summary>
public sealed class EvalAgreementTests : IDisposable
{
    private readonly TempFolder _temp = new("attribution-eval-");

    public void Dispose() => _temp.Dispose();

    [SkippableFact]
    public void Eval_and_score_py_print_the_same_metrics_for_the_same_output()
    {
        var eval = Requires.SharedFolder("eval");

        // A slice of the typed dev set keeps the test fast while covering every metric.
        var gold = Path.Combine(_temp.Root, "gold.jsonl");
        File.WriteAllLines(gold, File.ReadLines(Path.Combine(eval, "polnear-dev-types.jsonl")).Take(12));
        var texts = Path.Combine(_temp.Root, "texts");
        Directory.CreateDirectory(texts);
        foreach (var line in File.ReadLines(gold))
        {
            using var doc = System.Text.Json.JsonDocument.Parse(line);
            File.WriteAllText(Path.Combine(texts, doc.RootElement.GetProperty("id").GetString() + ".txt"), doc.RootElement.GetProperty("text").GetString());
        }

        var predictions = Path.Combine(_temp.Root, "pred.json");
        var (code, json, _) = CliRunner.Run("check", "--format", "json", texts);
        Assert.Equal(0, code);
        File.WriteAllText(predictions, json);

        var (evalCode, ours, _) = CliRunner.Run("eval", gold, "--predictions", predictions);
        Assert.Equal(0, evalCode);
        var (ownCode, own, _) = CliRunner.Run("eval", gold);
        Assert.Equal(0, ownCode);

        string python;
        try
        {
            python = RunPython(Path.Combine(eval, "score.py"), gold, predictions);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Requires.Dependency(false, "python3 is not installed");
            throw;
        }

        AssertSameMetrics(python, ours);
        Assert.Equal(Normalise(ours), Normalise(own));
        Assert.Contains("quotes@0.3", ours, StringComparison.Ordinal);
        Assert.Contains("type_match=", ours, StringComparison.Ordinal);
    }

    private static string Normalise(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    // Same lines, names and counts; rates equal to the printed precision. score.py sums the per-type F1
    // over a Python set, whose order changes with the hash seed, so its last digit of macroF1 can move.
    private static void AssertSameMetrics(string expected, string actual)
    {
        var e = Normalise(expected).Split('\n');
        var a = Normalise(actual).Split('\n');
        Assert.Equal(e.Length, a.Length);
        for (var i = 0; i < e.Length; i++)
        {
            var ef = e[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var af = a[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(ef.Length, af.Length);
            for (var f = 0; f < ef.Length; f++)
            {
                var (ek, ev) = Split(ef[f]);
                var (ak, av) = Split(af[f]);
                Assert.Equal(ek, ak);
                if (double.TryParse(ev, System.Globalization.CultureInfo.InvariantCulture, out var ed) && double.TryParse(av, System.Globalization.CultureInfo.InvariantCulture, out var ad))
                {
                    Assert.True(Math.Abs(ed - ad) <= 1.01e-4, $"{ek}: score.py {ev}, eval {av}");
                }
                else
                {
                    Assert.Equal(ev, av);
                }
            }
        }

        static (string Key, string Value) Split(string field)
        {
            var eq = field.LastIndexOf('=');
            return eq < 0 ? (field, "") : (field[..eq], field[(eq + 1)..]);
        }
    }

    private static string RunPython(string script, string gold, string predictions)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(gold);
        start.ArgumentList.Add(predictions);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return stdout;
    }

}
