using System.Diagnostics;

namespace Attribution.Tests.Output;

/// <summary>Headless Chromium for the tests that look at a page as a reader's browser renders it.</summary>
internal static class Chromium
{
    /// <summary>The browser's path (<c>CHROMIUM</c>, else the usual places), or null when it is not installed.</summary>
    public static string? Find()
    {
        string[] candidates = [Environment.GetEnvironmentVariable("CHROMIUM") ?? "", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
        return candidates.FirstOrDefault(c => c.Length > 0 && File.Exists(c));
    }

    /// <summary>Runs the browser headless with a profile under <paramref name="root"/> and returns what it printed.</summary>
    public static string Run(string chromium, string root, params string[] args)
    {
        var info = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", $"--user-data-dir={Path.Combine(root, "profile")}"])
        {
            info.ArgumentList.Add(a);
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("Chromium did not finish within 120 s");
        }

        Assert.True(process.ExitCode == 0, $"Chromium failed ({process.ExitCode}): {stderr.Result}");
        return stdout;
    }
}
