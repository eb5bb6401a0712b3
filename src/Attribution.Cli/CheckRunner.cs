using System.Collections.Concurrent;
using Attribution.Analysis;
using Attribution.Analysis.Configuration;
using Attribution.Inputs;
using Attribution.Reporting;

namespace Attribution.Cli;

/// <summary>What one check needs besides its inputs: the pipeline, the configuration, the baseline and the bar.</summary>
/// <param name="Analyzer">The pipeline.</param>
/// <param name="Configuration">Per-document severities and options.</param>
/// <param name="Baseline">Accepted findings, or null.</param>
/// <param name="FailOn">The lowest severity that fails the run.</param>
internal sealed record CheckRun(Analyzer Analyzer, ConfigurationResolver Configuration, Baseline? Baseline, Severity FailOn)
{
    private readonly ConcurrentQueue<(string Path, Diagnostic Finding)> _findings = new();

    // Per failing rule: its failure in the earliest input (by place in the run, whichever worker got there first) and
    // the count.
    private readonly ConcurrentDictionary<string, (string Where, RuleFailure First, long Ordinal, int Count)> _ruleFailures = new(StringComparer.Ordinal);

    /// <summary>Messages held back while a progress bar owns standard error; printed after it.</summary>
    public System.Text.StringBuilder Deferred { get; } = new();

    /// <summary>
    /// True when the run writes a baseline (--write-baseline): every unsuppressed finding is kept for
    /// <see cref="Findings"/> and counts as accepted, since the baseline being written accepts it.
    /// </summary>
    public bool WritesBaseline { get; init; }

    /// <summary>True to report errors only (--quiet, as ESLint's): warnings and suggestions are left out of every output.</summary>
    public bool Quiet { get; init; }

    /// <summary>The most active warnings the run may have before it fails (--max-warnings), or -1 for no limit.</summary>
    public int MaxWarnings { get; init; } = -1;

    /// <summary>Every unsuppressed finding of the run with the path of its story (what --write-baseline records).</summary>
    public IReadOnlyCollection<(string Path, Diagnostic Finding)> Findings => _findings;

    /// <summary>
    /// The rules that threw, one line each as a rule error (AT0001 at the rule's <c>when:</c>) naming the
    /// first place it failed and how often.
    /// </summary>
    public IEnumerable<string> RuleFailureMessages() =>
        _ruleFailures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => Describe(f.Value.First, f.Value.Where, f.Value.Count));

    /// <summary>A failing rule as a rule error at its <c>when:</c>: where it failed first, and in how many documents.</summary>
    internal static string Describe(RuleFailure failure, string where, int documents = 1)
    {
        var more = documents > 1 ? $" (and in {documents - 1} more document(s))" : "";
        return new LoadError(failure.Rule.File, failure.Rule.Line, failure.Rule.Column,
            $"rule {failure.Rule.Id} failed at {where} and was skipped there{more}: {failure.Message}").ToString();
    }

    /// <summary>path(line,col) of what the rule was looking at when it failed.</summary>
    internal static string Where(InputDocument input, RuleFailure failure)
    {
        var at = input.Text!.GetLinePosition(failure.Span.Start);
        return $"{DisplayName.Of(input.Path)}({at.Line},{at.Column})";
    }

    /// <summary>
    /// Analyses one document, the run's <paramref name="ordinal"/>-th. An exception inside the analysis is that
    /// document's error, not the run's end: the other documents are still analysed.
    /// </summary>
    public (InputDocument Input, DocumentAnalysis? Analysis) TryAnalyze(InputDocument input, long ordinal = 0)
    {
        if (input.Text is null)
        {
            return (input, null);
        }

        try
        {
            return (input, Analyze(input, ordinal));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not InsufficientExecutionStackException)
        {
            return (InputDocument.Failed(input.Path, $"internal error, please report it with this file: {ex.GetType().Name}: {ex.Message}"), null);
        }
    }

    public DocumentAnalysis Analyze(InputDocument input, long ordinal = 0)
    {
        var analysis = Analyzer.Analyze(input.Text!, Configuration.Resolve(input.ConfigPath));
        foreach (var failure in analysis.RuleFailures)
        {
            _ruleFailures.AddOrUpdate(
                failure.Rule.Id,
                _ => (Where(input, failure), failure, ordinal, 1),
                (_, seen) => ordinal < seen.Ordinal
                    ? (Where(input, failure), failure, ordinal, seen.Count + 1)
                    : seen with { Count = seen.Count + 1 });
        }

        if (Quiet && analysis.Diagnostics.Any(d => d.Severity < Severity.Error))
        {
            analysis = analysis with { Diagnostics = [.. analysis.Diagnostics.Where(d => d.Severity >= Severity.Error)] };
        }

        if (WritesBaseline)
        {
            var recorded = new List<Diagnostic>(analysis.Diagnostics.Length);
            foreach (var d in analysis.Diagnostics)
            {
                var kept = !d.IsSuppressed && d.Severity != Severity.None;
                if (kept)
                {
                    _findings.Enqueue((input.Path, d));
                }

                recorded.Add(kept ? d with { IsBaselined = true } : d);
            }

            analysis = analysis with { Diagnostics = [.. recorded] };
        }
        else if (Baseline is not null && analysis.Diagnostics.Length > 0)
        {
            analysis = analysis with { Diagnostics = [.. Baseline.Apply(input.Path, analysis.Diagnostics)] };
        }

        return analysis;
    }
}

/// <summary>Runs the pipeline over the inputs, in parallel, writing results in input order.</summary>
internal static class CheckRunner
{
    public static int Run(CheckRun run, IEnumerable<Func<InputDocument>> inputs, IReportWriter writer, TextWriter error, int threads, IProgress<long>? progress = null)
    {
        var messages = Messages.For(error, progress);
        var failures = 0;
        var failing = 0;
        var warnings = 0;
        using (writer)
        {
            // Each document is prepared for the report by the worker that analysed it (the JSON writer serialises it
            // there, and a very long story keeps its analysis to be streamed out), and written in input order.
            OrderedParallel.Run(inputs, (load, ordinal) => Finish(run, writer, load(), ordinal), done =>
            {
                progress?.Report(done.Size);
                if (done.Error is not null)
                {
                    failures++;
                    messages.WriteLine($"attribution: {DisplayName.Of(done.Path)}: {done.Error}");
                    writer.WriteFailure(new InputFailure(done.Path, done.Error));
                    return;
                }

                failing += done.Failing;
                warnings += done.Warnings;
                writer.Write(done.Document!);
            }, threads);

            writer.Complete();
        }

        var tooManyWarnings = run.MaxWarnings >= 0 && warnings > run.MaxWarnings;
        if (tooManyWarnings)
        {
            messages.WriteLine($"attribution: {warnings} warning(s), more than --max-warnings {run.MaxWarnings} allows");
        }

        return Messages.Finish(run, messages, error) ? ExitCodes.RuleOrConfig
            : failures > 0 ? ExitCodes.UsageOrInput : failing > 0 || tooManyWarnings ? ExitCodes.ErrorDiagnostics : ExitCodes.Clean;
    }

    // One document's part of the run, done by a worker. It is prepared for the report there too: for JSON only its
    // bytes wait for their turn in the output, not the story's text and analysis, which would outlive the worker
    // and be copied by every collection they stay for.
    private static Done Finish(CheckRun run, IReportWriter writer, InputDocument loaded, long ordinal)
    {
        try
        {
            return FinishWithin(run, writer, loaded, ordinal);
        }
        catch (OutOfMemoryException)
        {
            // A story too large for the memory the process may use: its error, not the run's end. What it
            // allocated is garbage now, and the next story has the memory again.
            return new Done(loaded.Path, loaded.Size, InputReader.OutOfMemory, null, 0, 0);
        }
    }

    private static Done FinishWithin(CheckRun run, IReportWriter writer, InputDocument loaded, long ordinal)
    {
        var (input, analysis) = run.TryAnalyze(loaded, ordinal);
        if (analysis is null)
        {
            return new Done(input.Path, input.Size, input.Error ?? "could not be read", null, 0, 0);
        }

        var failing = 0;
        var warnings = 0;
        foreach (var d in analysis.Diagnostics)
        {
            failing += d.IsActive && d.Severity >= run.FailOn ? 1 : 0;
            warnings += d.IsActive && d.Severity == Severity.Warning ? 1 : 0;
        }

        return new Done(input.Path, input.Size, null, writer.Prepare(analysis), failing, warnings);
    }

    private sealed record Done(string Path, long Size, string? Error, PreparedDocument? Document, int Failing, int Warnings);
}

/// <summary>Where a run's messages go: straight to stderr, or held back while a progress bar is drawn there.</summary>
internal static class Messages
{
    public static TextWriter For(TextWriter error, IProgress<long>? progress) => progress is null ? error : new StringWriter();

    /// <summary>
    /// Adds the configuration errors and the rules that failed, hands held-back messages to the run; true when
    /// there were either.
    /// </summary>
    public static bool Finish(CheckRun run, TextWriter messages, TextWriter error)
    {
        foreach (var e in run.Configuration.Problems)
        {
            messages.WriteLine(e.ToString());
        }

        var ruleFailures = 0;
        foreach (var line in run.RuleFailureMessages())
        {
            messages.WriteLine(line);
            ruleFailures++;
        }

        if (messages != error)
        {
            // Printed by the caller once the bar is gone.
            run.Deferred.Append(messages.ToString());
        }

        return run.Configuration.Errors.Count > 0 || ruleFailures > 0;
    }
}

/// <summary>Runs the pipeline over the inputs for <c>attribution report</c>: one row per story, in input order.</summary>
internal static class ReportRunner
{
    public static int Run(CheckRun run, IEnumerable<Func<InputDocument>> inputs, IArchiveReportWriter writer, ArchiveReport report, TextWriter error, int threads, IProgress<long>? progress)
    {
        var messages = Messages.For(error, progress);
        var failures = 0;
        var names = new SourceNames(run.Analyzer.Pack.Lexicons);
        using (writer)
        {
            OrderedParallel.Run(
                inputs,
                (load, ordinal) =>
                {
                    var (input, analysis) = run.TryAnalyze(load(), ordinal);
                    var row = analysis is null
                        ? StoryRow.Unreadable(input.Path, input.Error ?? "could not be read", input.Metadata)
                        : StoryRow.Of(analysis, input.Metadata, names);
                    return (Row: row, input.Size);
                },
                done =>
                {
                    progress?.Report(done.Size);
                    if (done.Row.Error is not null)
                    {
                        failures++;
                        messages.WriteLine($"attribution: {DisplayName.Of(done.Row.Path)}: {done.Row.Error}");
                    }

                    writer.WriteStory(done.Row);
                    report.Add(done.Row);
                },
                threads);

            writer.Complete(report);
        }

        foreach (var note in report.Notes)
        {
            messages.WriteLine($"attribution: {note}");
        }

        return Messages.Finish(run, messages, error) ? ExitCodes.RuleOrConfig : failures > 0 ? ExitCodes.UsageOrInput : ExitCodes.Clean;
    }

    /// <summary>
    /// <c>report merge</c>: the rows of the parts' reports, in order, through the same writer and report as a run,
    /// with the same messages (each story that could not be read, the notes on groups) and exit code.
    /// </summary>
    public static int Merge(IEnumerable<StoryRow> rows, IArchiveReportWriter writer, ArchiveReport report, TextWriter error)
    {
        var failures = 0;
        using (writer)
        {
            foreach (var row in rows)
            {
                if (row.Error is not null)
                {
                    failures++;
                    error.WriteLine($"attribution: {DisplayName.Of(row.Path)}: {row.Error}");
                }

                writer.WriteStory(row);
                report.Add(row);
            }

            writer.Complete(report);
        }

        foreach (var note in report.Notes)
        {
            error.WriteLine($"attribution: {note}");
        }

        return failures > 0 ? ExitCodes.UsageOrInput : ExitCodes.Clean;
    }
}
