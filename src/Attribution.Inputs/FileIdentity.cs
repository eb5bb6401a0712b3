using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Attribution.Inputs;

/// <summary>
/// What a path finally names on disk: its device and inode (stat(2), which follows every link, in the folders
/// of the path too). Two paths name one file when their identities are equal, however they are spelt: a hard
/// link, a link to a folder on the way (<c>here/story.txt</c> with <c>here → .</c>), <c>/proc/self/cwd/…</c>.
/// </summary>
/// <param name="Device">The device the file is on.</param>
/// <param name="Inode">The file's number on the device.</param>
public readonly record struct FileIdentity(ulong Device, ulong Inode)
{
    // struct stat is at most 144 bytes on Linux (x64 and arm64) and macOS; room to spare.
    private const int StatSize = 256;

    /// <summary>
    /// The identity of the file at <paramref name="path"/>, or null when there is none (no such file) or it
    /// cannot be told (Windows, or a C library without stat), where callers fall back on comparing full paths.
    /// </summary>
    public static FileIdentity? Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return null;
        }

        var buffer = new byte[StatSize];
        int result;
        try
        {
            result = Stat(path, buffer);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            try
            {
                // glibc before 2.33 exports stat only as __xstat(version 1 on x86-64 and arm64).
                result = XStat(1, path, buffer);
            }
            catch (Exception inner) when (inner is EntryPointNotFoundException or DllNotFoundException)
            {
                return null;
            }
        }

        if (result != 0)
        {
            return null;
        }

        // Linux (x64, arm64): dev_t st_dev (8 bytes) then ino_t st_ino (8). macOS: dev_t st_dev (4), mode and
        // nlink (2 + 2), then ino_t st_ino (8).
        return OperatingSystem.IsMacOS()
            ? new FileIdentity(BinaryPrimitives.ReadUInt32LittleEndian(buffer), BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(8)))
            : new FileIdentity(BinaryPrimitives.ReadUInt64LittleEndian(buffer), BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(8)));
    }

    [DllImport("libc", EntryPoint = "stat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] buffer);

    [DllImport("libc", EntryPoint = "__xstat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int XStat(int version, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] buffer);
}
