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
    private static readonly string[] Formats = ["text", "json"];

    public static int Run(string[] args, CliConsole console)
    {
        var rulesOption = new Option<string?>("--rules")
        {
            Description = "Rules folder to use instead of the bundled one (lexicon/, classify/ …)",
        };

        var root = new RootCommand("Audits sourcing in news copy: quotations, attributions, source types and policy.");
        root.Subcommands.Add(CheckCommand(console, rulesOption));
        root.Subcommands.Add(EvalCommand(console, rulesOption));

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
        return parse.Invoke(new InvocationConfiguration { Output = output, Error = console.Error });
    }

    private static Command CheckCommand(CliConsole console, Option<string?> rulesOption)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, folders or - for standard input (.txt, .jsonl)",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong(Formats);
        var outputFile = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output" };
        var threads = new Option<int>("--threads")
        {
            Description = "Documents analysed at once (default: one per core)",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        threads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--threads must be at least 1");
            }
        });

        var command = new Command("check", "Find quotations and attributions and check them against the rules")
        {
            paths, format, outputFile, threads, rulesOption,
        };
        command.SetAction(parse =>
        {
            var pack = LoadPack(parse.GetValue(rulesOption), console.Error);
            if (pack is null)
            {
                return ExitCodes.RuleOrConfig;
            }

            Stream target;
            try
            {
                target = parse.GetValue(outputFile) is { } file ? File.Create(file) : console.Out;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"attribution: cannot write the report: {ex.Message}");
                return ExitCodes.UsageOrInput;
            }

            using (target == console.Out ? null : target)
            {
                var writer = CreateWriter(parse.GetValue(format)!, target);
                return CheckRunner.Run(new Analyzer(pack), new InputReader(console.In).Read(parse.GetValue(paths)!), writer, console.Error, parse.GetValue(threads));
            }
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
            gold, predictions, rulesOption,
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
                    foreach (var doc in goldDocs.AsParallel().AsOrdered().Select(g => analyzer.Analyze(new Attribution.Text.SourceText(g.Id + ".txt", g.Text))))
                    {
                        writer.WriteDocument(doc);
                    }

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

    private static IReportWriter CreateWriter(string format, Stream target) => format switch
    {
        "json" => new JsonReportWriter(target),
        _ => new TextReportWriter(new StreamWriter(target, new UTF8Encoding(false), leaveOpen: true)),
    };

    internal static RulePack? LoadPack(string? directory, TextWriter error)
    {
        var dir = directory ?? RulePack.DefaultDirectory;
        try
        {
            return RulePack.Load(dir);
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
