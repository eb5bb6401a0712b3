namespace Attribution.Tests;

/// <summary>
/// What a test needs from its surroundings. A test that cannot run reports Skipped with the reason, never
/// Passed; in CI (<c>CI=true</c>) the environment must be complete, so a missing dependency fails there.
/// </summary>
internal static class Requires
{
    /// <summary>True when the run is CI's (<c>CI</c> set to <c>true</c> or <c>1</c>).</summary>
    public static bool InContinuousIntegration =>
        Environment.GetEnvironmentVariable("CI") is { } ci && (ci == "1" || ci.Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Skips the test with <paramref name="reason"/> unless <paramref name="present"/>; in CI fails instead,
    /// since CI installs everything the tests need.
    /// </summary>
    public static void Dependency(bool present, string reason)
    {
        if (present)
        {
            return;
        }

        Assert.False(InContinuousIntegration, $"{reason}, and CI must have it");
        throw new SkipException(reason);
    }

    /// <summary>The folder <paramref name="relative"/> of ../shared, or a skip (a failure in CI) when it is absent.</summary>
    public static string SharedFolder(string relative)
    {
        var folder = TestPack.SharedDirectory is { } shared ? Path.Combine(shared, relative) : null;
        Dependency(folder is not null && Directory.Exists(folder), $"../shared/{relative} is not present");
        return folder!;
    }

    /// <summary>Skips on an operating system that lacks what the test exercises (<paramref name="why"/>).</summary>
    public static void Platform(bool supported, string why) => Skip.IfNot(supported, why);
}
