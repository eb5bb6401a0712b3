using Attribution.Analysis;
using System.CommandLine;

namespace Attribution.Cli;

/// <summary>Unknown options refused by name, with the nearest one.</summary>
internal static partial class CliApp
{
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
                    var nearest = names.MinBy(n => EditDistance.Between(n, name));
                    var hint = nearest is not null && EditDistance.Between(nearest, name) <= 3 ? $"; did you mean {nearest}?" : "";
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
}
