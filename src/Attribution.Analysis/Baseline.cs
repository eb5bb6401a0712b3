using System.Text.Json;

namespace Attribution.Analysis;

/// <summary>
/// Findings a team has accepted, by fingerprint (rule, source, normalised text — not line numbers), so
/// CI fails only on new ones: <c>--write-baseline FILE</c> records them, <c>--baseline FILE</c> applies them.
/// </summary>
public sealed class Baseline
{
    private readonly HashSet<string> _fingerprints;

    private Baseline(HashSet<string> fingerprints) => _fingerprints = fingerprints;

    /// <summary>True when <paramref name="diagnostic"/> was accepted.</summary>
    public bool Contains(Diagnostic diagnostic) => _fingerprints.Contains(diagnostic.Fingerprint);

    /// <summary>Reads a baseline file; throws <see cref="FormatException"/> with the reason when it is not one.</summary>
    public static Baseline Read(string path)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in json.RootElement.GetProperty("fingerprints").EnumerateArray())
            {
                set.Add(f.GetString() ?? "");
            }

            return new Baseline(set);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"{path} is not a baseline file ({{\"version\": 1, \"fingerprints\": [...]}})", ex);
        }
    }

    /// <summary>Writes the fingerprints of <paramref name="diagnostics"/>, sorted, atomically (<see cref="FileReplacer"/>).</summary>
    public static void Write(string path, IEnumerable<Diagnostic> diagnostics)
    {
        var fingerprints = diagnostics.Select(d => d.Fingerprint).Distinct().Order(StringComparer.Ordinal).ToList();
        FileReplacer.Replace(path, stream =>
        {
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteNumber("version", 1);
                writer.WriteStartArray("fingerprints");
                foreach (var fingerprint in fingerprints)
                {
                    writer.WriteStringValue(fingerprint);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
        });
    }
}
