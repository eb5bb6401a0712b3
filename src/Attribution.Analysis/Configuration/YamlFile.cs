using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Attribution.Analysis.Configuration;

/// <summary>
/// Reads one YAML file into YamlDotNet's node model so every value keeps its line and column,
/// and collects located errors instead of throwing.
/// </summary>
internal sealed class YamlFile
{
    /// <summary>Files larger than this are refused: a rule or lexicon file is small.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    private YamlFile(string path, YamlMappingNode? root, List<LoadError> errors)
    {
        Path = path;
        Root = root;
        Errors = errors;
    }

    public string Path { get; }

    public YamlMappingNode? Root { get; }

    public List<LoadError> Errors { get; }

    /// <summary>Parses <paramref name="path"/>; errors land in <see cref="Errors"/>.</summary>
    public static YamlFile Load(string path)
    {
        var errors = new List<LoadError>();
        try
        {
            switch (FoundFiles.Length(path))
            {
                case null:
                    errors.Add(new LoadError(path, 0, 0, "cannot be read: not a file, or a link to nothing"));
                    return new YamlFile(path, null, errors);
                case 0:
                    // Also what a named pipe or a device says, which is not opened: that would wait for a writer.
                    errors.Add(new LoadError(path, 1, 1, "file is empty"));
                    return new YamlFile(path, null, errors);
                case > MaxBytes:
                    errors.Add(new LoadError(path, 0, 0, $"file is larger than {MaxBytes / (1024 * 1024)} MB"));
                    return new YamlFile(path, null, errors);
            }

            return Parse(path, File.ReadAllText(path), errors);
        }
        catch (IOException ex)
        {
            errors.Add(new LoadError(path, 0, 0, ex.Message));
        }
        catch (UnauthorizedAccessException ex)
        {
            errors.Add(new LoadError(path, 0, 0, ex.Message));
        }

        return new YamlFile(path, null, errors);
    }

    /// <summary>The deepest nesting of lists and mappings a YAML file may have.</summary>
    public const int MaxDepth = 64;

    /// <summary>Parses YAML text that claims to come from <paramref name="path"/>.</summary>
    public static YamlFile Parse(string path, string text, List<LoadError>? errors = null)
    {
        errors ??= [];
        try
        {
            var stream = new YamlStream();
            using var reader = new StringReader(text);

            // Aliases are refused outright: a lexicon has no use for them and they make YAML bombs.
            var parser = new Parser(reader);
            stream.Load(new AliasRefusingParser(parser));
            if (stream.Documents.Count == 0)
            {
                errors.Add(new LoadError(path, 1, 1, "file is empty"));
                return new YamlFile(path, null, errors);
            }

            if (stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                var n = stream.Documents[0].RootNode;
                errors.Add(new LoadError(path, Line(n), Column(n), "expected a mapping of keys to values at the top of the file"));
                return new YamlFile(path, null, errors);
            }

            return new YamlFile(path, root, errors);
        }
        catch (YamlException ex)
        {
            errors.Add(new LoadError(path, (int)ex.Start.Line, (int)ex.Start.Column, FirstLine(ex.InnerException?.Message ?? ex.Message)));
            return new YamlFile(path, null, errors);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner and node loader throw these on some malformed input (found by fuzzing).
            errors.Add(new LoadError(path, 1, 1, $"not valid YAML: {FirstLine(ex.Message)}"));
            return new YamlFile(path, null, errors);
        }
    }

    public static int Line(YamlNode node) => (int)node.Start.Line;

    public static int Column(YamlNode node) => (int)node.Start.Column;

    public void Error(YamlNode node, string message) => Errors.Add(new LoadError(Path, Line(node), Column(node), message));

    /// <summary>A located warning: the file loads, and the run goes on.</summary>
    public void Warning(YamlNode node, string message) => Warnings.Add(new LoadError(Path, Line(node), Column(node), message) { IsWarning = true });

    /// <summary>The warnings found so far.</summary>
    public List<LoadError> Warnings { get; } = [];

    /// <summary>The scalars of a sequence with their nodes (for locating each), or an error.</summary>
    public List<(string Value, YamlNode Node)> LocatedStrings(YamlNode node, string what)
    {
        var result = new List<(string, YamlNode)>();
        if (node is not YamlSequenceNode seq)
        {
            Error(node, $"{what} must be a list");
            return result;
        }

        foreach (var item in seq)
        {
            if (Scalar(item, $"each item of {what}") is { } v)
            {
                result.Add((v, item));
            }
        }

        return result;
    }

    /// <summary>A scalar's text, or an error when the node is not a scalar.</summary>
    public string? Scalar(YamlNode node, string what)
    {
        if (node is YamlScalarNode s && s.Value is not null)
        {
            return s.Value;
        }

        Error(node, $"{what} must be a single value");
        return null;
    }

    /// <summary>The scalars of a sequence, or an error.</summary>
    public List<string> Strings(YamlNode node, string what) => [.. LocatedStrings(node, what).Select(item => item.Value)];

    /// <summary>The key/value pairs of a mapping, or an error.</summary>
    public List<(string Key, YamlNode Value, YamlNode KeyNode)> Pairs(YamlNode node, string what)
    {
        var result = new List<(string, YamlNode, YamlNode)>();
        if (node is not YamlMappingNode map)
        {
            Error(node, $"{what} must be a mapping of keys to values");
            return result;
        }

        foreach (var (k, v) in map.Children)
        {
            if (Scalar(k, "a key") is { } key)
            {
                result.Add((key, v, k));
            }
        }

        return result;
    }

    private static string FirstLine(string message)
    {
        var i = message.IndexOf('\n', StringComparison.Ordinal);
        return i < 0 ? message : message[..i];
    }

    /// <summary>
    /// Stops YAML alias expansion ("billion laughs") before it starts, and nesting deeper than
    /// <see cref="MaxDepth"/>, which YamlDotNet's node loader would follow by recursion until the stack overflows.
    /// The parser itself reads events iteratively, so the depth is counted before any node is built.
    /// </summary>
    private sealed class AliasRefusingParser(IParser inner) : IParser
    {
        private int _depth;

        public YamlDotNet.Core.Events.ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            switch (moved ? inner.Current : null)
            {
                case YamlDotNet.Core.Events.AnchorAlias alias:
                    throw new YamlException(alias.Start, alias.End, "YAML aliases (*name) are not allowed in rule and lexicon files");
                case YamlDotNet.Core.Events.SequenceStart or YamlDotNet.Core.Events.MappingStart when ++_depth > MaxDepth:
                    throw new YamlException(inner.Current!.Start, inner.Current.End, $"nested more than {MaxDepth} levels deep; rule, lexicon and configuration files need a few");
                case YamlDotNet.Core.Events.SequenceEnd or YamlDotNet.Core.Events.MappingEnd:
                    _depth--;
                    break;
            }

            return moved;
        }
    }
}
