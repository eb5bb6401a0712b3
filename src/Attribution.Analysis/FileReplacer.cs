using System.Globalization;

namespace Attribution.Analysis;

/// <summary>
/// Replaces a file's contents the way an editor saves: into a temporary file beside it, renamed over the
/// old one, so a reader sees the old text or the new and never half of either, and a run that fails half-way
/// leaves the previous file as it was.
/// </summary>
/// <remarks>
/// The rename lands on what the path finally names. A symbolic link keeps pointing where it did and the
/// file it leads to gets the new text, instead of the link being swapped for a copy. The new file keeps the
/// old one's permissions. A hard link's other names keep the old contents, since the old file is not written.
///
/// A target of no length is written in place instead: that is how a device (<c>/dev/null</c>), a named
/// pipe or a pipe reached through <c>/dev/stdout</c> looks to .NET, and renaming over one would replace a
/// device node with a plain file. An empty plain file loses nothing by being written in place.
///
/// Temporary files are named <c>.&lt;name&gt;.attribution-&lt;pid&gt;-&lt;random&gt;.tmp</c>. One left behind by a run
/// that was killed (its process is gone) is deleted by the next run that writes beside it.
/// </remarks>
public static class FileReplacer
{
    private const string Marker = ".attribution-";

    /// <summary>Writes <paramref name="path"/>'s new contents with <paramref name="write"/>.</summary>
    /// <exception cref="IOException">The file or its temporary copy cannot be written; no temporary file is left.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or the file may not be written.</exception>
    public static void Replace(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var replacement = Open(path);
        write(replacement.Stream);
        replacement.Commit();
    }

    /// <summary>
    /// Starts replacing <paramref name="path"/>: write to <see cref="Replacement.Stream"/>, then
    /// <see cref="Replacement.Commit"/>; disposing without committing leaves the old file as it was.
    /// </summary>
    public static Replacement Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var target = Links.Final(new FileInfo(path)) as FileInfo;
        if (target is { Exists: true, Length: 0 } || (target is null && File.Exists(path)))
        {
            // A device, a pipe, or an empty file: written through, as `>` in a shell would.
            return new Replacement(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite), null, null, false);
        }

        var destination = target?.FullName ?? Path.GetFullPath(path);
        CleanStale(destination);
        var temp = Path.Combine(
            Path.GetDirectoryName(destination)!,
            $".{Path.GetFileName(destination)}{Marker}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.tmp");
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        return new Replacement(stream, temp, destination, target is { Exists: true });
    }

    // Deletes the temporary files of `destination` whose process is gone (a run killed while writing).
    private static void CleanStale(string destination)
    {
        var folder = Path.GetDirectoryName(destination);
        if (folder is null)
        {
            return;
        }

        var prefix = $".{Path.GetFileName(destination)}{Marker}";
        try
        {
            foreach (var stale in Directory.EnumerateFiles(folder, prefix + "*.tmp"))
            {
                var rest = Path.GetFileName(stale)[prefix.Length..];
                var dash = rest.IndexOf('-', StringComparison.Ordinal);
                if (dash > 0 && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
                {
                    File.Delete(stale);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Cleaning is a courtesy; the write goes on.
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        if (OperatingSystem.IsLinux())
        {
            return Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A file being replaced: its new contents go to <see cref="Stream"/> until <see cref="Commit"/>.</summary>
    public sealed class Replacement : IDisposable
    {
        private readonly string? _temp;
        private readonly string? _destination;
        private readonly bool _keepMode;
        private bool _committed;

        internal Replacement(FileStream stream, string? temp, string? destination, bool keepMode)
        {
            Stream = stream;
            _temp = temp;
            _destination = destination;
            _keepMode = keepMode;
        }

        /// <summary>Where the new contents go.</summary>
        public FileStream Stream { get; }

        /// <summary>Puts the new contents in place (a rename over the old file); the old file is gone then.</summary>
        /// <exception cref="IOException">The rename failed; the old file is as it was and no temporary file is left.</exception>
        public void Commit()
        {
            Stream.Flush(flushToDisk: false);
            Stream.Dispose();
            if (_temp is null)
            {
                _committed = true;
                return;
            }

            try
            {
                if (_keepMode && !OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(_temp, File.GetUnixFileMode(_destination!));
                }

                File.Move(_temp, _destination!, overwrite: true);
                _committed = true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                File.Delete(_temp);
                throw;
            }
        }

        /// <summary>Closes the stream; without a commit, deletes the temporary file and leaves the old one.</summary>
        public void Dispose()
        {
            try
            {
                Stream.Dispose();
            }
            catch (IOException) when (!_committed)
            {
                // The bytes that would not go (a full disk) were already reported by Commit, or the run was cut short.
            }

            if (!_committed && _temp is not null)
            {
                try
                {
                    File.Delete(_temp);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Left for the next run to clean.
                }
            }
        }
    }
}
