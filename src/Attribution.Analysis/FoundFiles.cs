namespace Attribution.Analysis;

/// <summary>
/// Files a run finds by itself rather than being given: rules and lexicons in a rules folder, <c>.editorconfig</c>
/// files, a rule's fixtures and help page. Each is read only when it is a file with something in it. A named pipe
/// or a device reports a length of 0, and opening one blocks until something writes to it, so a pipe left in a
/// rules folder or named <c>.editorconfig</c> would hang the run. (A pipe the user names as an input, as
/// <c>&lt;(zcat story.txt.gz)</c> does, is read: that one has a writer.)
/// </summary>
public static class FoundFiles
{
    /// <summary>
    /// The length of what <paramref name="path"/> finally names, links followed: 0 for an empty file and for a
    /// pipe or device, which are not to be read; null when it names no file (missing, a folder, a broken link, a
    /// loop of links) or cannot be looked at.
    /// </summary>
    public static long? Length(string path)
    {
        try
        {
            return Links.Final(new FileInfo(path)) is FileInfo { Exists: true } file ? file.Length : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
