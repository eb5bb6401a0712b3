using System.Diagnostics;
using System.Text.Json;
using Attribution.Inputs;

namespace Attribution.Tests.Cli;

/// <summary>
/// The files a run rewrites (`fix`'s stories, `--write-baseline`, `rules catalog -o`) are replaced the way an
/// editor saves: a link stays a link and its file gets the text, a file keeps its permissions, and a device or a
/// named pipe is written through, never swapped for a plain file.
/// </summary>
public sealed class FileReplacementTests : IDisposable
{
    private const string Claimed = "The mayor claimed the bridge was safe.\n";
    private const string Said = "The mayor said the bridge was safe.\n";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly TempFolder _temp = new("attribution-replace-");

    public void Dispose() => _temp.Dispose();

    [SkippableFact]
    public void A_story_reached_through_a_link_is_fixed_where_it_lives()
    {
        var (story, link) = LinkedStory();

        var (code, _, stderr) = CliRunner.Run("fix", link);

        Assert.True(code == 0, stderr);
        Assert.Equal(story, new FileInfo(link).LinkTarget);
        Assert.Equal(Said, File.ReadAllText(story));
        Assert.Equal(["story.txt"], Directory.GetFiles(Path.GetDirectoryName(story)!).Select(Path.GetFileName));
        Assert.Equal(["story.txt"], Directory.GetFiles(Path.GetDirectoryName(link)!).Select(Path.GetFileName));
    }

    [SkippableFact]
    public void A_fixed_story_keeps_its_permissions()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new SkipException("no Unix modes there"); // thrown here, not by a helper, so the platform analyzer sees the guard
        }

        var story = _temp.Write("story.txt", Claimed);
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;
        File.SetUnixFileMode(story, mode);

        var (code, _, stderr) = CliRunner.Run("fix", story);

        Assert.True(code == 0, stderr);
        Assert.Equal(Said, File.ReadAllText(story));
        Assert.Equal(mode, File.GetUnixFileMode(story));
    }

    [SkippableFact]
    public void A_baseline_reached_through_a_link_is_written_where_it_lives()
    {
        var story = _temp.Write("story.txt", Claimed);
        var shared = _temp.Write("team/baseline.json", "{\"version\": 1, \"fingerprints\": []}\n");
        var link = Path.Combine(_temp.Root, "baseline.json");
        Link(link, shared);

        var (code, _, stderr) = CliRunner.Run("check", "--write-baseline", link, story);

        Assert.True(code is 0 or 1, stderr);
        Assert.Equal(shared, new FileInfo(link).LinkTarget);
        using var json = JsonDocument.Parse(File.ReadAllText(shared));
        Assert.NotEmpty(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal(["baseline.json"], Directory.GetFiles(Path.GetDirectoryName(shared)!).Select(Path.GetFileName));
    }

    [SkippableFact]
    public void An_empty_baseline_file_is_filled_in_place()
    {
        var story = _temp.Write("story.txt", Claimed);
        var baseline = _temp.Write("baseline.json", "");

        var (code, _, stderr) = CliRunner.Run("check", "--write-baseline", baseline, story);

        Assert.True(code is 0 or 1, stderr);
        using var json = JsonDocument.Parse(File.ReadAllText(baseline));
        Assert.Equal(2, json.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(["baseline.json", "story.txt"], Directory.GetFiles(_temp.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task A_baseline_written_to_a_named_pipe_goes_through_it()
    {
        Requires.Platform(!OperatingSystem.IsWindows(), "no named pipes in the file system there");

        var story = _temp.Write("story.txt", Claimed);
        var pipe = Path.Combine(_temp.Root, "baseline.fifo");
        MakeFifo(pipe);

        // A reader at the other end, as `cat baseline.fifo | jq` would be.
        var reader = Task.Run(() => File.ReadAllText(pipe));
        var (code, _, stderr) = await Task.Run(() => CliRunner.Run("check", "--write-baseline", pipe, story));
        var finished = await Task.WhenAny(reader, Task.Delay(Bound)) == reader;
        if (!finished)
        {
            // The old pipe was renamed away: give the reader stuck in open() a writer so the test host is not left hanging.
            using var writer = new FileStream(pipe, FileMode.Open, FileAccess.Write);
        }

        Assert.True(code is 0 or 1, stderr);
        Assert.True(finished, "the baseline never reached the pipe's reader");
        using var json = JsonDocument.Parse(await reader);
        Assert.NotEmpty(json.RootElement.GetProperty("findings").EnumerateArray());

        // Still a pipe: a plain file in its place would hold the baseline's bytes.
        Assert.Equal(0, new FileInfo(pipe).Length);
        Assert.Equal(["baseline.fifo", "story.txt"], Directory.GetFiles(_temp.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public void The_size_of_a_linked_story_is_the_size_of_its_file()
    {
        var (story, link) = LinkedStory();

        Assert.Equal(Claimed.Length, InputReader.EstimateSize([link]));
        Assert.Equal(Claimed.Length, InputReader.EstimateSize([Path.GetDirectoryName(link)!]));
    }

    [SkippableTheory]
    [InlineData("check", "-o", "story.txt", false)]
    [InlineData("check", "-o", "story.txt", true)]
    [InlineData("report", "-o", "story.txt", false)]
    [InlineData("check", "--write-baseline", "story.txt", false)]
    [InlineData("check", "-o", "alias.txt", false)]
    public void An_output_that_would_overwrite_an_input_is_refused(string command, string option, string output, bool folder)
    {
        // `check story.txt -o story.txt` emptied the story before reading it, then blamed "another process".
        var story = _temp.Write("desk/story.txt", Claimed);
        var desk = Path.GetDirectoryName(story)!;
        var target = Path.Combine(desk, output);
        if (output == "alias.txt")
        {
            Link(target, story);
        }

        var input = folder ? desk : story;
        var (code, stdout, stderr) = CliRunner.Run(command, input, option, target);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        var what = option == "-o" ? "report" : "baseline";
        var why = folder ? $"it would be read as a story in {desk}" : $"it is the input {story}";
        Assert.Equal($"attribution: will not write the {what} to {target}: {why}; nothing was written" + Environment.NewLine, stderr);
        Assert.Equal(Claimed, File.ReadAllText(story));
    }

    [SkippableTheory]
    [InlineData("check")]
    [InlineData("report")]
    public void A_report_named_as_a_folder_says_so(string command)
    {
        var story = _temp.Write("story.txt", Claimed);
        var folder = Directory.CreateDirectory(Path.Combine(_temp.Root, "reports")).FullName;

        var (code, _, stderr) = CliRunner.Run(command, story, "-o", folder);

        Assert.Equal(2, code);
        Assert.Equal($"attribution: cannot write the report: {folder} is a folder; name a file in it" + Environment.NewLine, stderr);
    }

    [SkippableFact]
    public void An_output_beside_the_stories_that_is_not_read_is_written()
    {
        var story = _temp.Write("desk/story.txt", Claimed);
        var report = Path.Combine(_temp.Root, "desk", "report.json");

        var (code, _, stderr) = CliRunner.Run("check", "--format", "json", Path.GetDirectoryName(story)!, "-o", report);

        Assert.True(code is 0 or 1, stderr);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Single(json.RootElement.GetProperty("documents").EnumerateArray());
    }

    // archive/story.txt, and desk/story.txt linked to it; null where links cannot be made.
    private (string Story, string Link) LinkedStory()
    {
        var story = _temp.Write("archive/story.txt", Claimed);
        var link = Path.Combine(_temp.Root, "desk", "story.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        Link(link, story);
        return (story, link);
    }

    // Skips the test where the file system cannot make links: there is nothing to test.
    private static void Link(string link, string target)
    {
        try
        {
            File.CreateSymbolicLink(link, target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            throw new SkipException($"the file system cannot make links here: {ex.Message}");
        }
    }

    internal static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
