using Spectre.Console;

namespace Attribution.Cli;

/// <summary>
/// A progress bar on standard error for long runs (Spectre.Console), drawn only when standard error is a
/// terminal and the report goes elsewhere, so machine output on stdout is never mixed with it.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>True when a bar may be drawn: stderr is a terminal, stdout is not (or the report goes to a file).</summary>
    public static bool Wanted(CliConsole console, bool toFile, bool disabled) =>
        !disabled && console.ErrorIsTerminal && (toFile || !console.IsTerminal)
        && Environment.GetEnvironmentVariable("TERM") is not "dumb";

    /// <summary>Runs <paramref name="work"/> with a bar over <paramref name="totalBytes"/> (indeterminate when 0).</summary>
    public static T Run<T>(TextWriter error, long totalBytes, Func<IProgress<long>, T> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Interactive = InteractionSupport.Yes,
        });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("Analysing", maxValue: Math.Max(totalBytes, 1));
                task.IsIndeterminate = totalBytes == 0;
                var progress = new TaskProgress(task);
                var result = work(progress);
                progress.ShowCount();
                task.Value = task.MaxValue;
                return result;
            });
    }

    private sealed class TaskProgress(ProgressTask task) : IProgress<long>
    {
        private int _documents;

        public void Report(long value)
        {
            _documents++;
            task.Increment(value);
            if (_documents % 64 == 1)
            {
                ShowCount();
            }
        }

        // Shows the count: every 64 stories while the run goes on, and once at the end so the last frame has them all.
        public void ShowCount() => task.Description = $"Analysing: {_documents:N0} stories";
    }
}
