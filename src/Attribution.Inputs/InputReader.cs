using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Attribution.Analysis;
using Attribution.Text;

namespace Attribution.Inputs;

/// <summary>How an input's bytes are read: by its extension, or as the user says (<c>--input-format</c>).</summary>
public enum InputFormat
{
    /// <summary>By extension: .md/.markdown Markdown, .html/.htm/.xhtml HTML, .xml/.nitf NITF, .jsonl archives, anything else text.</summary>
    Auto,

    /// <summary>Plain text.</summary>
    Text,

    /// <summary>Markdown (prose only).</summary>
    Markdown,

    /// <summary>An HTML page (the article body).</summary>
    Html,

    /// <summary>NITF XML.</summary>
    Nitf,

    /// <summary>JSON Lines, one story object per line.</summary>
    Jsonl,
}

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
    public static readonly IReadOnlyList<string> Extensions = [".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".xml", ".nitf", ".jsonl"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16 = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16BigEndian = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UTF32Encoding StrictUtf32 = new(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true);
    private static readonly UTF32Encoding StrictUtf32BigEndian = new(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true);
    private const string BinaryFile = "binary file (contains NUL bytes); not a text story";

    private readonly Func<Stream> _stdin;
    private readonly InputFormat _format;

    /// <summary>Creates a reader; <paramref name="stdin"/> opens standard input for <c>-</c>.</summary>
    /// <param name="stdin">Opens standard input.</param>
    /// <param name="format">How to read every input; <see cref="InputFormat.Auto"/> goes by extension (stdin is text).</param>
    public InputReader(Func<Stream>? stdin = null, InputFormat format = InputFormat.Auto)
    {
        _stdin = stdin ?? Console.OpenStandardInput;
        _format = format;
    }

    /// <summary>The format of <paramref name="path"/> by its extension.</summary>
    public static InputFormat FormatOf(string path) => System.IO.Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".md" or ".markdown" => InputFormat.Markdown,
        ".html" or ".htm" or ".xhtml" => InputFormat.Html,
        ".xml" or ".nitf" => InputFormat.Nitf,
        ".jsonl" => InputFormat.Jsonl,
        _ => InputFormat.Text,
    };

    /// <summary>Enumerates the documents of <paramref name="paths"/> lazily, in a stable order.</summary>
    public IEnumerable<InputDocument> Read(IEnumerable<string> paths) => ReadPending(paths).Select(load => load());

    /// <summary>The name standard input goes by in reports (as compilers and linters print it).</summary>
    public const string StdinName = SourceText.StandardInput;

    /// <summary>
    /// Like <see cref="Read"/>, but each document comes as the work that reads it: the enumeration only
    /// splits an archive into lines and names the files, and whoever calls the function decodes the
    /// bytes, parses the JSON record or the markup. Parallel runs call them on their workers.
    /// </summary>

    public IEnumerable<Func<InputDocument>> ReadPending(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            if (path == "-")
            {
                var format = _format == InputFormat.Auto ? InputFormat.Text : _format;
                if (format == InputFormat.Jsonl)
                {
                    Stream? stdin = null;
                    InputDocument? failed = null;
                    try
                    {
                        stdin = _stdin();
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        failed = InputDocument.Failed(StdinName, ReasonNotRead(ex));
                    }

                    if (stdin is null)
                    {
                        yield return () => failed!;
                        continue;
                    }

                    foreach (var doc in ReadJsonLines(StdinName, stdin, (int)MaxDocumentBytes))
                    {
                        yield return doc;
                    }
                }
                else
                {
                    var document = Interpret(ReadStream(StdinName, _stdin), format);
                    yield return () => document;
                }

                continue;
            }

            if (System.IO.Directory.Exists(path))
            {
                foreach (var doc in ReadDirectory(path, _format))
                {
                    yield return doc;
                }

                continue;
            }

            if (!File.Exists(path))
            {
                yield return () => InputDocument.Failed(path, path.Contains(Utf8Replacement, StringComparison.Ordinal) ? NameNotUtf8 : "file not found");
                continue;
            }

            if (BrokenLink(new FileInfo(path)) is { } broken)
            {
                yield return () => InputDocument.Failed(path, broken);
                continue;
            }

            foreach (var doc in ReadFile(path, _format))
            {
                yield return doc;
            }
        }
    }

    /// <summary>
    /// The input among <paramref name="paths"/> that <paramref name="file"/> would be read as (the file itself, or
    /// the folder that holds it under an extension read in folders), or null when writing it loses no input.
    /// Links are followed on both sides, so a report written through a link to a story is caught.
    /// </summary>
    public static string? InputWrittenBy(string file, IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(paths);
        var target = RealPath(file);
        // The file an output would replace, by device and inode: however its path is spelt (a hard link, a link
        // to a folder on the way, /proc/self/cwd/…), it is the input when the identities agree.
        var identity = FileIdentity.Of(file);
        foreach (var path in paths)
        {
            if (path == "-")
            {
                continue;
            }

            if (System.IO.Directory.Exists(path))
            {
                var folder = System.IO.Path.TrimEndingDirectorySeparator(RealPath(path)) + System.IO.Path.DirectorySeparatorChar;
                if (target.StartsWith(folder, StringComparison.Ordinal)
                    && Extensions.Contains(System.IO.Path.GetExtension(target), StringComparer.OrdinalIgnoreCase))
                {
                    return path;
                }

                // An existing file under another name that a folder holds among its stories.
                if (identity is { } id && Extensions.Contains(System.IO.Path.GetExtension(target), StringComparer.OrdinalIgnoreCase)
                    && IsUnder(id, target, path))
                {
                    return path;
                }
            }
            else if (string.Equals(RealPath(path), target, StringComparison.Ordinal)
                || (identity is { } id && FileIdentity.Of(path) == id))
            {
                return path;
            }
        }

        return null;
    }

    // True when a file with the identity `id` lies in `folder`'s tree under the same file name (a second path to a
    // file of the folder, through links of folders). Only files of that name are looked at, not the whole tree.
    private static bool IsUnder(FileIdentity id, string target, string folder)
    {
        var name = System.IO.Path.GetFileName(target);
        try
        {
            foreach (var candidate in System.IO.Directory.EnumerateFiles(folder, name, new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseSensitive }))
            {
                if (FileIdentity.Of(candidate) == id)
                {
                    return true;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unreadable folder holds no story of the run either.
        }

        return false;
    }

    // The full path a path finally names after its links (itself when it is no link, leads nowhere, or loops).
    private static string RealPath(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        return Links.Final(System.IO.Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full))?.FullName ?? full;
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
                    ? FilesUnder(path).Where(f => f.Problem is null).Sum(f => Math.Max(0, LengthOf(f.Path)))
                    : File.Exists(path) ? Math.Max(0, LengthOf(path)) : 0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The read itself reports the problem.
            }
        }

        return total;
    }

    private static IEnumerable<Func<InputDocument>> ReadDirectory(string directory, InputFormat format)
    {
        foreach (var (file, problem) in FilesUnder(directory))
        {
            if (problem is not null)
            {
                yield return () => InputDocument.Failed(file, problem);
                continue;
            }

            // A file of no length is not opened: in a folder that is also how a named pipe or a device
            // looks, directly or behind a link, and opening one would wait for a writer that never comes.
            // (A pipe named on the command line, such as <(zcat story.txt.gz), is read: the user asked for it.)
            if (LengthOf(file) == 0)
            {
                yield return () => InputDocument.Failed(file, EmptyFile);
                continue;
            }

            foreach (var doc in ReadFile(file, format))
            {
                yield return doc;
            }
        }
    }

    private const string EmptyFile = "empty file: no text to analyse";

    // .NET reads a file name as UTF-8 and puts U+FFFD for bytes that are not, and that name cannot be opened.
    private const string Utf8Replacement = "\uFFFD";
    private const string NameNotUtf8 = "the file name is not valid UTF-8, so it cannot be opened here; rename the file";

    /// <summary>
    /// The length of what <paramref name="file"/> finally names: a link's own length is that of the path it
    /// holds. 0 for a link to something that is not a path (a pipe), -1 when it cannot be read.
    /// </summary>
    private static long LengthOf(string file) =>
        FoundFiles.Length(file) ?? (Links.Final(new FileInfo(file)) is null ? 0 : -1); // -1: the read reports why

    /// <summary>"broken symbolic link (to …)" when <paramref name="file"/> is a link to nothing, else null.</summary>
    private static string? BrokenLink(FileSystemInfo file)
    {
        try
        {
            if (file.LinkTarget is not { } target)
            {
                return null;
            }

            // Throws for a chain of links that loops. On Unix a link is broken when following it fails, which the
            // runtime reports as a mode of -1: the final target's name is not enough, since /dev/fd/63 from
            // <(zcat story.txt.gz) and /dev/stdin lead to "pipe:[1602866]", which is no path but reads fine.
            var final = file.ResolveLinkTarget(returnFinalTarget: true);
            var broken = OperatingSystem.IsWindows() ? final is not { Exists: true } : file.UnixFileMode == (UnixFileMode)(-1);
            return broken ? $"broken symbolic link (to {target})" : null;
        }
        catch (IOException ex)
        {
            return ex.Message; // a chain of links that loops, say
        }
    }

    /// <summary>
    /// The story files under <paramref name="directory"/>, sorted, each with the reason it cannot be read
    /// (a broken link, a folder that may not be listed) or null. Links to files are followed; links to
    /// folders are not, as in git and ripgrep, so a link back up the tree cannot loop.
    /// </summary>
    private static List<(string Path, string? Problem)> FilesUnder(string directory)
    {
        var files = new List<(string Path, string? Problem)>();
        var options = new EnumerationOptions { AttributesToSkip = 0, MatchType = MatchType.Simple, IgnoreInaccessible = false };
        var folders = new Stack<string>();
        folders.Push(directory);
        while (folders.TryPop(out var folder))
        {
            List<FileSystemInfo> entries;
            try
            {
                entries = [.. new DirectoryInfo(folder).EnumerateFileSystemInfos("*", options)];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The top folder was checked to exist; a folder below it that cannot be listed is reported, not skipped.
                files.Add((folder, ex is UnauthorizedAccessException ? "permission denied: the folder cannot be listed" : ex.Message));
                continue;
            }

            foreach (var entry in entries)
            {
                var path = System.IO.Path.Combine(folder, entry.Name);
                if (entry is DirectoryInfo)
                {
                    if (entry.LinkTarget is null)
                    {
                        folders.Push(path);
                    }
                }
                else if (Extensions.Contains(System.IO.Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
                {
                    files.Add((path, entry.Name.Contains(Utf8Replacement, StringComparison.Ordinal) && !File.Exists(path) ? NameNotUtf8 : BrokenLink(entry)));
                }
            }
        }

        files.Sort((a, b) => StringComparer.Ordinal.Compare(a.Path, b.Path));
        return files;
    }

    private static IEnumerable<Func<InputDocument>> ReadFile(string path, InputFormat format)
    {
        format = format == InputFormat.Auto ? FormatOf(path) : format;
        return format == InputFormat.Jsonl ? ReadJsonLines(path) : [() => Interpret(ReadStream(path, () => File.OpenRead(path)), format)];
    }

    /// <summary>Reads decoded text as <paramref name="format"/>: Markdown prose in place, HTML and NITF prose with an offset map.</summary>
    public static InputDocument Interpret(InputDocument document, InputFormat format)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Text is not { } decoded)
        {
            return document;
        }

        try
        {
            return InterpretText(document, decoded, format);
        }
        catch (FormatException ex)
        {
            return InputDocument.Failed(document.Path, ex.Message); // markup nested too deeply to read in bounded time, say
        }
        catch (InsufficientMemoryException)
        {
            return InputDocument.Failed(document.Path, OutOfMemory);
        }
        catch (OutOfMemoryException)
        {
            return InputDocument.Failed(document.Path, OutOfMemory);
        }
    }

    /// <summary>
    /// Why a document was not analysed when the memory this process may use ran out on it (a container's limit,
    /// DOTNET_GCHeapHardLimit): its own garbage is gone with it, and the run goes on with the next.
    /// </summary>
    public const string OutOfMemory = "needs more memory than this process may use (a limit of its container or of DOTNET_GCHeapHardLimit); not analysed: split it, or allow more memory";

    private static InputDocument InterpretText(InputDocument document, SourceText decoded, InputFormat format)
    {
        var path = document.Path;
        switch (format)
        {
            case InputFormat.Markdown:
                // The prose in place, offsets unchanged.
                return document with { Text = new SourceText(path, MarkdownText.Prose(decoded.Text)) { Raw = decoded.Text } };
            case InputFormat.Html:
            {
                var (text, metadata) = HtmlText.Extract(path, decoded.Text);
                return string.IsNullOrWhiteSpace(text.Text)
                    ? InputDocument.Failed(path, "no article text found in the HTML (no paragraphs in its body)")
                    : document with { Text = text, Metadata = metadata };
            }

            case InputFormat.Nitf:
            {
                var (text, metadata, error) = NitfText.Extract(path, decoded.Text);
                return text is null ? InputDocument.Failed(path, error ?? "not a NITF document") : document with { Text = text, Metadata = metadata };
            }

            default:
                return document;
        }
    }

    private static InputDocument ReadStream(string path, Func<Stream> open)
    {
        try
        {
            using var stream = open();
            // Sized from the file when it says its length, so a large story is not copied through each doubling.
            using var buffer = new MemoryStream(stream.CanSeek ? (int)Math.Clamp(stream.Length + 1, 0, MaxDocumentBytes + 1) : 0);
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + n > MaxDocumentBytes)
                {
                    return InputDocument.Failed(path, $"larger than {MaxDocumentBytes / (1024 * 1024)} MB, the limit of one story; split it");
                }

                buffer.Write(chunk, 0, n);
            }

            return Decode(path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) with { Size = buffer.Length };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return InputDocument.Failed(path, ReasonNotRead(ex));
        }
        catch (OutOfMemoryException)
        {
            return InputDocument.Failed(path, OutOfMemory);
        }
    }

    // A closed standard input comes as "access denied" around the system's own words ("Bad file descriptor").
    private static string ReasonNotRead(Exception ex) => ex switch
    {
        UnauthorizedAccessException { InnerException: IOException io } => io.Message,
        UnauthorizedAccessException => "permission denied",
        _ => ex.Message,
    };

    /// <summary>
    /// The strict encoding a byte order mark at the start of <paramref name="bytes"/> names (UTF-16 or UTF-32),
    /// or null for UTF-8, with or without its mark; <paramref name="bom"/> is the mark's length.
    /// </summary>
    internal static Encoding? EncodingOfBom(ReadOnlySpan<byte> bytes, out int bom)
    {
        (var encoding, bom) = bytes switch
        {
            [0xFF, 0xFE, 0, 0, ..] => ((Encoding?)StrictUtf32, 4),
            [0, 0, 0xFE, 0xFF, ..] => (StrictUtf32BigEndian, 4),
            [0xFF, 0xFE, ..] => (StrictUtf16, 2),
            [0xFE, 0xFF, ..] => (StrictUtf16BigEndian, 2),
            [0xEF, 0xBB, 0xBF, ..] => (null, 3),
            _ => (null, 0),
        };
        return encoding;
    }

    /// <summary>Decodes bytes: UTF-8 (BOM optional), or UTF-16 or UTF-32 with a BOM, all strictly. Binary and empty input fail.</summary>
    public static InputDocument Decode(string path, ReadOnlySpan<byte> bytes)
    {
        string text;
        var encoding = EncodingOfBom(bytes, out var bom) ?? StrictUtf8;
        bytes = bytes[bom..];
        if (encoding == StrictUtf8 && bytes.IndexOf((byte)0) >= 0)
        {
            return InputDocument.Failed(path, BinaryFile);
        }

        try
        {
            text = encoding.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            return InputDocument.Failed(path, $"not valid {encoding.WebName.ToUpperInvariant()} (bad byte at offset {bom + ex.Index}); save the file as UTF-8");
        }

        if (encoding != StrictUtf8 && text.Contains('\0', StringComparison.Ordinal))
        {
            return InputDocument.Failed(path, BinaryFile);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return InputDocument.Failed(path, EmptyFile);
        }

        return InputDocument.Ok(path, text);
    }

    private static IEnumerable<Func<InputDocument>> ReadJsonLines(string path)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var failed = InputDocument.Failed(path, ex is UnauthorizedAccessException ? "permission denied" : ex.Message);
            return [() => failed];
        }

        return ReadJsonLines(path, stream, (int)MaxDocumentBytes);
    }

    /// <summary>The records of an archive; a line longer than <paramref name="maxLineBytes"/> is reported and skipped.</summary>
    internal static IEnumerable<Func<InputDocument>> ReadJsonLines(string path, Stream source, int maxLineBytes)
    {
        using (var reader = new BoundedLineReader(source, maxLineBytes))
        {
            var lineNumber = 0;
            while (true)
            {
                ArraySegment<byte>? read;
                var tooLong = false;
                InputDocument? failure = null;
                try
                {
                    read = reader.ReadLine(out tooLong);
                }
                catch (DecoderFallbackException)
                {
                    read = null;
                    failure = InputDocument.Failed($"{path}:{lineNumber + 1}", $"not valid {reader.EncodingName}; the rest of the archive was skipped");
                }
                catch (IOException ex)
                {
                    read = null;
                    failure = InputDocument.Failed($"{path}:{lineNumber + 1}", ex.Message);
                }

                if (failure is not null)
                {
                    yield return () => failure;
                    yield break;
                }

                if (read is not { } line)
                {
                    yield break;
                }

                lineNumber++;
                if (tooLong)
                {
                    var skipped = InputDocument.Failed($"{path}:{lineNumber}", $"the record is longer than {maxLineBytes / (1024 * 1024)} MB; it was skipped");
                    yield return () => skipped;
                    continue;
                }

                if (line.AsSpan().IndexOfAnyExcept(BlankBytes) < 0)
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(line.Array!);
                    continue;
                }

                var number = lineNumber;
                yield return () =>
                {
                    // The record's bytes go back to the pool once parsed: nothing read from them keeps them.
                    try
                    {
                        return ParseRecord(path, number, line) with { ConfigPath = path, Size = line.Count + 1 };
                    }
                    finally
                    {
                        System.Buffers.ArrayPool<byte>.Shared.Return(line.Array!);
                    }
                };
            }
        }
    }

    private static readonly SearchValues<byte> BlankBytes = SearchValues.Create(" \t\v\f"u8);

    private static int InvalidUtf8At(ReadOnlySpan<byte> bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return -1;
        }
        catch (DecoderFallbackException ex)
        {
            return ex.Index;
        }
    }

    private static InputDocument ParseRecord(string path, int lineNumber, ArraySegment<byte> line)
    {
        var where = $"{path}:{lineNumber}";
        if (!Utf8.IsValid(line))
        {
            return InputDocument.Failed(where, $"not valid UTF-8 (bad byte at offset {InvalidUtf8At(line)} of the record); save the archive as UTF-8");
        }

        if (JsonlRecord.TryRead(line, out var fastText, out var fastId, out var fastMetadata))
        {
            return Record(fastId ?? where, fastText, fastMetadata);
        }

        return ParseRecordWithDocument(where, line);
    }

    // A record's document, read either way: an empty text is an error.
    private static InputDocument Record(string id, string text, Dictionary<string, string> metadata) =>
        string.IsNullOrWhiteSpace(text) ? InputDocument.Failed(id, "empty text") : InputDocument.Ok(id, text, metadata);

    // Any record JsonlRecord declines, with JsonDocument: nested values, true, false and null, and the errors.
    internal static InputDocument ParseRecordWithDocument(string where, ReadOnlyMemory<byte> line)
    {
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

            return Record(id, text.GetString()!, metadata);
        }
        catch (JsonException ex)
        {
            return InputDocument.Failed(where, $"invalid JSON: {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            // A string with an escaped half of a surrogate pair ("\ud800") parses, but cannot be read.
            return InputDocument.Failed(where, $"invalid JSON: {ex.Message}");
        }
    }
}
