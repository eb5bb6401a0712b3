using System.Collections.Concurrent;
using System.Collections.Immutable;
using Attribution.Analysis.Rules;

namespace Attribution.Analysis.Configuration;

/// <summary>A configured value and where it came from, for <c>config --explain</c>.</summary>
/// <param name="Value">The value.</param>
/// <param name="Origin">"default", "command line" or "path:line [section]".</param>
public sealed record ConfiguredValue(string Value, string Origin);

/// <summary>The effective configuration for one document.</summary>
public sealed class EffectiveConfiguration
{
    private readonly RulePack _pack;
    private readonly Dictionary<string, RuleOptions> _optionCache = new(StringComparer.OrdinalIgnoreCase);

    internal EffectiveConfiguration(RulePack pack, Dictionary<string, ConfiguredValue> severities, Dictionary<string, Dictionary<string, ConfiguredValue>> options)
    {
        _pack = pack;
        Severities = severities;
        Options = options;
    }

    /// <summary>Effective severity per rule ID, with its origin.</summary>
    public IReadOnlyDictionary<string, ConfiguredValue> Severities { get; }

    /// <summary>Rule options per rule ID, with their origins.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, ConfiguredValue>> Options { get; }

    /// <summary>Defaults only: what a story gets when no .editorconfig applies.</summary>
    public static EffectiveConfiguration Defaults(RulePack pack) => new ConfigurationResolver(pack).Resolve(null);

    /// <summary>The severity of <paramref name="rule"/>.</summary>
    public Severity SeverityOf(DiagnosticRule rule) =>
        Severities.TryGetValue(rule.Id, out var v) && SeverityNames.Parse(v.Value) is { } s ? s : rule.DefaultSeverity;

    /// <summary>The options of the rule <paramref name="id"/>.</summary>
    public RuleOptions OptionsOf(string id)
    {
        if (!Options.TryGetValue(id, out var o))
        {
            return RuleOptions.Empty;
        }

        lock (_optionCache)
        {
            if (!_optionCache.TryGetValue(id, out var options))
            {
                _optionCache[id] = options = new RuleOptions(o.ToDictionary(kv => kv.Key, kv => kv.Value.Value, StringComparer.OrdinalIgnoreCase));
            }

            return options;
        }
    }

    /// <summary>The pack the configuration applies to.</summary>
    public RulePack Pack => _pack;

    // Worked out once per configuration, which every story under one folder (every record of an archive)
    // shares: the rules of the pack last asked for, enabled only and all.
    private RuleSet? _enabled;
    private RuleSet? _all;

    /// <summary>
    /// The rules of <paramref name="rules"/> to run, in order, with their severities and options here: the
    /// enabled ones, or all of them when <paramref name="includeDisabled"/>.
    /// </summary>
    internal ImmutableArray<ActiveRule> RulesToRun(ImmutableArray<DiagnosticRule> rules, bool includeDisabled)
    {
        var cached = includeDisabled ? _all : _enabled;
        if (cached is null || cached.Rules != rules)
        {
            cached = new RuleSet(rules, [.. rules.Select(r => new ActiveRule(r, SeverityOf(r), OptionsOf(r.Id))).Where(r => includeDisabled || r.Severity != Severity.None)]);
            if (includeDisabled)
            {
                _all = cached;
            }
            else
            {
                _enabled = cached;
            }
        }

        return cached.Active;
    }

    private sealed record RuleSet(ImmutableArray<DiagnosticRule> Rules, ImmutableArray<ActiveRule> Active);
}

/// <summary>A diagnostic rule as one configuration runs it.</summary>
internal readonly record struct ActiveRule(DiagnosticRule Rule, Severity Severity, RuleOptions Options);

/// <summary>
/// Roslyn-style configuration: <c>.editorconfig</c> files from a story's folder upwards (<c>root = true</c>
/// stops the walk), glob sections, keys <c>attribution_diagnostic.&lt;ID&gt;.severity</c>,
/// <c>attribution_diagnostic.category-&lt;Category&gt;.severity</c> and <c>attribution.&lt;ID&gt;.&lt;option&gt;</c>.
/// Precedence: command line &gt; the nearest, latest matching section (an ID beats its category) &gt; rule default.
/// </summary>
public sealed class ConfigurationResolver
{
    private readonly RulePack _pack;
    private readonly IReadOnlyDictionary<string, string> _commandLine;
    private readonly ConcurrentDictionary<string, EditorConfigFile?> _files = new(StringComparer.Ordinal);
    // Keyed by the message, since every story under one .editorconfig reads the same bad line.
    private readonly ConcurrentDictionary<string, LoadError> _problems = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EffectiveConfiguration> _resolved = new(StringComparer.Ordinal);

    /// <summary>Creates a resolver; <paramref name="commandLineSeverities"/> maps rule IDs to severities.</summary>
    public ConfigurationResolver(RulePack pack, IReadOnlyDictionary<string, string>? commandLineSeverities = null)
    {
        _pack = pack;
        _commandLine = commandLineSeverities ?? new Dictionary<string, string>();
    }

    /// <summary>
    /// Errors found in .editorconfig files so far (a severity or option value that does not parse: AT0001), located;
    /// the run ends with exit code 3.
    /// </summary>
    public IReadOnlyList<LoadError> Errors => [.. Problems.Where(p => !p.IsWarning)];

    /// <summary>Every problem found so far, errors and warnings (a key naming no rule or option: AT0002), in file order.</summary>
    public IReadOnlyList<LoadError> Problems =>
        [.. _problems.Values.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Id, StringComparer.Ordinal)];

    /// <summary>
    /// A setting that is not a rule's: <c>attribution.help_base_uri</c>, the address rule help pages are under, as
    /// the .editorconfig sections that match <paramref name="path"/> set it, or null.
    /// </summary>
    public string? Setting(string path, string name)
    {
        string? value = null;
        var full = Path.GetFullPath(path);
        foreach (var file in ConfigFilesFor(full))
        {
            foreach (var section in file.Sections.Where(s => s.Matches(file.Directory, full)))
            {
                foreach (var (key, v, _) in section.Properties)
                {
                    if (key.Equals("attribution." + name, StringComparison.OrdinalIgnoreCase))
                    {
                        value = v;
                    }
                }
            }
        }

        return value;
    }

    /// <summary>The settings that are not a rule's, which <see cref="Setting"/> reads.</summary>
    public static readonly IReadOnlyList<string> Settings = ["help_base_uri"];

    private void Report(string file, int line, string message, bool warning) =>
        _problems.TryAdd($"{file}:{line}:{message}", new LoadError(file, line, 1, message)
        {
            Id = warning ? LoadError.UnknownNameId : LoadError.DiagnosticId,
            IsWarning = warning,
        });

    /// <summary>The configuration for the file at <paramref name="path"/> (null: defaults and command line only).</summary>
    public EffectiveConfiguration Resolve(string? path) =>
        _resolved.GetOrAdd(path ?? "", key => Compute(key.Length == 0 ? null : key)); // every record of an archive shares one

    private EffectiveConfiguration Compute(string? path)
    {
        var severities = new Dictionary<string, ConfiguredValue>(StringComparer.OrdinalIgnoreCase);
        var categories = new Dictionary<string, ConfiguredValue>(StringComparer.OrdinalIgnoreCase);
        var options = new Dictionary<string, Dictionary<string, ConfiguredValue>>(StringComparer.OrdinalIgnoreCase);

        if (path is not null && path != "-" && path != Attribution.Text.SourceText.StandardInput)
        {
            var full = Path.GetFullPath(path);
            foreach (var file in ConfigFilesFor(full))
            {
                foreach (var section in file.Sections)
                {
                    if (!section.Matches(file.Directory, full))
                    {
                        continue;
                    }

                    foreach (var (key, value, line) in section.Properties)
                    {
                        var origin = $"{file.Path}:{line} [{section.Glob}]";
                        Apply(key, value, origin, file.Path, line, severities, categories, options);
                    }
                }
            }
        }

        var effective = new Dictionary<string, ConfiguredValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in _pack.Diagnostics)
        {
            if (_commandLine.TryGetValue(rule.Id, out var cli))
            {
                effective[rule.Id] = new ConfiguredValue(cli, "command line");
            }
            else if (severities.TryGetValue(rule.Id, out var byId))
            {
                effective[rule.Id] = byId;
            }
            else if (categories.TryGetValue(rule.Category, out var byCategory))
            {
                effective[rule.Id] = byCategory;
            }
            else
            {
                effective[rule.Id] = new ConfiguredValue(SeverityNames.Name(rule.DefaultSeverity), "default");
            }
        }

        return new EffectiveConfiguration(_pack, effective, options);
    }

    private void Apply(string key, string value, string origin, string file, int line,
        Dictionary<string, ConfiguredValue> severities, Dictionary<string, ConfiguredValue> categories, Dictionary<string, Dictionary<string, ConfiguredValue>> options)
    {
        const string diagnostic = "attribution_diagnostic.";
        const string option = "attribution.";
        if (key.StartsWith(diagnostic, StringComparison.OrdinalIgnoreCase) && key.EndsWith(".severity", StringComparison.OrdinalIgnoreCase))
        {
            var subject = key[diagnostic.Length..^".severity".Length];
            if (SeverityNames.Parse(value.ToLowerInvariant()) is null)
            {
                Report(file, line, $"severity '{value}' is not one of: error, warning, suggestion, silent, none", warning: false);
                return;
            }

            var isCategory = subject.StartsWith("category-", StringComparison.OrdinalIgnoreCase);
            if (isCategory ? !_pack.Diagnostics.Any(r => r.Category.Equals(subject["category-".Length..], StringComparison.OrdinalIgnoreCase)) : _pack.Find(subject) is null)
            {
                var known = isCategory ? $"the categories are {string.Join(", ", _pack.Diagnostics.Select(r => r.Category).Distinct(StringComparer.OrdinalIgnoreCase))}" : "'attribution rules list' shows the rules";
                Report(file, line, $"{key} names no {(isCategory ? "category" : "rule")}, so it changes nothing; {known}", warning: true);
                return;
            }

            if (isCategory)
            {
                categories[subject["category-".Length..]] = new ConfiguredValue(value.ToLowerInvariant(), origin);
            }
            else
            {
                severities[subject] = new ConfiguredValue(value.ToLowerInvariant(), origin);
            }
        }
        else if (key.StartsWith(option, StringComparison.OrdinalIgnoreCase))
        {
            var rest = key[option.Length..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0 && Settings.Contains(rest, StringComparer.OrdinalIgnoreCase))
            {
                return;
            }

            if (dot < 0)
            {
                Report(file, line, $"{key} is no setting, so it changes nothing; rule options are attribution.<ID>.<option>, and the settings are {string.Join(", ", Settings.Select(n => "attribution." + n))}", warning: true);
                return;
            }

            if (dot > 0)
            {
                var id = rest[..dot];
                var name = rest[(dot + 1)..];
                if (_pack.Find(id) is not { } rule)
                {
                    Report(file, line, $"{key} names no rule, so it changes nothing; 'attribution rules list' shows the rules", warning: true);
                    return;
                }

                if (!rule.OptionKinds.TryGetValue(name, out var kind))
                {
                    var reads = rule.OptionKinds.Count == 0 ? "it reads no option" : "it reads " + string.Join(", ", rule.OptionKinds.Keys.Order(StringComparer.Ordinal));
                    Report(file, line, $"{rule.Id} has no option '{name}', so {key} changes nothing; {reads}", warning: true);
                    return;
                }

                var parses = kind switch
                {
                    "Number" => double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _),
                    "Flag" => bool.TryParse(value, out _),
                    _ => true,
                };
                if (!parses)
                {
                    Report(file, line, $"{key} = {value}: the option takes {(kind == "Number" ? "a number such as 0.5" : "true or false")}; the rule's default applies", warning: false);
                    return;
                }

                if (!options.TryGetValue(id, out var map))
                {
                    options[id] = map = new Dictionary<string, ConfiguredValue>(StringComparer.OrdinalIgnoreCase);
                }

                map[rest[(dot + 1)..]] = new ConfiguredValue(value, origin);
            }
        }
    }

    // Root-most first, so nearer files override farther ones.
    private List<EditorConfigFile> ConfigFilesFor(string fullPath)
    {
        var files = new List<EditorConfigFile>();
        var dir = Path.GetDirectoryName(fullPath);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir, ".editorconfig");
            var file = _files.GetOrAdd(candidate, p => File.Exists(p) ? EditorConfigFile.Parse(p) : null);
            if (file is not null)
            {
                files.Add(file);
                if (file.IsRoot)
                {
                    break;
                }
            }

            dir = Path.GetDirectoryName(dir);
        }

        files.Reverse();
        return files;
    }

    private sealed class EditorConfigFile
    {
        public required string Path { get; init; }

        public required string Directory { get; init; }

        public bool IsRoot { get; init; }

        public List<Section> Sections { get; } = [];

        public static EditorConfigFile? Parse(string path)
        {
            // An empty file says nothing; a pipe or a device (also of length 0) is not opened, since that waits for a writer.
            if (FoundFiles.Length(path) is not > 0)
            {
                return null;
            }

            string[] lines;
            try
            {
                lines = File.ReadAllLines(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            var isRoot = false;
            Section? current = null;
            var sections = new List<Section>();
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0 || line[0] is '#' or ';')
                {
                    continue;
                }

                if (line[0] == '[' && line[^1] == ']')
                {
                    current = new Section(line[1..^1]);
                    sections.Add(current);
                    continue;
                }

                var eq = line.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    continue;
                }

                var key = line[..eq].Trim();
                var value = line[(eq + 1)..].Trim();
                if (current is null)
                {
                    isRoot |= key.Equals("root", StringComparison.OrdinalIgnoreCase) && value.Equals("true", StringComparison.OrdinalIgnoreCase);
                    continue;
                }

                current.Properties.Add((key, value, i + 1));
            }

            var file = new EditorConfigFile { Path = path, Directory = System.IO.Path.GetDirectoryName(path)!, IsRoot = isRoot };
            file.Sections.AddRange(sections);
            return file;
        }
    }

    private sealed class Section(string glob)
    {
        private readonly EditorConfigGlob _glob = EditorConfigGlob.Parse(glob);

        public string Glob { get; } = glob;

        public List<(string Key, string Value, int Line)> Properties { get; } = [];

        public bool Matches(string configDirectory, string fullPath)
        {
            var relative = System.IO.Path.GetRelativePath(configDirectory, fullPath).Replace('\\', '/');
            return !relative.StartsWith("../", StringComparison.Ordinal) && _glob.IsMatch(relative);
        }
    }
}
