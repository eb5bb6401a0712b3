using Attribution.Text;

namespace Attribution.Inputs;

/// <summary>One document read from the inputs, or the reason it could not be read.</summary>
/// <param name="Path">The file path, <c>-</c> for stdin, or the JSONL id.</param>
/// <param name="Text">The decoded text, or null when <see cref="Error"/> is set.</param>
/// <param name="Error">Why the input could not be read.</param>
/// <param name="Metadata">Fields beside "text" in a JSONL record (desk, author, date …).</param>
public sealed record InputDocument(string Path, SourceText? Text, string? Error, IReadOnlyDictionary<string, string>? Metadata = null)
{
    /// <summary>The file on disk whose folder's .editorconfig applies (the archive for a JSONL record).</summary>
    public string? ConfigPath { get; init; }

    /// <summary>About how many bytes of input this document took (the file, or the JSONL line), for progress.</summary>
    public long Size { get; init; }

    /// <summary>A readable document.</summary>
    public static InputDocument Ok(string path, string text, IReadOnlyDictionary<string, string>? metadata = null) =>
        new(path, new SourceText(path, text), null, metadata) { ConfigPath = path };

    /// <summary>An unreadable one.</summary>
    public static InputDocument Failed(string path, string error) => new(path, null, error);
}
