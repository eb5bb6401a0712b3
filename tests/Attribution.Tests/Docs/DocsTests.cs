using System.Text.RegularExpressions;
using Attribution.Tests.Cli;

namespace Attribution.Tests.Docs;

/// <summary>
/// The README and the docs say what the tool does today: the README stays short, its sample output is
/// what `check samples/` prints, and every link in the docs leads to a file that exists.
/// </summary>
public sealed partial class DocsTests
{
    private static string Root => TestPack.RepositoryRoot;

    [Fact]
    public void The_readme_is_at_most_250_lines_and_starts_with_the_two_commands()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md"));

        Assert.True(lines.Length <= 250, $"README.md has {lines.Length} lines; move reference material into docs/");
        var firstBlock = string.Join('\n', lines.SkipWhile(l => l != "```sh").Skip(1).TakeWhile(l => l != "```"));
        Assert.Equal("dotnet run --project src/Attribution.Cli -- check samples/\ndotnet test Attribution.sln", firstBlock);
    }

    [Fact]
    public void The_sample_output_in_the_readme_is_what_check_prints_on_the_samples()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var shown = TextBlock().Match(readme).Groups[1].Value.Split('\n').Where(l => l != "…").ToList();
        Assert.NotEmpty(shown);

        var (code, stdout, _) = CliRunner.Run("check", Path.Combine(Root, "samples"));
        Assert.Equal(0, code);
        var printed = stdout.Replace(Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal).Replace('\\', '/').Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        // Each line shown is printed, and in the same order.
        var at = 0;
        foreach (var line in shown)
        {
            var found = printed.IndexOf(line, at);
            Assert.True(found >= 0, $"the README shows a line that `check samples/` does not print (in this order):\n{line}");
            at = found + 1;
        }
    }

    [Fact]
    public void Every_relative_link_in_the_readme_and_docs_leads_to_a_file()
    {
        var pages = Directory.GetFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories).Append(Path.Combine(Root, "README.md"));
        var broken = new List<string>();
        foreach (var page in pages)
        {
            foreach (Match link in MarkdownLink().Matches(File.ReadAllText(page)))
            {
                var target = link.Groups[1].Value.Split('#')[0];
                if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal))
                {
                    continue;
                }

                var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, target));
                if (!File.Exists(path) && !Directory.Exists(path))
                {
                    broken.Add($"{Path.GetRelativePath(Root, page)}: {link.Value}");
                }
            }
        }

        Assert.True(broken.Count == 0, string.Join('\n', broken));
    }

    [Fact]
    public void The_readme_links_every_docs_page()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var pages = Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Select(p => "docs/" + Path.GetFileName(p));

        Assert.All(pages, page => Assert.Contains($"]({page})", readme, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"```text\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex TextBlock();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
