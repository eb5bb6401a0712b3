using System.Collections.Immutable;
using Attribution.Analysis.Configuration;
using YamlDotNet.RepresentationModel;

namespace Attribution.Analysis.Rules;

/// <summary>
/// A loaded rules folder: lexicons (<c>lexicon/</c>) and classification rules (<c>classify/</c>),
/// every expression compiled and probe-evaluated at load.
/// </summary>
public sealed class RulePack
{
    private RulePack(string directory, LexiconSet lexicons, ImmutableArray<ClassificationRule> classification, ImmutableArray<DiagnosticRule> diagnostics)
    {
        Directory = directory;
        Lexicons = lexicons;
        Classification = classification;
        Diagnostics = diagnostics;
    }

    /// <summary>The folder the pack was loaded from.</summary>
    public string Directory { get; }

    /// <summary>The lexicons.</summary>
    public LexiconSet Lexicons { get; }

    /// <summary>Classification rules in evaluation order.</summary>
    public ImmutableArray<ClassificationRule> Classification { get; }

    /// <summary>Diagnostic rules, by ID.</summary>
    public ImmutableArray<DiagnosticRule> Diagnostics { get; }

    /// <summary>What loading found wrong but not fatal: located AT0001 warnings (a duplicate lexicon entry, an unknown list).</summary>
    public ImmutableArray<LoadError> Warnings => Lexicons.Warnings;

    /// <summary>The diagnostic rule with <paramref name="id"/>, or null.</summary>
    public DiagnosticRule? Find(string id) => Diagnostics.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The rules folder that ships beside the program.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "rules");

    /// <summary>Loads a rules folder, plus any extra packs (a newsroom's own rules); throws <see cref="LoadException"/> with every located error.</summary>
    public static RulePack Load(string directory, params IReadOnlyList<string> extraPacks) => Load(directory, new RuleExpressionCompiler(), extraPacks);

    /// <summary>Loads the rules with <paramref name="compiler"/> (tests choose closures or compiled expressions).</summary>
    internal static RulePack Load(string directory, RuleExpressionCompiler compiler, params IReadOnlyList<string> extraPacks)
    {
        var errors = new List<LoadError>();

        // The lexicons load on another thread while the rules compile here: the expression parser's
        // one-time start-up (~80 ms) and the YAML reading overlap instead of adding up.
        var lexiconTask = Task.Run(() => LexiconLoader.Load(Path.Combine(directory, "lexicon")));
        var classification = LoadClassification(Path.Combine(directory, "classify"), compiler, errors);

        // Every other folder is a pack of diagnostic rules (quotation/, sourcing/, balance/, style/ …).
        var diagnostics = new List<DiagnosticRule>();
        if (System.IO.Directory.Exists(directory))
        {
            foreach (var pack in System.IO.Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(pack);
                if (name is not ("lexicon" or "classify"))
                {
                    diagnostics.AddRange(DiagnosticRuleLoader.LoadFolder(pack, compiler, errors));
                }
            }
        }

        foreach (var extra in extraPacks)
        {
            if (!System.IO.Directory.Exists(extra))
            {
                errors.Add(new LoadError(extra, 0, 0, "rules folder not found"));
                continue;
            }

            diagnostics.AddRange(DiagnosticRuleLoader.LoadFolder(extra, compiler, errors));
            foreach (var sub in System.IO.Directory.GetDirectories(extra).Order(StringComparer.Ordinal))
            {
                diagnostics.AddRange(DiagnosticRuleLoader.LoadFolder(sub, compiler, errors));
            }
        }

        LexiconSet? lexicons = null;
        try
        {
            lexicons = lexiconTask.GetAwaiter().GetResult();
        }
        catch (LoadException ex)
        {
            errors.InsertRange(0, ex.Errors);
        }

        foreach (var duplicate in diagnostics.GroupBy(r => r.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add(new LoadError(duplicate.Last().File, 1, 1, $"rule ID {duplicate.Key} is also defined in {duplicate.First().File}"));
        }

        if (errors.Count > 0 || lexicons is null)
        {
            throw new LoadException(errors);
        }

        return new RulePack(directory, lexicons, classification, [.. diagnostics.OrderBy(r => r.Id, StringComparer.Ordinal)]);
    }

    private static ImmutableArray<ClassificationRule> LoadClassification(string directory, RuleExpressionCompiler compiler, List<LoadError> errors)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            errors.Add(new LoadError(directory, 0, 0, "classification rules folder not found"));
            return [];
        }

        var rules = new List<ClassificationRule>();
        foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*.yml").Order(StringComparer.Ordinal))
        {
            var file = YamlFile.Load(path);
            if (file.Root is not null && ReadClassification(file, compiler) is { } rule)
            {
                rules.Add(rule);
            }

            errors.AddRange(file.Errors);
        }

        return [.. rules.OrderBy(r => r.Order).ThenBy(r => r.File, StringComparer.Ordinal)];
    }

    private static ClassificationRule? ReadClassification(YamlFile file, RuleExpressionCompiler compiler)
    {
        SourceType? type = null;
        string title = "", when = "";
        var order = 100;
        YamlNode? whenNode = null;
        foreach (var (key, value, keyNode) in file.Pairs(file.Root!, "a classification rule"))
        {
            switch (key)
            {
                case "type":
                    type = file.Scalar(value, "type") switch
                    {
                        "named" => SourceType.Named,
                        "official" => SourceType.Official,
                        "anonymous" => SourceType.Anonymous,
                        "document" => SourceType.Document,
                        "unknown" => SourceType.Unknown,
                        var other => Fail(file, value, $"type '{other}' is not one of: named, official, anonymous, document, unknown"),
                    };
                    break;
                case "title":
                    title = file.Scalar(value, "title") ?? "";
                    break;
                case "order":
                    if (!int.TryParse(file.Scalar(value, "order"), out order))
                    {
                        file.Error(value, "order must be a whole number");
                    }

                    break;
                case "when":
                    when = file.Scalar(value, "when") ?? "";
                    whenNode = value;
                    break;
                default:
                    file.Error(keyNode, $"unknown field '{key}' in a classification rule; expected type, title, order, when");
                    break;
            }
        }

        if (type is null || whenNode is null)
        {
            file.Error(file.Root!, "a classification rule needs 'type' and 'when'");
            return null;
        }

        var predicate = CompileProbed<SourceFacts>(file, whenNode, compiler, "source", when, new SourceFacts());
        return predicate is null ? null : new ClassificationRule(type.Value, title, order, when, file.Path, predicate);
    }

    /// <summary>Compiles a <c>when:</c> expression and runs it once on empty facts, so it cannot fail mid-run.</summary>
    internal static Func<T, bool>? CompileProbed<T>(YamlFile file, YamlNode node, RuleExpressionCompiler compiler, string name, string expression, T probe)
    {
        try
        {
            var predicate = compiler.Compile<T, bool>(name, expression);
            _ = predicate(probe);
            return predicate;
        }
        catch (RuleCompileException ex)
        {
            file.Error(node, $"invalid expression: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not InsufficientExecutionStackException)
        {
            file.Error(node, $"the expression fails on a sample {name}: {ex.Message}");
        }

        return null;
    }

    private static SourceType? Fail(YamlFile file, YamlNode node, string message)
    {
        file.Error(node, message);
        return null;
    }
}
