using System.Text;
using System.Text.Json;

namespace Attribution.Analysis.Inputs;

/// <summary>
/// Turns the paths a user names into documents: files, folders (recursively, supported extensions
/// only), <c>-</c> for standard input, and JSONL archives read one line at a time (never whole).
/// Every problem becomes a failed document with a clear message; nothing throws.
/// </summary>
public sealed class InputReader
{
    /// <summary>Largest single document read (a 50 MB story is fine; a disk image is not).</summary>
    public const long MaxDocumentBytes = 64L * 1024 * 1024;

    /// <summary>Extensions analysed when a folder is named.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".txt", ".text", ".md", ".markdown", ".jsonl"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Func<Stream> _stdin;

    /// <summary>Creates a reader; <paramref name="stdin"/> opens standard input for <c>-</c>.</summary>
    public InputReader(Func<Stream>? stdin = null) => _stdin = stdin ?? Console.OpenStandardInput;

    /// <summary>Enumerates the documents of <paramref name="paths"/> lazily, in a stable order.</summary>
    public IEnumerable<InputDocument> Read(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            if (path == "-")
            {
                yield return ReadStream("-", _stdin);
                continue;
            }

            if (System.IO.Directory.Exists(path))
            {
                foreach (var doc in ReadDirectory(path))
                {
                    yield return doc;
                }

                continue;
            }

            if (!File.Exists(path))
            {
                yield return InputDocument.Failed(path, "file not found");
                continue;
            }

            foreach (var doc in ReadFile(path))
            {
                yield return doc;
            }
        }
    }

    /// <summary>
    /// About how many bytes <see cref="Read"/> will consume for <paramref name="paths"/> (file sizes; 0 for
    /// standard input and missing files), so a progress bar can show a share.
    /// </summary>
    public static long EstimateSize(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        long total = 0;
        foreach (var path in paths)
        {
            try
            {
                total += System.IO.Directory.Exists(path)
                    ? FilesUnder(path).Sum(f => new FileInfo(f).Length)
                    : File.Exists(path) ? new FileInfo(path).Length : 0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The read itself reports the problem.
            }
        }

        return total;
    }

    private static IEnumerable<InputDocument> ReadDirectory(string directory)
    {
        foreach (var file in FilesUnder(directory))
        {
            foreach (var doc in ReadFile(file))
            {
                yield return doc;
            }
        }
    }

    private static List<string> FilesUnder(string directory)
    {
        var files = new List<string>();
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint, // symlinked folders could loop
            MatchType = MatchType.Simple,
        };
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*", options))
        {
            if (Extensions.Contains(System.IO.Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            {
                files.Add(file);
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static IEnumerable<InputDocument> ReadFile(string path)
    {
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            return ReadJsonLines(path);
        }

        var document = ReadStream(path, () => File.OpenRead(path));
        if (document.Text is not null && (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase)))
        {
            // Markdown: the prose in place, offsets unchanged.
            document = document with { Text = new Attribution.Text.SourceText(path, MarkdownText.Prose(document.Text.Text)) { Raw = document.Text.Text } };
        }

        return [document];
    }

    private static InputDocument ReadStream(string path, Func<Stream> open)
    {
        try
        {
            using var stream = open();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + n > MaxDocumentBytes)
                {
                    return InputDocument.Failed(path, $"larger than {MaxDocumentBytes / (1024 * 1024)} MB; split it or raise the limit");
                }

                buffer.Write(chunk, 0, n);
            }

            return Decode(path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) with { Size = buffer.Length };
        }
        catch (IOException ex)
        {
            return InputDocument.Failed(path, ex.Message);
        }
        catch (UnauthorizedAccessException)
        {
            return InputDocument.Failed(path, "permission denied");
        }
    }

    /// <summary>Decodes bytes: UTF-8 (BOM optional, strict), or UTF-16 with a BOM. Binary and empty input fail.</summary>
    public static InputDocument Decode(string path, ReadOnlySpan<byte> bytes)
    {
        string text;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(bytes[2..]);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }
        else
        {
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                bytes = bytes[3..];
            }

            if (bytes.IndexOf((byte)0) >= 0)
            {
                return InputDocument.Failed(path, "binary file (contains NUL bytes); not a text story");
            }

            try
            {
                text = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException ex)
            {
                return InputDocument.Failed(path, $"not valid UTF-8 (bad byte at offset {ex.Index}); save the file as UTF-8");
            }
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return InputDocument.Failed(path, "empty file: no text to analyse");
        }

        return InputDocument.Ok(path, text);
    }

    private static IEnumerable<InputDocument> ReadJsonLines(string path)
    {
        StreamReader reader;
        try
        {
            reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [InputDocument.Failed(path, ex is UnauthorizedAccessException ? "permission denied" : ex.Message)];
        }

        return ReadJsonLines(path, reader);
    }

    private static IEnumerable<InputDocument> ReadJsonLines(string path, StreamReader reader)
    {
        using (reader)
        {
            var lineNumber = 0;
            while (true)
            {
                string? line;
                InputDocument? failure = null;
                try
                {
                    line = reader.ReadLine();
                }
                catch (DecoderFallbackException)
                {
                    line = null;
                    failure = InputDocument.Failed($"{path}:{lineNumber + 1}", "not valid UTF-8; the rest of the archive was skipped");
                }
                catch (IOException ex)
                {
                    line = null;
                    failure = InputDocument.Failed($"{path}:{lineNumber + 1}", ex.Message);
                }

                if (failure is not null)
                {
                    yield return failure;
                    yield break;
                }

                if (line is null)
                {
                    yield break;
                }

                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                yield return ParseRecord(path, lineNumber, line) with { ConfigPath = path, Size = line.Length + 1 };
            }
        }
    }

    private static InputDocument ParseRecord(string path, int lineNumber, string line)
    {
        var where = $"{path}:{lineNumber}";
        try
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return InputDocument.Failed(where, "expected a JSON object with \"id\" and \"text\"");
            }

            var root = json.RootElement;
            if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                return InputDocument.Failed(where, "the record has no \"text\" string");
            }

            var id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? idElement.ToString()
                : where;
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not "text" and not "id" && property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                {
                    metadata[property.Name] = property.Value.ToString();
                }
            }

            var body = text.GetString()!;
            return string.IsNullOrWhiteSpace(body)
                ? InputDocument.Failed(id, "empty text")
                : InputDocument.Ok(id, body, metadata);
        }
        catch (JsonException ex)
        {
            return InputDocument.Failed(where, $"invalid JSON: {ex.Message}");
        }
    }
}
