using System.Diagnostics;
using System.Text;
using Attribution.Cli;
using Xunit.Abstractions;

namespace Attribution.Tests.Evaluation;

/// <summary>
/// <c>attribution eval</c> must agree with <c>../shared/eval/score.py</c> on the same output. Reads the
/// shared data at run time (never copied into the repository) and says so when it is absent.
/// </summary>
public sealed class EvalAgreementTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("attribution-eval-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Eval_and_score_py_print_the_same_metrics_for_the_same_output()
    {
        if (TestPack.SharedDirectory is not { } shared || !File.Exists(Path.Combine(shared, "eval", "score.py")))
        {
            output.WriteLine("../shared/eval is absent: the agreement check needs it and was not run.");
            return;
        }

        // A slice of the typed dev set keeps the test fast while covering every metric.
        var gold = Path.Combine(_dir, "gold.jsonl");
        File.WriteAllLines(gold, File.ReadLines(Path.Combine(shared, "eval", "polnear-dev-types.jsonl")).Take(12));
        var texts = Path.Combine(_dir, "texts");
        Directory.CreateDirectory(texts);
        foreach (var line in File.ReadLines(gold))
        {
            using var doc = System.Text.Json.JsonDocument.Parse(line);
            File.WriteAllText(Path.Combine(texts, doc.RootElement.GetProperty("id").GetString() + ".txt"), doc.RootElement.GetProperty("text").GetString());
        }

        var predictions = Path.Combine(_dir, "pred.json");
        var (code, json, _) = Run("check", "--format", "json", texts);
        Assert.Equal(0, code);
        File.WriteAllText(predictions, json);

        var (evalCode, ours, _) = Run("eval", gold, "--predictions", predictions);
        Assert.Equal(0, evalCode);
        var (ownCode, own, _) = Run("eval", gold);
        Assert.Equal(0, ownCode);

        string python;
        try
        {
            python = RunPython(Path.Combine(shared, "eval", "score.py"), gold, predictions);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            output.WriteLine("python3 is not installed: the agreement check was not run.");
            return;
        }

        Assert.Equal(Normalise(python), Normalise(ours));
        Assert.Equal(Normalise(ours), Normalise(own));
        Assert.Contains("quotes@0.3", ours, StringComparison.Ordinal);
        Assert.Contains("type_match=", ours, StringComparison.Ordinal);
    }

    private static string Normalise(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

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

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, new CliConsole(stdout, stderr, () => Stream.Null, IsTerminal: false));
        return (code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }
}
