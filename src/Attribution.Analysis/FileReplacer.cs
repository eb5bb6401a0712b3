namespace Attribution.Analysis;

/// <summary>
/// Replaces a file's contents the way an editor saves: into a temporary file beside it, renamed over the
/// old one, so a reader sees the old text or the new and never half of either.
/// </summary>
/// <remarks>
/// The rename lands on what the path finally names. A symbolic link keeps pointing where it did and the
/// file it leads to gets the new text, instead of the link being swapped for a copy. The new file keeps the
/// old one's permissions.
///
/// A target of no length is written in place instead: that is how a device (<c>/dev/null</c>), a named
/// pipe or a pipe reached through <c>/dev/stdout</c> looks to .NET, and renaming over one would replace a
/// device node with a plain file. An empty plain file loses nothing by being written in place.
/// </remarks>
public static class FileReplacer
{
    /// <summary>Writes <paramref name="path"/>'s new contents with <paramref name="write"/>.</summary>
    /// <exception cref="IOException">The file or its temporary copy cannot be written; no temporary file is left.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or the file may not be written.</exception>
    public static void Replace(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var target = Links.Final(new FileInfo(path)) as FileInfo;
        if (target is { Exists: true, Length: 0 } || (target is null && File.Exists(path)))
        {
            // A device, a pipe, or an empty file: written through, as `>` in a shell would.
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
            write(stream);
            return;
        }

        var destination = target?.FullName ?? Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(destination)!, $".{Path.GetFileName(destination)}.attribution-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
            }

            if (target is { Exists: true } && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(destination));
            }

            File.Move(temp, destination, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp); // nothing half-written is left beside the file
            throw;
        }
    }
}
