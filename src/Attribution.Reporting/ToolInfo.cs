using System.Reflection;

namespace Attribution.Reporting;

/// <summary>The tool's name and version as reports print them.</summary>
public static class ToolInfo
{
    /// <summary>The command name.</summary>
    public const string Name = "attribution";

    /// <summary>The version without build metadata ("0.1.0").</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var v = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = v.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? v : v[..plus];
    }
}
