using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text;
using Attribution.Analysis.Configuration;
using YamlDotNet.RepresentationModel;

namespace Attribution.Analysis.Rules;

/// <summary>
/// Reads diagnostic rule files (<c>rules/&lt;pack&gt;/&lt;ID&gt;.&lt;Name&gt;.yml</c>): every field checked,
/// the <c>when:</c> compiled and probe-evaluated, the message's placeholders resolved, all at load.
/// </summary>
public static class DiagnosticRuleLoader
{
    private static readonly string[] Fields =
        ["id", "title", "category", "severity", "scope", "when", "message", "standard", "helpUri", "fix", "examples", "target"];

    private static readonly Lazy<RuleExpressionCompiler> SharedCompiler = new(() => new RuleExpressionCompiler());

    /// <summary>
    /// Reads one rule file's text as <c>rules test</c> and the loader would, without touching the disk:
    /// the YAML, the fields and the compiled, probe-run expression. Returns every error found; never throws
    /// for bad input (the fuzzing harness holds it to that).
    /// </summary>
    public static IReadOnlyList<LoadError> Check(string path, string text)
    {
        var file = YamlFile.Parse(path, text);
        if (file.Root is not null)
        {
            Read(file, SharedCompiler.Value);
        }

        return file.Errors;
    }

    internal static List<DiagnosticRule> LoadFolder(string directory, RuleExpressionCompiler compiler, List<LoadError> errors)
    {
        var rules = new List<DiagnosticRule>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.yml").Order(StringComparer.Ordinal))
        {
            var file = YamlFile.Load(path);
            if (file.Root is not null && Read(file, compiler) is { } rule)
            {
                rules.Add(rule);
            }

            errors.AddRange(file.Errors);
        }

        return rules;
    }

    private static DiagnosticRule? Read(YamlFile file, RuleExpressionCompiler compiler)
    {
        var values = new Dictionary<string, (string Value, YamlNode Node)>(StringComparer.Ordinal);
        YamlNode? examplesNode = null;
        YamlNode? fixNode = null;
        foreach (var (key, value, keyNode) in file.Pairs(file.Root!, "a rule"))
        {
            if (!Fields.Contains(key))
            {
                file.Error(keyNode, $"unknown field '{key}' in a rule; expected {string.Join(", ", Fields)}");
                continue;
            }

            if (key == "examples")
            {
                examplesNode = value;
            }
            else if (key == "fix")
            {
                fixNode = value;
            }
            else if (file.Scalar(value, key) is { } scalar)
            {
                values[key] = (scalar, value);
            }
        }

        foreach (var required in (ReadOnlySpan<string>)["id", "title", "category", "severity", "scope", "when", "message"])
        {
            if (!values.ContainsKey(required))
            {
                file.Error(file.Root!, $"a rule needs '{required}'");
                return null;
            }
        }

        var id = values["id"].Value;
        if (!IsRuleId(id))
        {
            file.Error(values["id"].Node, $"'{id}' is not a rule ID (two or more capital letters and four digits, e.g. AT2001)");
            return null;
        }

        var fileName = Path.GetFileNameWithoutExtension(file.Path);
        if (!fileName.StartsWith(id + ".", StringComparison.Ordinal) || fileName.Length <= id.Length + 1)
        {
            file.Error(values["id"].Node, $"the file of rule {id} must be named {id}.<Name>.yml");
            return null;
        }

        var severity = SeverityNames.Parse(values["severity"].Value);
        if (severity is null)
        {
            file.Error(values["severity"].Node, $"severity '{values["severity"].Value}' is not one of: error, warning, suggestion, silent, none");
            return null;
        }

        RuleScope scope;
        switch (values["scope"].Value)
        {
            case "quote": scope = RuleScope.Quote; break;
            case "source": scope = RuleScope.Source; break;
            case "article": scope = RuleScope.Article; break;
            default:
                file.Error(values["scope"].Node, $"scope '{values["scope"].Value}' is not one of: quote, source, article");
                return null;
        }

        var target = RuleTarget.Node;
        if (values.TryGetValue("target", out var t))
        {
            if (ParseTarget(t.Value) is not { } parsed
                || (parsed is RuleTarget.Cue or RuleTarget.Speaker or RuleTarget.Mark && scope != RuleScope.Quote)
                || (parsed == RuleTarget.Reason && scope != RuleScope.Source))
            {
                file.Error(t.Node, $"target '{t.Value}' must be node, for quote rules cue, speaker or mark, or for source rules reason");
                return null;
            }

            target = parsed;
        }

        var factsType = scope switch { RuleScope.Quote => typeof(QuoteFacts), RuleScope.Source => typeof(SourceFacts), _ => typeof(ArticleFacts) };
        var scopeName = values["scope"].Value;
        var predicate = CompilePredicate(file, values["when"], compiler, scope, scopeName);
        var render = CompileMessage(file, values["message"], factsType, scopeName);
        var fix = fixNode is null ? null : ReadFix(file, fixNode, scope);
        var examples = examplesNode is null ? [] : ReadExamples(file, examplesNode);
        if (predicate is null || render is null || (fixNode is not null && fix is null && fixNode is not YamlScalarNode { Value: "null" or "~" or "" }))
        {
            return null;
        }

        return new DiagnosticRule
        {
            Id = id,
            Name = fileName[(id.Length + 1)..],
            Title = values["title"].Value,
            Category = values["category"].Value,
            DefaultSeverity = severity.Value,
            Scope = scope,
            When = values["when"].Value,
            Message = values["message"].Value,
            Standard = values.TryGetValue("standard", out var st) ? st.Value : "",
            HelpUri = values.TryGetValue("helpUri", out var h) ? h.Value : "",
            Target = target,
            Fix = fix,
            Examples = examples,
            File = file.Path,
            Line = YamlFile.Line(values["when"].Node),
            Column = YamlFile.Column(values["when"].Node),
            Predicate = predicate,
            RenderMessage = render,
        };
    }

    /// <summary>True for IDs of two or more capitals and four digits (AT2001).</summary>
    public static bool IsRuleId(string id)
    {
        var letters = 0;
        while (letters < id.Length && char.IsAsciiLetterUpper(id[letters]))
        {
            letters++;
        }

        return letters >= 2 && id.Length == letters + 4 && id[letters..].All(char.IsAsciiDigit);
    }

    private static RuleTarget? ParseTarget(string value) => value switch
    {
        "node" => RuleTarget.Node,
        "cue" => RuleTarget.Cue,
        "speaker" => RuleTarget.Speaker,
        "mark" => RuleTarget.Mark,
        "reason" => RuleTarget.Reason,
        _ => null,
    };

    private static Func<object, RuleOptions, bool>? CompilePredicate(YamlFile file, (string Value, YamlNode Node) when, RuleExpressionCompiler compiler, RuleScope scope, string name)
    {
        try
        {
            Func<object, RuleOptions, bool> predicate = scope switch
            {
                RuleScope.Quote => Wrap(compiler.Compile<QuoteFacts, RuleOptions, bool>(name, "options", when.Value)),
                RuleScope.Source => Wrap(compiler.Compile<SourceFacts, RuleOptions, bool>(name, "options", when.Value)),
                _ => Wrap(compiler.Compile<ArticleFacts, RuleOptions, bool>(name, "options", when.Value)),
            };
            object probe = scope switch { RuleScope.Quote => new QuoteFacts(), RuleScope.Source => new SourceFacts(), _ => new ArticleFacts() };
            _ = predicate(probe, RuleOptions.Empty);
            return predicate;
        }
        catch (RuleCompileException ex)
        {
            file.Error(when.Node, $"invalid expression: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not InsufficientExecutionStackException)
        {
            file.Error(when.Node, $"the expression fails on a sample {name}: {ex.Message}");
        }

        return null;

        static Func<object, RuleOptions, bool> Wrap<T>(Func<T, RuleOptions, bool> f) => (o, options) => f((T)o, options);
    }

    // "Anonymous source '{source.Description}' …": placeholders become property reads, checked now.
    private static Func<object, string>? CompileMessage(
        YamlFile file, (string Value, YamlNode Node) message, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type factsType, string scopeName)
    {
        var parts = new List<Func<object, string>>();
        var text = message.Value;
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            if (open < 0)
            {
                var tail = text[i..];
                parts.Add(_ => tail);
                break;
            }

            var literal = text[i..open];
            parts.Add(_ => literal);
            var close = text.IndexOf('}', open);
            if (close < 0)
            {
                file.Error(message.Node, "the message has a '{' without its '}'");
                return null;
            }

            var placeholder = text[(open + 1)..close];
            var dot = placeholder.IndexOf('.', StringComparison.Ordinal);
            var property = dot > 0 && placeholder[..dot] == scopeName ? factsType.GetProperty(placeholder[(dot + 1)..], BindingFlags.Public | BindingFlags.Instance) : null;
            if (property is null)
            {
                file.Error(message.Node, $"unknown placeholder '{{{placeholder}}}'; use {{{scopeName}.Property}} with a property of {factsType.Name}");
                return null;
            }

            parts.Add(o => Format(property.GetValue(o)));
            i = close + 1;
        }

        return o =>
        {
            var sb = new StringBuilder();
            foreach (var part in parts)
            {
                sb.Append(part(o));
            }

            return sb.ToString();
        };
    }

    private static string Format(object? value) => value switch
    {
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        null => "",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static RuleFix? ReadFix(YamlFile file, YamlNode node, RuleScope scope)
    {
        if (node is YamlScalarNode { Value: "null" or "~" or "" })
        {
            return null;
        }

        string? replace = null, with = null;
        foreach (var (key, value, keyNode) in file.Pairs(node, "fix"))
        {
            switch (key)
            {
                case "replace": replace = file.Scalar(value, "replace"); break;
                case "with": with = file.Scalar(value, "with"); break;
                default: file.Error(keyNode, $"unknown fix field '{key}'; expected replace, with"); break;
            }
        }

        if (replace != "cue" || scope != RuleScope.Quote || string.IsNullOrWhiteSpace(with))
        {
            file.Error(node, "a fix is { replace: cue, with: <words> } on a quote rule");
            return null;
        }

        return new RuleFix(RuleTarget.Cue, with);
    }

    private static ImmutableArray<RuleExample> ReadExamples(YamlFile file, YamlNode node)
    {
        var examples = ImmutableArray.CreateBuilder<RuleExample>();
        if (node is not YamlSequenceNode seq)
        {
            file.Error(node, "examples must be a list of flagged: and clean: entries");
            return [];
        }

        foreach (var item in seq)
        {
            foreach (var (key, value, keyNode) in file.Pairs(item, "an example"))
            {
                if (key is not ("flagged" or "clean"))
                {
                    file.Error(keyNode, $"an example is 'flagged:' or 'clean:', not '{key}'");
                    continue;
                }

                if (file.Scalar(value, key) is { } text)
                {
                    examples.Add(new RuleExample(key == "flagged", text, YamlFile.Line(value)));
                }
            }
        }

        return examples.ToImmutable();
    }
}
