using System.Collections.Immutable;
using System.Text.Json;
using Attribution.Analysis;
using Attribution.Text;

namespace Attribution.Reporting;

/// <summary>A part of an archive report that cannot be merged, with the reason in words.</summary>
public sealed class ArchivePartException(string message) : Exception(message);

/// <summary>
/// Reads a report of part of an archive (<c>attribution report --format json</c>) back into its story rows,
/// for <c>attribution report merge</c>: each row carries its counts, its fields and its quoted sources, so the
/// report of the parts, fed row by row in order, is the report of the whole.
/// </summary>
public static class ArchivePart
{
    /// <summary>The part's grouping (null when ungrouped) and its rows, in the order the part was written.</summary>
    /// <exception cref="ArchivePartException">The text is not an attribution archive report in JSON, or lacks what a merge needs.</exception>
    public static (ArchiveGrouping Grouping, IReadOnlyList<StoryRow> Rows) Read(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new ArchivePartException($"not JSON ({ex.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("tool", out var tool) || tool.ValueKind != JsonValueKind.Object
                || !tool.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || name.GetString() != ToolInfo.Name
                || !root.TryGetProperty("stories", out var stories) || stories.ValueKind != JsonValueKind.Array)
            {
                throw new ArchivePartException("not a report of attribution's ('attribution report --format json' writes one)");
            }

            var grouping = ArchiveGrouping.None;
            if (root.TryGetProperty("by", out var by) && by.ValueKind == JsonValueKind.String
                && !Enum.TryParse(by.GetString(), ignoreCase: true, out grouping))
            {
                throw new ArchivePartException($"grouped by '{by.GetString()}', which this version does not know");
            }

            var rows = new List<StoryRow>(stories.GetArrayLength());
            var index = 0;
            foreach (var story in stories.EnumerateArray())
            {
                rows.Add(Row(story, index++));
            }

            return (grouping, rows);
        }
    }

    private static StoryRow Row(JsonElement story, int index)
    {
        var where = $"story {index + 1}";
        if (story.ValueKind != JsonValueKind.Object)
        {
            throw new ArchivePartException($"{where} is not an object");
        }

        var path = Text(story, "path", where, required: true);
        where = $"story {index + 1} ({path})";
        if (!story.TryGetProperty("quoted", out var sources) || sources.ValueKind != JsonValueKind.Array)
        {
            throw new ArchivePartException($"{where} carries no quoted sources: the part was written by an older attribution; run 'attribution report --format json' on it again");
        }

        var counts = Tally.FromCounts(key => Count(story, key, where));
        var fields = new StoryFields(Text(story, "desk", where), Text(story, "author", where), Text(story, "date", where));
        var quoted = ImmutableArray.CreateBuilder<QuotedSource>(sources.GetArrayLength());
        foreach (var s in sources.EnumerateArray())
        {
            if (s.ValueKind != JsonValueKind.Object)
            {
                throw new ArchivePartException($"{where}: a source is not an object");
            }

            var type = Text(s, "type", where, required: true);
            if (!Enum.TryParse<SourceType>(type, ignoreCase: true, out var sourceType) || Analyzer.TypeName(sourceType) != type)
            {
                throw new ArchivePartException($"{where}: unknown source type '{type}'");
            }

            var gender = Text(s, "gender", where) switch
            {
                "male" => Gender.Male,
                "female" => Gender.Female,
                "" => Gender.Unknown,
                var other => throw new ArchivePartException($"{where}: unknown gender '{other}'"),
            };
            quoted.Add(new QuotedSource(Text(s, "name", where, required: true), Text(s, "key", where, required: true), Flag(s, "surname"), gender, Text(s, "role", where), sourceType, Count(s, "quotes", where))
            {
                Ambiguous = Flag(s, "ambiguous"),
            });
        }

        var error = story.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        return new StoryRow(path, fields, counts, error, quoted.MoveToImmutable());
    }

    private static string Text(JsonElement o, string name, string where, bool required = false)
    {
        if (o.TryGetProperty(name, out var value))
        {
            return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new ArchivePartException($"{where}: '{name}' is not text");
        }

        return required ? throw new ArchivePartException($"{where}: '{name}' is missing") : "";
    }

    private static bool Flag(JsonElement o, string name) => o.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static int Count(JsonElement o, string name, string where) =>
        o.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= 0
            ? n
            : throw new ArchivePartException($"{where}: '{name}' is missing or not a count");
}
