using System.CommandLine;
using Attribution.Inputs;
using Attribution.Analysis;
using Attribution.Analysis.Configuration;
using Attribution.Reporting;

namespace Attribution.Cli;

/// <summary><c>attribution report</c> over an archive, and <c>report merge</c> of the reports of its parts.</summary>
internal static partial class CliApp
{
    private static Command ReportCommand(CliConsole console, Option<string?> rulesOption, Option<string> inputFormat)
    {
        var paths = PathsArgument("Archives (.jsonl), files, folders or - for standard input");
        var format = FormatOption("Report format", "csv", ArchiveFormats);
        var by = GroupingOption();
        var outputFile = OutputOption();
        var threads = ThreadsOption();
        var noProgress = NoProgressOption();
        var explain = ExplainSourceOption();
        var command = new Command("report", "Sourcing over an archive: a row per story (or per desk, author, month), totals and the most-quoted sources")
        {
            paths, format, by, outputFile, threads, noProgress, explain,
        };
        command.Subcommands.Add(MergeCommand(console));
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

                var grouping = Grouping(parse.GetValue(by)) ?? ArchiveGrouping.None;
                var explained = parse.GetValue(explain);
                var writer = explained is null ? ArchiveWriter(parse.GetValue(format)!, target, grouping) : new NullArchiveWriter();
                var run = new CheckRun(new Analyzer(pack), new ConfigurationResolver(pack), null, Severity.Error) { };
                var inputs = parse.GetValue(paths)!;
                var documents = Reader(parse, inputFormat, console).ReadPending(inputs);
                var report = new ArchiveReport(grouping, keepStories: explained is not null);
                var workers = parse.GetValue(threads);
                var code = ProgressDisplay.Wanted(console, target != console.Out, parse.GetValue(noProgress))
                    ? ProgressDisplay.Run(console.Error, InputReader.EstimateSize(inputs), progress => ReportRunner.Run(run, documents, writer, report, console.Error, workers, progress))
                    : ReportRunner.Run(run, documents, writer, report, console.Error, workers, null);
                console.Error.Write(run.Deferred.ToString());
                if (explained is not null && Explain(report, explained, target, console) is { } failed)
                {
                    return failed;
                }

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

    // `report merge PART.json…`: the parts' story rows fed in order to one report, which is then the report of
    // the whole. The parts must agree on their grouping unless --by regroups them.
    private static Command MergeCommand(CliConsole console)
    {
        var parts = new Argument<string[]>("parts") { Description = "Reports of parts of an archive ('attribution report --format json'), in the order of the parts", Arity = ArgumentArity.OneOrMore };
        var format = FormatOption("Report format", "csv", ArchiveFormats);
        var by = GroupingOption();
        var outputFile = OutputOption();
        var explain = ExplainSourceOption();
        var command = new Command("merge", "The report of a whole archive from the JSON reports of its parts (made on one machine or many)")
        {
            parts, format, by, outputFile, explain,
        };
        command.SetAction(parse =>
        {
            var files = parse.GetValue(parts)!;
            var read = new List<(string File, ArchiveGrouping Grouping, IReadOnlyList<StoryRow> Rows)>();
            foreach (var file in files)
            {
                try
                {
                    using var stream = file == "-" ? console.In() : File.OpenRead(file);
                    var (grouping, rows) = ArchivePart.Read(stream);
                    read.Add((file, grouping, rows));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArchivePartException)
                {
                    console.Error.WriteLine($"attribution: {DisplayName.Of(file)}: {ex.Message}; nothing was merged");
                    return ExitCodes.UsageOrInput;
                }
            }

            var regroup = Grouping(parse.GetValue(by));
            if (regroup is null && read.Select(r => r.Grouping).Distinct().Count() > 1)
            {
                var kinds = string.Join(", ", read.Select(r => $"{DisplayName.Of(r.File)} by {(r.Grouping == ArchiveGrouping.None ? "story" : r.Grouping.ToString().ToLowerInvariant())}"));
                console.Error.WriteLine($"attribution: the parts are grouped differently ({kinds}); give --by to group them one way; nothing was merged");
                return ExitCodes.UsageOrInput;
            }

            var opened = new List<FileReplacer.Replacement>();
            try
            {
                if (OpenTarget(parse.GetValue(outputFile), files, console, opened) is not { } target)
                {
                    return ExitCodes.UsageOrInput;
                }

                var grouping = regroup ?? read[0].Grouping;
                var explained = parse.GetValue(explain);
                var writer = explained is null ? ArchiveWriter(parse.GetValue(format)!, target, grouping) : new NullArchiveWriter();
                var report = new ArchiveReport(grouping, keepStories: explained is not null);
                var code = ReportRunner.Merge(read.SelectMany(r => r.Rows), writer, report, console.Error);
                if (explained is not null && Explain(report, explained, target, console) is { } failed)
                {
                    return failed;
                }

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

    private static Option<string?> GroupingOption()
    {
        var by = new Option<string?>("--by")
        {
            Description = "Group stories by a record field (desk, author, month of date) or by the folder of their path",
        };
        by.AcceptOnlyFromAmong(Groupings);
        return by;
    }

    private static Option<string?> ExplainSourceOption() => new("--explain-source")
    {
        Description = "Instead of the report, say which names were merged into this source (\"Michael Howard\") and list its stories",
    };

    private static ArchiveGrouping? Grouping(string? name) => name is null ? null : Enum.Parse<ArchiveGrouping>(name, ignoreCase: true);

    private static IArchiveReportWriter ArchiveWriter(string format, Stream target, ArchiveGrouping grouping) => format switch
    {
        "json" => new JsonArchiveWriter(target, grouping),
        "html" => new HtmlArchiveWriter(Text(target)),
        _ => new CsvArchiveWriter(Text(target), grouping),
    };

    // The explanation of one source, in words, to the report's target; an exit code when no source goes by the name.
    private static int? Explain(ArchiveReport report, string name, Stream target, CliConsole console)
    {
        if (report.Sources.Explain(name) is not { } source)
        {
            var wanted = name.Trim().ToLowerInvariant();
            var near = report.Sources.Names().Select(n => (Name: n, Distance: EditDistance.Between(n.ToLowerInvariant(), wanted)))
                .Where(n => n.Distance <= Math.Max(2, wanted.Length / 4)).OrderBy(n => n.Distance).Take(3).Select(n => n.Name).ToList();
            console.Error.WriteLine($"attribution: no quoted source goes by '{name}'{(near.Count > 0 ? $"; did you mean {string.Join(", ", near)}?" : "")}");
            return ExitCodes.UsageOrInput;
        }

        using var w = Text(target);
        SourceExplanation.Write(w, source);
        return null;
    }

    private sealed class NullArchiveWriter : IArchiveReportWriter
    {
        public void WriteStory(StoryRow row)
        {
        }

        public void Complete(ArchiveReport report)
        {
        }

        public void Dispose()
        {
        }
    }
}
