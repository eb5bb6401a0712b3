using System.Text.Json;

namespace Attribution.Analysis;

/// <summary>
/// Findings a team has accepted, so CI fails only on new ones: <c>--write-baseline FILE</c> records them,
/// <c>--baseline FILE</c> applies them. A finding is known by its file and fingerprint (rule, source, normalised
/// text; not line numbers), and the baseline keeps how many a file had: a second finding with the same text in the
/// same story is new, as ESLint's bulk suppressions and PHPStan's baselines count them.
/// </summary>
/// <remarks>
/// Version 2 files hold <c>{"file", "rule", "fingerprint", "count"}</c> entries. Version 1 files (a bare list of
/// fingerprints, written before counts) are still read: each fingerprint then accepts every finding that has it, in
/// any file, as it did; <c>--write-baseline</c> rewrites them as version 2.
/// </remarks>
public sealed class Baseline
{
    /// <summary>The largest baseline file read (64 MiB): a baseline of a whole archive is far smaller.</summary>
    public const long MaxFileLength = 64L << 20;

    // Version 2: per file, per fingerprint, how many findings are accepted. Version 1: the fingerprints alone.
    private readonly Dictionary<string, Dictionary<string, int>> _counts;
    private readonly HashSet<string>? _anywhere;

    private Baseline(Dictionary<string, Dictionary<string, int>> counts, HashSet<string>? anywhere)
    {
        _counts = counts;
        _anywhere = anywhere;
    }

    /// <summary>
    /// Marks the findings of the story at <paramref name="path"/> that the baseline accepts: per fingerprint, the
    /// first as many as were recorded, in the order they appear. Suppressed and switched-off findings are never
    /// counted, as they were never recorded.
    /// </summary>
    public IReadOnlyList<Diagnostic> Apply(string path, IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        _counts.TryGetValue(FileKey(path), out var counts);
        Dictionary<string, int>? used = null;
        var result = new Diagnostic[diagnostics.Count];
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var d = diagnostics[i];
            var accepted = false;
            if (!d.IsSuppressed && d.Severity != Severity.None)
            {
                if (_anywhere is not null)
                {
                    accepted = _anywhere.Contains(d.Fingerprint);
                }
                else if (counts is not null && counts.TryGetValue(d.Fingerprint, out var allowed))
                {
                    used ??= new Dictionary<string, int>(StringComparer.Ordinal);
                    var n = used.GetValueOrDefault(d.Fingerprint);
                    accepted = n < allowed;
                    used[d.Fingerprint] = n + 1;
                }
            }

            result[i] = accepted == d.IsBaselined ? d : d with { IsBaselined = accepted };
        }

        return result;
    }

    /// <summary>
    /// The name a story is recorded under: its path relative to the current folder when it lies inside it (so a
    /// baseline written in one checkout applies in another), with '/' separators.
    /// </summary>
    public static string FileKey(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "-" || path.StartsWith('<'))
        {
            return path;
        }

        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        var key = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
        return key.Replace('\\', '/');
    }

    /// <summary>Reads a baseline file; throws <see cref="FormatException"/> with the reason when it is not one.</summary>
    public static Baseline Read(string path)
    {
        try
        {
            using var json = JsonDocument.Parse(ReadBounded(path));
            var root = json.RootElement;
            var version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
            if (version == 1)
            {
                var set = new HashSet<string>(StringComparer.Ordinal);
                foreach (var f in root.GetProperty("fingerprints").EnumerateArray())
                {
                    set.Add(f.GetString() ?? "");
                }

                return new Baseline([], set);
            }

            if (version != 2)
            {
                throw new FormatException($"{path} is a baseline of version {version}; this tool reads versions 1 and 2");
            }

            var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
            foreach (var entry in root.GetProperty("findings").EnumerateArray())
            {
                var file = entry.GetProperty("file").GetString() ?? "";
                var fingerprint = entry.GetProperty("fingerprint").GetString() ?? "";
                var count = entry.TryGetProperty("count", out var c) ? c.GetInt32() : 1;
                if (!counts.TryGetValue(file, out var perFile))
                {
                    counts[file] = perFile = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                perFile[fingerprint] = perFile.GetValueOrDefault(fingerprint) + Math.Max(count, 0);
            }

            return new Baseline(counts, null);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"{path} is not a baseline file ({{\"version\": 2, \"findings\": [{{\"file\", \"fingerprint\", \"count\"}}, ...]}})", ex);
        }
    }

    // The file's bytes, read no further than the limit: a device (a link to /dev/zero) reports no length and
    // never ends, so the limit is counted while reading, not asked of the file system.
    private static byte[] ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > MaxFileLength)
            {
                throw new FormatException($"{path} is larger than a baseline can be ({MaxFileLength >> 20} MiB); --baseline reads a file --write-baseline wrote");
            }

            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Writes <paramref name="findings"/> (each with the path of its story) as a version 2 baseline, one entry per
    /// file and fingerprint with its count, sorted, atomically (<see cref="FileReplacer"/>).
    /// </summary>
    public static void Write(string path, IEnumerable<(string Path, Diagnostic Finding)> findings)
    {
        var entries = findings
            .GroupBy(f => (File: FileKey(f.Path), f.Finding.Fingerprint))
            .Select(g => (g.Key.File, g.Key.Fingerprint, Rule: g.First().Finding.Id, Count: g.Count()))
            .OrderBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.Rule, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ToList();
        FileReplacer.Replace(path, stream =>
        {
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteNumber("version", 2);
                writer.WriteStartArray("findings");
                foreach (var (file, fingerprint, rule, count) in entries)
                {
                    writer.WriteStartObject();
                    writer.WriteString("file", file);
                    writer.WriteString("rule", rule);
                    writer.WriteString("fingerprint", fingerprint);
                    writer.WriteNumber("count", count);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
        });
    }
}
