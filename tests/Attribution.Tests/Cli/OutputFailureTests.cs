using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Attribution.Cli;

namespace Attribution.Tests.Cli;

/// <summary>
/// When the output cannot be written (a full disk, a closed descriptor, a reader that went away) the run stops
/// with a message and exit code 2: no stack trace, no hour spent analysing an archive nobody reads.
/// </summary>
public sealed class OutputFailureTests : IDisposable
{
    private readonly TempFolder _temp = new("attribution-output-");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("check", "json")]
    [InlineData("check", "text")]
    [InlineData("check", "sarif")]
    [InlineData("report", "csv")]
    [InlineData("report", "json")]
    public void A_full_disk_is_one_clear_message_and_the_run_stops_reading(string command, string format)
    {
        var archive = Archive(20_000);
        using var stdin = new ReadCounter(archive);
        using var stdout = new FailingStream(failAfter: 8192, () => new IOException("No space left on device"));
        using var stderr = new StringWriter();

        var code = CliApp.Run([command, "--format", format, "--input-format", "jsonl", "--no-progress", "-"], new CliConsole(stdout, stderr, () => stdin, IsTerminal: false));

        Assert.Equal(2, code);
        Assert.Equal("attribution: cannot write the output: No space left on device" + Environment.NewLine, stderr.ToString());

        // The loop stops at the first failed write and the parallel readers with it: most of the archive is never read.
        Assert.True(stdin.Consumed < archive.Length / 2, $"read {stdin.Consumed:N0} of {archive.Length:N0} bytes after the output failed");
    }

    [SkippableFact]
    public void The_output_file_on_a_full_disk_is_a_clear_message()
    {
        Requires.Platform(File.Exists("/dev/full"), "Linux only: the device that is always full");

        var story = _temp.Write("story.txt", Story(1));
        var (code, stdout, stderr) = CliRunner.Run("check", "--format", "json", "-o", "/dev/full", story);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("attribution: cannot write the output: No space left on device", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_that_cannot_be_written_is_a_clear_message()
    {
        var story = _temp.Write("story.txt", Story(1));
        var baseline = Path.Combine(_temp.Root, "no-such-folder", "baseline.json");
        var (code, _, stderr) = CliRunner.Run("check", "--write-baseline", baseline, story);

        Assert.Equal(2, code);
        Assert.StartsWith("attribution: cannot write the baseline: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_story_whose_fix_cannot_be_written_is_named_and_the_others_are_fixed()
    {
        var locked = _temp.Write("locked/story.txt", "The mayor claimed the bridge was safe.\n");
        var open = _temp.Write("open/story.txt", "The mayor claimed the bridge was safe.\n");
        var folder = Path.GetDirectoryName(locked)!;
        Requires.Platform(Lock(folder, true), "neither permissions nor an immutable folder can stop this user writing here");

        try
        {
            var (code, _, stderr) = CliRunner.Run("fix", folder, Path.GetDirectoryName(open)!);

            Assert.Equal(2, code);
            Assert.Contains($"attribution: {locked}: the fixes could not be written: ", stderr, StringComparison.Ordinal);
            Assert.Contains("applied 1 fix(es) in 1 file(s)", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Lock(folder, false);
        }

        Assert.Equal("The mayor claimed the bridge was safe.\n", File.ReadAllText(locked));
        Assert.Equal("The mayor said the bridge was safe.\n", File.ReadAllText(open));
        Assert.Equal(["story.txt"], Directory.GetFiles(Path.GetDirectoryName(locked)!).Select(Path.GetFileName));
    }

    // A folder no file can be created in: read-only for an ordinary user, immutable (chattr) for root.
    private static bool Lock(string folder, bool locked)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        if (Environment.UserName != "root")
        {
            File.SetUnixFileMode(folder, locked ? UnixFileMode.UserRead | UnixFileMode.UserExecute : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return true;
        }

        try
        {
            using var chattr = Process.Start(new ProcessStartInfo("chattr", [locked ? "+i" : "-i", folder]) { RedirectStandardError = true })!;
            chattr.WaitForExit();
            return chattr.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no chattr here
        }
    }

    [Fact]
    public void A_reader_that_stopped_reading_ends_the_run_without_a_word()
    {
        // EPIPE, as Linux and macOS report it: `attribution check … | head` after head has exited.
        using var stdout = new FailingStream(failAfter: 8192, () => new IOException("Broken pipe", 32));
        using var stderr = new StringWriter();
        using var stdin = new ReadCounter(Archive(5_000));

        var code = CliApp.Run(["check", "--format", "json", "--input-format", "jsonl", "-"], new CliConsole(stdout, stderr, () => stdin, IsTerminal: false));

        Assert.Equal(2, code);
        Assert.Equal(OperatingSystem.IsWindows() ? "attribution: cannot write the output: Broken pipe" + Environment.NewLine : "", stderr.ToString());
    }

    [SkippableFact]
    public void A_closed_pipe_stops_the_real_process()
    {
        Requires.Platform(!OperatingSystem.IsWindows(), "The console stream of Windows drops writes to a closed pipe; only Unix's descriptor is tested");

        var archive = _temp.WriteBytes("archive.jsonl", Archive(60_000));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "attribution.dll"), "check", "--format", "json", "--threads", "1", archive })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var head = new byte[64];
        process.StandardOutput.BaseStream.ReadExactly(head);
        process.StandardOutput.Close();
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "the run went on after its reader closed the pipe");

        Assert.StartsWith("{", Encoding.UTF8.GetString(head), StringComparison.Ordinal);
        Assert.Equal("", stderr);
        Assert.Equal(2, process.ExitCode); // 0 would mean every story was analysed into a closed pipe
    }

    [SkippableFact]
    public void A_pipe_left_non_blocking_still_gets_the_whole_report()
    {
        Requires.Platform(!OperatingSystem.IsWindows(), "a non-blocking pipe shared with a parent is a Unix descriptor's state");

        // A parent that shares a non-blocking pipe: writes to a full pipe must wait, not fail with EAGAIN.
        // python3 makes the pipe, fills it slowly as a reader, and prints the exit code and the bytes read.
        const string Script = """
            import fcntl, os, subprocess, sys, time
            r, w = os.pipe()
            fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)
            p = subprocess.Popen(sys.argv[1:], stdout=w, stderr=subprocess.DEVNULL)
            os.close(w)
            time.sleep(1)
            n = 0
            with os.fdopen(r, "rb") as f:
                while chunk := f.read(65536):
                    n += len(chunk)
            print(p.wait(), n)
            """;
        var archive = _temp.WriteBytes("archive.jsonl", Archive(3_000));
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true };
        foreach (var arg in new[] { "-c", Script, "dotnet", Path.Combine(AppContext.BaseDirectory, "attribution.dll"), "check", "--format", "json", archive })
        {
            start.ArgumentList.Add(arg);
        }

        Process python;
        try
        {
            python = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Requires.Dependency(false, "python3 is not installed");
            throw;
        }

        using (python)
        {
            var result = python.StandardOutput.ReadToEnd().Split(' ', StringSplitOptions.TrimEntries);
            python.WaitForExit();
            Assert.Equal("0", result[0]);
            Assert.True(long.Parse(result[1], System.Globalization.CultureInfo.InvariantCulture) > 1 << 20, $"only {result[1]} bytes came through");
        }
    }

    [Fact]
    public void Output_that_is_written_whole_is_untouched()
    {
        var archive = Archive(300);
        using var stdin = new ReadCounter(archive);
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();

        var code = CliApp.Run(["check", "--format", "json", "--input-format", "jsonl", "-"], new CliConsole(stdout, stderr, () => stdin, IsTerminal: false));

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout.ToArray());
        Assert.Equal(300, json.RootElement.GetProperty("documents").GetArrayLength());
    }

    // Two warnings a story (an anonymous source without a reason, 'claimed'), so every format writes as it goes.
    private static string Story(int n) =>
        $"\"We will reopen the bridge by May {n % 28 + 1},\" Mayor Ana Ruiz said on Tuesday. \"The work on span {n} is late,\" an official said. Ruiz claimed the delay was minor.";

    private static byte[] Archive(int stories)
    {
        var lines = new StringBuilder();
        for (var i = 0; i < stories; i++)
        {
            lines.Append(JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = $"s{i}", ["text"] = Story(i) })).Append('\n');
        }

        return Encoding.UTF8.GetBytes(lines.ToString());
    }

    /// <summary>Standard input that remembers how far it was read.</summary>
    private sealed class ReadCounter(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public long Consumed { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Count(base.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(base.Read(buffer));

        private int Count(int read)
        {
            Consumed += read;
            return read;
        }
    }

    /// <summary>Standard output that takes <c>failAfter</c> bytes and then fails every write.</summary>
    private sealed class FailingStream(int failAfter, Func<IOException> failure) : MemoryStream
    {
        // MemoryStream's span and byte overloads of a derived type come back to this one.
        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length + count > failAfter)
            {
                throw failure();
            }

            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public override void WriteByte(byte value) => Write([value], 0, 1);
    }
}
