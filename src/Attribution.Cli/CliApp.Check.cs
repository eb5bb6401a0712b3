using System.CommandLine;
using Attribution.Analysis;
using Attribution.Analysis.Configuration;
using Attribution.Inputs;
using Attribution.Analysis.Rules;
using Attribution.Reporting;

namespace Attribution.Cli;

/// <summary>The <c>check</c> command: options, outputs, baselines, and the reports one run writes.</summary>
internal static partial class CliApp
{
    private static Command CheckCommand(CliConsole console, Option<string?> rulesOption, Option<string> inputFormat)
    {
        var paths = PathsArgument("Files, folders or - for standard input (.txt, .md, .html, .nitf, .jsonl)");
        var format = FormatOption("Output format", "text", Formats);
        var outputFile = OutputOption();
        var threads = ThreadsOption();
        var severity = new Option<string[]>("--severity")
        {
            Description = "Override a rule's or a category's severity: --severity AT2001=error, --severity category-Style=none (repeatable; beats .editorconfig; an ID beats its category)",
            AllowMultipleArgumentsPerToken = false,
        };
        var baseline = new Option<string?>("--baseline") { Description = "Accept the findings recorded in this baseline file; fail only on new ones" };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Record the current findings in this baseline file and accept them" };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Lowest severity that fails the run (exit code 1)",
            DefaultValueFactory = _ => "error",
        };
        failOn.AcceptOnlyFromAmong(FailLevels);
        var maxWarnings = new Option<int>("--max-warnings")
        {
            Description = "Fail the run (exit code 1) when it has more than this many warnings",
            DefaultValueFactory = _ => -1,
        };
        maxWarnings.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < -1)
            {
                result.AddError("--max-warnings must be 0 or more");
            }
        });
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Report errors only: leave warnings and suggestions out of every output" };
        var color = new Option<string>("--color")
        {
            Description = "Colour the text output: auto (a terminal without NO_COLOR), always or never",
            DefaultValueFactory = _ => "auto",
        };
        color.AcceptOnlyFromAmong("auto", "always", "never");
        var helpBase = HelpBaseOption();
        var noProgress = NoProgressOption();
        var extraOutputs = ExtraOutputs.Select(e => (e.Format, Option: new Option<string?>($"--{e.Format}-output") { Description = $"Also write the {e.Name} report to this file (the analysis runs once)" })).ToList();
        var githubAnnotations = new Option<bool>("--github-annotations") { Description = "Also print GitHub Actions annotations (::error file=…) on standard output" };

        var command = new Command("check", "Find quotations and attributions and check them against the rules")
        {
            paths, format, outputFile, threads, severity, baseline, writeBaseline, failOn, maxWarnings, quiet, color, helpBase, noProgress, githubAnnotations,
        };
        foreach (var (_, option) in extraOutputs)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var formats = extraOutputs.Where(e => parse.GetValue(e.Option) is not null).Select(e => e.Format).Prepend(parse.GetValue(format)!).ToList();
            if (formats.Any(f => f is "text" or "markdown" or "html"))
            {
                RunSummary.WarmUp();
            }

            var pack = LoadPack(parse.GetValue(rulesOption), console.Error);
            if (pack is null)
            {
                return ExitCodes.RuleOrConfig;
            }

            if (ParseSeverities(parse.GetValue(severity) ?? [], pack, console.Error) is not { } overrides)
            {
                return ExitCodes.UsageOrInput;
            }

            Baseline? accepted = null;
            if (parse.GetValue(baseline) is { } baselineFile)
            {
                try
                {
                    accepted = Baseline.Read(baselineFile);
                }
                catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
                {
                    console.Error.WriteLine($"attribution: cannot read the baseline: {ex.Message}");
                    return ExitCodes.UsageOrInput;
                }
            }

            var inputs = parse.GetValue(paths)!;
            List<(string What, string? File)> files =
            [
                ("report", parse.GetValue(outputFile)),
                .. extraOutputs.Select(e => ($"{e.Format} report", parse.GetValue(e.Option))),
                ("baseline", parse.GetValue(writeBaseline)),
            ];
            files.RemoveAll(f => f.File is null);
            if (files.GroupBy(f => Path.GetFullPath(f.File!), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                console.Error.WriteLine($"attribution: {string.Join(" and ", twice.Select(f => f.What))} would both be written to {twice.First().File}; nothing was written");
                return ExitCodes.UsageOrInput;
            }

            if (files.Any(f => WouldOverwriteInput(console, inputs, f)))
            {
                return ExitCodes.UsageOrInput;
            }

            var resolver = new ConfigurationResolver(pack, overrides);
            var sarif = new SarifOptions(
                parse.GetValue(helpBase) ?? resolver.Setting(SettingsPlace(inputs), "help_base_uri") ?? SarifReportWriter.DefaultHelpBase,
                Environment.CurrentDirectory);
            var opened = new List<FileReplacer.Replacement>();
            try
            {
                var writers = new List<IReportWriter>();
                if (OpenTarget(parse.GetValue(outputFile), inputs, console, opened) is not { } target)
                {
                    return ExitCodes.UsageOrInput;
                }

                var painted = parse.GetValue(color) switch
                {
                    "always" => true,
                    "never" => false,
                    _ => target == console.Out && console.IsTerminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
                };
                // Writers that share standard output share one text writer, so their lines never interleave mid-line.
                var texts = new Dictionary<Stream, StreamWriter>();
                StreamWriter TextOf(Stream stream) => texts.TryGetValue(stream, out var w) ? w : texts[stream] = Text(stream);
                writers.Add(CreateWriter(parse.GetValue(format)!, target, pack, accepted is not null || parse.GetValue(writeBaseline) is not null, painted, sarif, target == console.Out ? console.Width : 0, TextOf));
                if (parse.GetValue(githubAnnotations) && parse.GetValue(format) != "github")
                {
                    writers.Add(new GitHubReportWriter(TextOf(console.Out)));
                }

                foreach (var (extraFormat, option) in extraOutputs)
                {
                    if (parse.GetValue(option) is not { } file)
                    {
                        continue;
                    }

                    if (OpenTarget(file, inputs, console, opened) is not { } stream)
                    {
                        return ExitCodes.UsageOrInput;
                    }

                    writers.Add(CreateWriter(extraFormat, stream, pack, accepted is not null || parse.GetValue(writeBaseline) is not null, false, sarif, 0, TextOf));
                }

                var writer = writers.Count == 1 ? writers[0] : new ReportWriters(writers);
                var run = new CheckRun(new Analyzer(pack), resolver, accepted, ParseLevel(parse.GetValue(failOn)!))
                {
                    WritesBaseline = parse.GetValue(writeBaseline) is not null,
                    Quiet = parse.GetValue(quiet),
                    MaxWarnings = parse.GetValue(maxWarnings),
                };
                var documents = Reader(parse, inputFormat, console).ReadPending(inputs);
                var code = ProgressDisplay.Wanted(console, target != console.Out, parse.GetValue(noProgress))
                    ? ProgressDisplay.Run(console.Error, InputReader.EstimateSize(inputs), progress => CheckRunner.Run(run, documents, writer, console.Error, parse.GetValue(threads), progress))
                    : CheckRunner.Run(run, documents, writer, console.Error, parse.GetValue(threads));
                console.Error.Write(run.Deferred.ToString());
                if (Commit(opened, console) is { } failed)
                {
                    return failed;
                }

                if (parse.GetValue(writeBaseline) is { } baselineOut)
                {
                    try
                    {
                        Baseline.Write(baselineOut, run.Findings);
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        console.Error.WriteLine($"attribution: cannot write the baseline: {ex.Message}");
                        return ExitCodes.UsageOrInput;
                    }

                    console.Error.WriteLine($"attribution: wrote {run.Findings.Count} finding(s) to {baselineOut}; they are accepted from now on");
                }

                return code;
            }
            finally
            {
                // A report not committed (the run was cut short) leaves the previous file as it was.
                foreach (var replacement in opened)
                {
                    replacement.Dispose();
                }
            }
        });
        return command;
    }

    // Where run-wide settings (attribution.help_base_uri) are read: as for a story in the first input's folder
    // (a story in the folder given), else in the current folder.
    private static string SettingsPlace(string[] inputs)
    {
        var first = inputs.FirstOrDefault(i => i != "-");
        return first is null ? Path.Combine(Environment.CurrentDirectory, "_")
            : Directory.Exists(first) ? Path.Combine(first, "_")
            : first;
    }

    // Puts every finished report in place, each atomically; the exit code of the first that fails, or null.
    private static int? Commit(List<FileReplacer.Replacement> opened, CliConsole console)
    {
        foreach (var replacement in opened)
        {
            try
            {
                replacement.Commit();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"attribution: cannot write the output: {ex.Message}");
                return ExitCodes.UsageOrInput;
            }
        }

        return null;
    }

    // The reports --<format>-output writes beside the console's, and their names in help.
    private static readonly (string Format, string Name)[] ExtraOutputs =
        [("sarif", "SARIF 2.1.0"), ("json", "JSON"), ("markdown", "Markdown"), ("html", "HTML"), ("text", "text")];

    private static Option<string?> HelpBaseOption() => new("--help-base-uri")
    {
        Description = $"Where the rule help pages are, for SARIF helpUri and report links (default: attribution.help_base_uri in .editorconfig, else {SarifReportWriter.DefaultHelpBase})",
    };

    private static IReportWriter CreateWriter(string format, Stream target, RulePack pack, bool withBaseline, bool color, SarifOptions sarif, int width, Func<Stream, StreamWriter> text) => format switch
    {
        "json" => new JsonReportWriter(target),
        "sarif" => new SarifReportWriter(target, pack, withBaseline) { HelpBase = sarif.HelpBase, SourceRoot = sarif.SourceRoot },
        "github" => new GitHubReportWriter(text(target)),
        "markdown" => new MarkdownReportWriter(text(target), pack),
        "html" => new HtmlReportWriter(text(target), pack),
        _ => new TextReportWriter(text(target), color) { Width = width },
    };

    private sealed record SarifOptions(string HelpBase, string SourceRoot);

    // ID=level and category-Name=level; a category's level goes to each of its rules, and an ID's beats it
    // whatever the order on the command line.
    private static Dictionary<string, string>? ParseSeverities(string[] values, RulePack pack, TextWriter error)
    {
        var byId = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var byCategory = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            var eq = value.IndexOf('=', StringComparison.Ordinal);
            var subject = eq > 0 ? value[..eq].Trim() : "";
            var level = eq > 0 ? value[(eq + 1)..].Trim().ToLowerInvariant() : "";
            var category = subject.StartsWith("category-", StringComparison.OrdinalIgnoreCase) ? subject["category-".Length..] : null;
            var known = category is null ? pack.Find(subject) is not null : pack.Diagnostics.Any(r => r.Category.Equals(category, StringComparison.OrdinalIgnoreCase));
            if (!known || SeverityNames.Parse(level) is null)
            {
                var categories = string.Join(", ", pack.Diagnostics.Select(r => r.Category).Distinct(StringComparer.OrdinalIgnoreCase));
                error.WriteLine($"attribution: --severity {value}: expected ID=level or category-Name=level with a known rule ID or category ({categories}) and error, warning, suggestion, silent or none");
                return null;
            }

            (category is null ? byId : byCategory)[category ?? subject] = level;
        }

        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in pack.Diagnostics)
        {
            if (byId.TryGetValue(rule.Id, out var level) || byCategory.TryGetValue(rule.Category, out level))
            {
                result[rule.Id] = level;
            }
        }

        return result;
    }
}
