namespace Attribution.Analysis;

/// <summary>Symbolic links, followed to what a path finally names.</summary>
internal static class Links
{
    /// <summary>
    /// What <paramref name="info"/> finally names: itself when it is no link (whether or not it exists), the
    /// existing file or folder at the end of its links, or null when they lead to nothing, to something that is
    /// not a path (<c>/dev/stdout</c> to <c>pipe:[…]</c>), or loop.
    /// </summary>
    public static FileSystemInfo? Final(FileSystemInfo info)
    {
        try
        {
            return info.LinkTarget is null ? info
                : info.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true } final ? final : null;
        }
        catch (IOException)
        {
            return null; // a loop of links
        }
    }
}
