using System.Runtime.InteropServices;

namespace Attribution.Cli;

/// <summary>What fcntl(2) says about the process's standard descriptors on Linux and macOS.</summary>
internal static class Descriptors
{
    private const int GetDescriptorFlags = 1; // F_GETFD
    private const int GetStatusFlags = 3; // F_GETFL
    private const int CloseOnExec = 1; // FD_CLOEXEC

    private static bool IsUnix => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>
    /// False when <paramref name="descriptor"/> is non-blocking (some parents leave a pipe they share so), and
    /// when that cannot be told.
    /// </summary>
    public static bool IsBlocking(int descriptor)
    {
        var nonBlocking = OperatingSystem.IsMacOS() ? 0x4 : 0x800; // O_NONBLOCK
        var flags = IsUnix ? Flags(descriptor, GetStatusFlags) : -1;
        return flags >= 0 && (flags & nonBlocking) == 0;
    }

    /// <summary>
    /// True when <paramref name="descriptor"/> is not one the process was started with: closed, or closed at
    /// start (`attribution check - &lt;&amp;-`) and taken since by a file the runtime opened for itself, as the
    /// compiled tool opens /dev/urandom. A descriptor inherited across exec never closes on exec; the
    /// runtime's own files always do. False where this cannot be told.
    /// </summary>
    public static bool IsNotInherited(int descriptor)
    {
        if (!IsUnix)
        {
            return false;
        }

        var flags = Flags(descriptor, GetDescriptorFlags);
        return flags == -1 || (flags >= 0 && (flags & CloseOnExec) != 0);
    }

    // -1 for a closed descriptor, -2 when fcntl cannot be called here.
    private static int Flags(int descriptor, int command)
    {
        try
        {
            return Fcntl(descriptor, command);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return -2;
        }
    }

    [DllImport("libc", EntryPoint = "fcntl")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Fcntl(int descriptor, int command);
}
