using System.CommandLine;
using System.Text;
using System.Text.Json;
using Attribution.Analysis;
using Attribution.Analysis.Configuration;
using Attribution.Analysis.Evaluation;
using Attribution.Inputs;
using Attribution.Analysis.Rules;
using Attribution.Reporting;

namespace Attribution.Cli;

/// <summary>The command tree. Commands are thin: they parse options and wire the pipeline to a reporter.</summary>
internal static partial class CliApp
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

            var rows = pack.Diagnostics.Select(r => new[] { r.Id, r.Title, r.Category, SeverityNames.Name(r.DefaultSeverity), r.DefaultSeverity == Severity.None ? "no" : "yes" }).ToList();
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

    private static StreamWriter Text(Stream target) => new(target, new UTF8Encoding(false), leaveOpen: true);

    // --fail-on accepts only the names in FailLevels.
    private static Severity ParseLevel(string level) => SeverityNames.Parse(level) ?? Severity.Error;

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
            // A whole rules folder replaces the bundled one; a folder of packs adds to it.
            var pack = directory is null ? RulePack.Load(RulePack.DefaultDirectory)
                : Directory.Exists(Path.Combine(directory, "lexicon")) ? RulePack.Load(directory)
                : RulePack.Load(RulePack.DefaultDirectory, directory);
            foreach (var warning in pack.Warnings)
            {
                error.WriteLine(warning.ToString());
            }

            return pack;
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
