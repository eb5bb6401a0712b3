using Attribution.Analysis;
using Attribution.Analysis.Inputs;
using Attribution.Reporting;

namespace Attribution.Cli;

/// <summary>Runs the pipeline over the inputs, in parallel, writing results in input order.</summary>
internal static class CheckRunner
{
    public static int Run(Analyzer analyzer, IEnumerable<InputDocument> inputs, IReportWriter writer, TextWriter error, int threads)
    {
        var failures = 0;
        var errors = 0;
        using (writer)
        {
            var results = inputs
                .AsParallel()
                .AsOrdered()
                .WithDegreeOfParallelism(Math.Clamp(threads, 1, 512))
                .Select(input => (Input: input, Analysis: input.Text is null ? null : analyzer.Analyze(input.Text)));
            foreach (var (input, analysis) in results)
            {
                if (analysis is null)
                {
                    failures++;
                    error.WriteLine($"attribution: {input.Path}: {input.Error}");
                    writer.WriteFailure(new InputFailure(input.Path, input.Error ?? "could not be read"));
                    continue;
                }

                errors += analysis.Diagnostics.Count(d => d.Severity == Severity.Error);
                writer.WriteDocument(analysis);
            }

            writer.Complete();
        }

        return failures > 0 ? ExitCodes.UsageOrInput : errors > 0 ? ExitCodes.ErrorDiagnostics : ExitCodes.Clean;
    }
}
