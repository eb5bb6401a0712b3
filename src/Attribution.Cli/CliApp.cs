using System.CommandLine;
using System.Text;
using System.Text.Json;
using Attribution.Analysis;
using Attribution.Analysis.Configuration;
using Attribution.Analysis.Evaluation;
using Attribution.Analysis.Inputs;
using Attribution.Analysis.Rules;
using Attribution.Reporting;

namespace Attribution.Cli;

/// <summary>The command tree. Commands are thin: they parse options and wire the pipeline to a reporter.</summary>
internal static class CliApp
{
    private static readonly string[] Formats = ["text", "json", "sarif", "github", "markdown", "html"];
    private static readonly string[] FailLevels = ["error", "warning", "suggestion"];
    private static readonly string[] ArchiveFormats = ["csv", "json", "html"];
    private static readonly string[] Groupings = ["desk", "author", "month", "folder"];
    private static readonly string[] InputFormats = ["auto", "text", "markdown", "html", "nitf", "jsonl"];

    public static int Run(string[] args, CliConsole console)
    {
        // Every command writes its output through a ReportOutput, so a failed write ends the run below.
        console = console with { Out = new ReportOutput(console.Out, leaveOpen: true) };
        var inputFormat = new Option<string>("--input-format")
        {
            Description = "How to read the inputs (default: by extension: .md Markdown, .html HTML, .xml/.nitf NITF, .jsonl archives, else text; stdin is text)",
            DefaultValueFactory = _ => "auto",
            Recursive = true,
        };
        inputFormat.AcceptOnlyFromAmong(InputFormats);

        var rulesOption = new Option<string?>("--rules")
        {
            Description = "A newsroom's own rules: a folder of rule packs added to the bundled rules, or a whole rules folder (with lexicon/ and classify/) used instead",
            Recursive = true,
        };

        var root = new RootCommand("Audits sourcing in news copy: quotations, attributions, source types and policy.");
        root.Options.Add(rulesOption);
        root.Options.Add(inputFormat);
        root.Subcommands.Add(CheckCommand(console, rulesOption, inputFormat));
        root.Subcommands.Add(ReportCommand(console, rulesOption, inputFormat));
        root.Subcommands.Add(FixCommand(console, rulesOption, inputFormat));
        root.Subcommands.Add(RulesCommand(console, rulesOption));
        root.Subcommands.Add(ConfigCommand(console, rulesOption));
        root.Subcommands.Add(EvalCommand(console, rulesOption));

        RejectUnknownOptions(root, args);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.Error.WriteLine($"attribution: {error.Message}");
            }

            console.Error.WriteLine("Run 'attribution --help' for usage.");
            return ExitCodes.UsageOrInput;
        }

        var output = new StreamWriter(console.Out, new UTF8Encoding(false)) { AutoFlush = true };
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = console.Error, EnableDefaultExceptionHandler = false });
        }
        catch (ReportOutputException ex)
        {
            // The analysis stops at once (the parallel query is cancelled as its loop is left). A reader that went
            // away (| head) chose to stop reading: nothing to say. The report is incomplete, so the run is not clean.
            if (!ex.ClosedByReader)
            {
                console.Error.WriteLine($"attribution: cannot write the output: {ex.Message}");
            }

            return ExitCodes.UsageOrInput;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // What System.CommandLine's own handler prints, kept for a fault we did not foresee.
            console.Error.WriteLine($"Unhandled exception: {ex}");
            return 1;
        }
    }

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

    private static Command ReportCommand(CliConsole console, Option<string?> rulesOption, Option<string> inputFormat)
    {
        var paths = PathsArgument("Archives (.jsonl), files, folders or - for standard input");
        var format = FormatOption("Report format", "csv", ArchiveFormats);
        var by = new Option<string?>("--by")
        {
            Description = "Group stories by a record field (desk, author, month of date) or by the folder of their path",
        };
        by.AcceptOnlyFromAmong(Groupings);
        var outputFile = OutputOption();
        var threads = ThreadsOption();
        var noProgress = NoProgressOption();
        var command = new Command("report", "Sourcing over an archive: a row per story (or per desk, author, month), totals and the most-quoted sources")
        {
            paths, format, by, outputFile, threads, noProgress,
        };
        command.SetAction(parse =>
        {
            RunSummary.WarmUp();
            var pack = LoadPack(parse.GetValue(rulesOption), console.Error);
            if (pack is null)
            {
                return ExitCodes.RuleOrConfig;
            }

            var opened = new List<FileReplacer.Replacement>();
            try
            {
                if (OpenTarget(parse.GetValue(outputFile), parse.GetValue(paths)!, console, opened) is not { } target)
                {
                    return ExitCodes.UsageOrInput;
                }

                var grouping = parse.GetValue(by) is { } name ? Enum.Parse<ArchiveGrouping>(name, ignoreCase: true) : ArchiveGrouping.None;
                IArchiveReportWriter writer = parse.GetValue(format) switch
                {
                    "json" => new JsonArchiveWriter(target, grouping),
                    "html" => new HtmlArchiveWriter(Text(target)),
                    _ => new CsvArchiveWriter(Text(target), grouping),
                };
                var run = new CheckRun(new Analyzer(pack), new ConfigurationResolver(pack), null, Severity.Error) { };
                var inputs = parse.GetValue(paths)!;
                var documents = Reader(parse, inputFormat, console).ReadPending(inputs);
                var report = new ArchiveReport(grouping);
                var workers = parse.GetValue(threads);
                var code = ProgressDisplay.Wanted(console, target != console.Out, parse.GetValue(noProgress))
                    ? ProgressDisplay.Run(console.Error, InputReader.EstimateSize(inputs), progress => ReportRunner.Run(run, documents, writer, report, console.Error, workers, progress))
                    : ReportRunner.Run(run, documents, writer, report, console.Error, workers, null);
                console.Error.Write(run.Deferred.ToString());
                return Commit(opened, console) ?? code;
            }
            finally
            {
                foreach (var replacement in opened)
                {
                    replacement.Dispose();
                }
            }
        });
        return command;
    }

    // System.CommandLine hands a token it does not know ("--formt") to the paths argument, which would then look for
    // a file of that name and go on with the rest. A token that looks like an option and names no file is refused
    // with the nearest option's name, before anything runs; a file whose name starts with '-' follows "--".
    private static void RejectUnknownOptions(Command command, string[] args)
    {
        var separator = Array.IndexOf(args, "--");
        foreach (var argument in command.Arguments.Where(a => a.ValueType == typeof(string[])))
        {
            argument.Validators.Add(result =>
            {
                foreach (var token in result.Tokens)
                {
                    var value = token.Value;
                    if (value.Length < 2 || value[0] != '-' || File.Exists(value) || Directory.Exists(value)
                        || (separator >= 0 && Array.IndexOf(args, value, separator + 1) > separator))
                    {
                        continue;
                    }

                    var names = command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive)))
                        .SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct().ToList();
                    var name = value.Split('=')[0];
                    var nearest = names.MinBy(n => EditDistance(n, name));
                    var hint = nearest is not null && EditDistance(nearest, name) <= 3 ? $"; did you mean {nearest}?" : "";
                    result.AddError($"unknown option '{name}'{hint} (a file whose name starts with '-' goes after '--')");
                    return;
                }
            });
        }

        foreach (var sub in command.Subcommands)
        {
            RejectUnknownOptions(sub, args);
        }
    }

    // Levenshtein distance, for the nearest option name.
    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private static InputReader Reader(ParseResult parse, Option<string> inputFormat, CliConsole console) =>
        new(console.In, Enum.Parse<InputFormat>(parse.GetValue(inputFormat) ?? "auto", ignoreCase: true));

    private static Argument<string[]> PathsArgument(string description) => new("paths")
    {
        Description = description,
        Arity = ArgumentArity.OneOrMore,
    };

    private static Option<string> FormatOption(string description, string defaultFormat, string[] formats)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = description,
            DefaultValueFactory = _ => defaultFormat,
        };
        format.AcceptOnlyFromAmong(formats);
        return format;
    }

    private static Option<string?> OutputOption() => new("--output", "-o") { Description = "Write the report to this file instead of standard output" };

    private static Option<int> ThreadsOption()
    {
        var threads = new Option<int>("--threads")
        {
            Description = "Documents analysed at once (default: one per core)",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        // Parsed here rather than validated after: a value that is no number ("--threads abc") is an error
        // message like any other, not an exception from reading the value back.
        threads.CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (int.TryParse(token, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1)
            {
                return n;
            }

            result.AddError($"--threads must be a whole number of at least 1, not '{token}'");
            return 0;
        };
        return threads;
    }

    private static Option<bool> NoProgressOption() => new("--no-progress")
    {
        Description = "Never draw the progress bar (it is drawn on a terminal's stderr when the report goes elsewhere)",
    };

    // Standard output, or a report file written beside its place and renamed over it once the run is done
    // (added to `opened` for Commit): a run that fails half-way leaves the previous report whole.
    private static Stream? OpenTarget(string? file, string[] inputs, CliConsole console, List<FileReplacer.Replacement> opened)
    {
        if (WouldOverwriteInput(console, inputs, ("report", file)))
        {
            return null;
        }

        if (file is not null && Directory.Exists(file))
        {
            console.Error.WriteLine($"attribution: cannot write the report: {file} is a folder; name a file in it");
            return null;
        }

        try
        {
            if (file is null)
            {
                return console.Out;
            }

            var replacement = FileReplacer.Open(file);
            opened.Add(replacement);
            return new ReportOutput(replacement.Stream, leaveOpen: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"attribution: cannot write the report: {ex.Message}");
            return null;
        }
    }

    // `check story.txt -o story.txt` would empty the story before reading it: refused before anything is opened.
    private static bool WouldOverwriteInput(CliConsole console, string[] inputs, (string What, string? File) output)
    {
        if (output.File is null || InputReader.InputWrittenBy(output.File, inputs) is not { } input)
        {
            return false;
        }

        var where = Directory.Exists(input) ? $"it would be read as a story in {input}" : $"it is the input {input}";
        console.Error.WriteLine($"attribution: will not write the {output.What} to {output.File}: {where}; nothing was written");
        return true;
    }

    private static Command FixCommand(CliConsole console, Option<string?> rulesOption, Option<string> inputFormat)
    {
        var paths = new Argument<string[]>("paths") { Description = "Story files or folders to fix in place", Arity = ArgumentArity.OneOrMore };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the changes as a unified diff; write nothing" };
        var check = new Option<bool>("--check") { Description = "Write nothing; list the files with pending fixes and exit 1 when there are any (for CI)" };
        var command = new Command("fix", "Apply the fixes rules offer (\"claimed\" → \"said\"), atomically") { paths, dryRun, check };
        command.SetAction(parse =>
        {
            var pack = LoadPack(parse.GetValue(rulesOption), console.Error);
            return pack is null
                ? ExitCodes.RuleOrConfig
                : Fixer.Run(new Analyzer(pack), new ConfigurationResolver(pack), Reader(parse, inputFormat, console), parse.GetValue(paths)!, parse.GetValue(dryRun), parse.InvocationConfiguration.Output, console.Error, parse.GetValue(check));
        });
        return command;
    }

    private static Command RulesCommand(CliConsole console, Option<string?> rulesOption)
    {
        var list = new Command("list", "List the rules: id, title, category, severity, enabled");
        list.SetAction(parse =>
        {
            var pack = LoadPack(parse.GetValue(rulesOption), console.Error);
            if (pack is null)
            {
                return ExitCodes.RuleOrConfig;
            }

            var rows = pack.Diagnostics.Select(r => new[] { r.Id, r.Title, r.Category, ConfigurationResolver.SeverityName(r.DefaultSeverity), r.DefaultSeverity == Severity.None ? "no" : "yes" }).ToList();
            WriteTable(parse.InvocationConfiguration.Output, ["ID", "Title", "Category", "Severity", "Enabled"], rows);
            return ExitCodes.Clean;
        });

        var id = new Argument<string>("id") { Description = "The rule ID, e.g. AT2001" };
        var explain = new Command("explain", "Show a rule's documentation: cause, why, how to fix, how to suppress") { id };
        explain.SetAction(parse =>
        {
            var pack = LoadPack(parse.GetValue(rulesOption), console.Error);
            if (pack is null)
            {
                return ExitCodes.RuleOrConfig;
            }

            var wanted = parse.GetValue(id)!;
            var page = Path.Combine(AppContext.BaseDirectory, "docs", "rules", wanted.ToUpperInvariant() + ".md");
            if (File.Exists(page))
            {
                parse.InvocationConfiguration.Output.Write(File.ReadAllText(page));
                return ExitCodes.Clean;
            }

            if (pack.Find(wanted) is not { } rule)
            {
                console.Error.WriteLine($"attribution: no rule {wanted}; 'attribution rules list' shows them");
                return ExitCodes.UsageOrInput;
            }

            parse.InvocationConfiguration.Output.Write(RuleCatalog.Describe(rule));
            return ExitCodes.Clean;
        });

        var dir = new Argument<string?>("dir") { Description = "A folder of rules to test (default: every loaded rule)", Arity = ArgumentArity.ZeroOrOne };
        var test = new Command("test", "Run every rule's examples and fixtures ({|ID:span|} markup)") { dir };
        test.SetAction(parse =>
        {
            var folder = parse.GetValue(dir);
            var pack = LoadPack(folder ?? parse.GetValue(rulesOption), console.Error);
            if (pack is null)
            {
                return ExitCodes.RuleOrConfig;
            }

            List<DiagnosticRule> rules = folder is null ? [.. pack.Diagnostics] : [.. pack.Diagnostics.Where(r => Path.GetFullPath(r.File).StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal))];
            var (cases, failures) = new RuleTester(new Analyzer(pack)).Run(rules);
            var output = parse.InvocationConfiguration.Output;
            foreach (var failure in failures)
            {
                output.WriteLine(failure.ToString());
            }

            output.WriteLine($"{rules.Count} rule(s), {cases} case(s): {cases - failures.Count} passed, {failures.Count} failed");
            return failures.Count == 0 ? ExitCodes.Clean : ExitCodes.ErrorDiagnostics;
        });

        var catalogOutput = new Option<string?>("--output", "-o") { Description = "Write the catalog to this file" };
        var catalog = new Command("catalog", "Print the rule catalog (docs/rules/README.md) generated from the rule files") { catalogOutput };
        catalog.SetAction(parse =>
        {
            var pack = LoadPack(parse.GetValue(rulesOption), console.Error);
            if (pack is null)
            {
                return ExitCodes.RuleOrConfig;
            }

            var text = RuleCatalog.Generate(pack);
            if (parse.GetValue(catalogOutput) is { } file)
            {
                try
                {
                    FileReplacer.Replace(file, stream => stream.Write(Encoding.UTF8.GetBytes(text)));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    console.Error.WriteLine($"attribution: cannot write the catalog: {ex.Message}");
                    return ExitCodes.UsageOrInput;
                }
            }
            else
            {
                parse.InvocationConfiguration.Output.Write(text);
            }

            return ExitCodes.Clean;
        });

        return new Command("rules", "List, explain and test the rules") { list, explain, test, catalog };
    }

    private static Command ConfigCommand(CliConsole console, Option<string?> rulesOption)
    {
        var file = new Argument<string>("file") { Description = "The story whose configuration to explain" };
        var explain = new Option<bool>("--explain") { Description = "Print every rule's effective severity and options, and where each came from" };
        var command = new Command("config", "Show the configuration that applies to a story (.editorconfig, command line, defaults)") { file, explain };
        command.SetAction(parse =>
        {
            var pack = LoadPack(parse.GetValue(rulesOption), console.Error);
            if (pack is null)
            {
                return ExitCodes.RuleOrConfig;
            }

            var resolver = new ConfigurationResolver(pack);
            var config = resolver.Resolve(parse.GetValue(file)!);

            var rows = new List<string[]>();
            foreach (var rule in pack.Diagnostics)
            {
                var value = config.Severities[rule.Id];
                rows.Add([rule.Id, value.Value, value.Origin]);
                config.Options.TryGetValue(rule.Id, out var options);
                foreach (var (name, fallback) in rule.OptionDefaults.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    rows.Add(options is not null && options.TryGetValue(name, out var option)
                        ? [$"  {rule.Id}.{name}", option.Value, option.Origin]
                        : [$"  {rule.Id}.{name}", fallback, "default"]);
                }
            }

            var output = parse.InvocationConfiguration.Output;
            WriteTable(output, ["Rule", "Value", "Set by"], rows);
            if (resolver.Problems.Count > 0)
            {
                // Under the table, so a value that did not apply is never read as if it had.
                output.WriteLine();
                foreach (var problem in resolver.Problems)
                {
                    output.WriteLine(problem.ToString());
                }
            }

            return resolver.Errors.Count > 0 ? ExitCodes.RuleOrConfig : ExitCodes.Clean;
        });
        return command;
    }

    private static Command EvalCommand(CliConsole console, Option<string?> rulesOption)
    {
        var gold = new Argument<string>("gold") { Description = "Gold JSONL file ({\"id\",\"text\",\"attributions\"} per line)" };
        var predictions = new Option<string?>("--predictions")
        {
            Description = "Score this 'check --format json' output instead of analysing the gold texts",
        };
        var command = new Command("eval", "Measure quotation, speaker, cue and source-type accuracy against annotated stories")
        {
            gold, predictions,
        };
        command.SetAction(parse =>
        {
            List<GoldDocument> goldDocs;
            try
            {
                goldDocs = Scorer.ReadGold(parse.GetValue(gold)!);
            }
            catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"attribution: {ex.Message}");
                return ExitCodes.UsageOrInput;
            }

            Dictionary<string, List<PredictedQuote>> predicted;
            if (parse.GetValue(predictions) is { } predictionFile)
            {
                try
                {
                    using var stream = File.OpenRead(predictionFile);
                    using var json = JsonDocument.Parse(stream);
                    predicted = Scorer.ReadPredictions(json.RootElement);
                }
                catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException or InvalidOperationException or KeyNotFoundException)
                {
                    console.Error.WriteLine($"attribution: cannot read predictions: {ex.Message}");
                    return ExitCodes.UsageOrInput;
                }
            }
            else
            {
                var pack = LoadPack(parse.GetValue(rulesOption), console.Error);
                if (pack is null)
                {
                    return ExitCodes.RuleOrConfig;
                }

                // Score through the same JSON the check command writes, so eval and score.py see one output.
                var analyzer = new Analyzer(pack);
                using var buffer = new MemoryStream();
                using (var writer = new JsonReportWriter(buffer, indented: false))
                {
                    OrderedParallel.Run(
                        goldDocs,
                        (g, _) => analyzer.Analyze(new Attribution.Text.SourceText(g.Id + ".txt", g.Text)),
                        writer.WriteDocument,
                        Environment.ProcessorCount);

                    writer.Complete();
                }

                using var json = JsonDocument.Parse(buffer.ToArray());
                predicted = Scorer.ReadPredictions(json.RootElement);
            }

            parse.InvocationConfiguration.Output.Write(Scorer.Score(goldDocs, predicted).Render());
            return ExitCodes.Clean;
        });
        return command;
    }

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

    private static StreamWriter Text(Stream target) => new(target, new UTF8Encoding(false), leaveOpen: true);

    private static Severity ParseLevel(string level) => level switch
    {
        "warning" => Severity.Warning,
        "suggestion" => Severity.Suggestion,
        _ => Severity.Error,
    };

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
            if (!known || DiagnosticRuleLoader.ParseSeverity(level) is null)
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

    internal static void WriteTable(TextWriter output, string[] header, List<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        }
    }

    internal static RulePack? LoadPack(string? directory, TextWriter error)
    {
        try
        {
            if (directory is null)
            {
                return RulePack.Load(RulePack.DefaultDirectory);
            }

            // A whole rules folder replaces the bundled one; a folder of packs adds to it.
            return Directory.Exists(Path.Combine(directory, "lexicon"))
                ? RulePack.Load(directory)
                : RulePack.Load(RulePack.DefaultDirectory, directory);
        }
        catch (LoadException ex)
        {
            foreach (var e in ex.Errors)
            {
                error.WriteLine(e.ToString());
            }

            return null;
        }
    }
}
