namespace Attribution.Tests;

/// <summary>A scratch folder for one test class, deleted with it.</summary>
internal sealed class TempFolder(string prefix) : IDisposable
{
    /// <summary>The folder's full path.</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>Writes UTF-8 text to a path relative to <see cref="Root"/>, creating folders; returns the full path.</summary>
    public string Write(string relative, string text)
    {
        var path = Prepare(relative);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes raw bytes to a path relative to <see cref="Root"/>, creating folders; returns the full path.</summary>
    public string WriteBytes(string relative, byte[] bytes)
    {
        var path = Prepare(relative);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private string Prepare(string relative)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
