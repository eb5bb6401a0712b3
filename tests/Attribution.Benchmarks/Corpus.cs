using System.Text.Json;

namespace Attribution.Benchmarks;

/// <summary>The shared news corpus, read at run time from ../shared/corpus (never copied into the repository).</summary>
internal static class Corpus
{
    public static string? Directory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Attribution.sln")))
            {
                dir = dir.Parent;
            }

            var corpus = dir is null ? null : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus"));
            return corpus is not null && System.IO.Directory.Exists(corpus) ? corpus : null;
        }
    }

    /// <summary>Every article text of the corpus files, or an empty list (with a message) when absent.</summary>
    public static List<string> LoadTexts()
    {
        var texts = new List<string>();
        if (Directory is not { } dir)
        {
            Console.Error.WriteLine("../shared/corpus is absent: the corpus benchmarks have nothing to measure.");
            return texts;
        }

        foreach (var file in System.IO.Directory.GetFiles(dir, "*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length == 0)
                {
                    continue;
                }

                using var json = JsonDocument.Parse(line);
                texts.Add(json.RootElement.GetProperty("text").GetString() ?? "");
            }
        }

        return texts;
    }
}
