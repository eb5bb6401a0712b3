using System.Globalization;
using System.Text;
using Attribution.Analysis;
using Attribution.Analysis.Configuration;
using Attribution.Inputs;
using Attribution.Reporting;

namespace Attribution.Cli;

/// <summary>
/// <c>attribution fix</c>: applies the fixes of active findings to story files. A file whose fixes
/// overlap is not touched (and said so); files are replaced atomically (temp file + rename);
/// <c>--dry-run</c> prints a unified diff instead; <c>--check</c> writes nothing and exits 1 when a fix is pending,
/// as <c>prettier --check</c> and <c>dotnet format --verify-no-changes</c> do.
/// </summary>
internal static class Fixer
{
    public static int Run(Analyzer analyzer, ConfigurationResolver configuration, InputReader reader, string[] paths, bool dryRun, TextWriter output, TextWriter error, bool check = false)
    {
        var writes = !dryRun && !check;
        var code = ExitCodes.Clean;
        var fixedFiles = 0;
        var edits = 0;
        foreach (var input in reader.Read(paths))
        {
            if (input.Text is null)
            {
                error.WriteLine($"attribution: {DisplayName.Of(input.Path)}: {input.Error}");
                code = ExitCodes.UsageOrInput;
                continue;
            }

            if (input.ConfigPath != input.Path || !File.Exists(input.Path))
            {
                error.WriteLine($"attribution: {DisplayName.Of(input.Path)}: only story files can be fixed in place (not archive records or standard input)");
                continue;
            }

            var analysis = analyzer.Analyze(input.Text, configuration.Resolve(input.ConfigPath));
            foreach (var failure in analysis.RuleFailures)
            {
                // Its fixes are not applied to this story; the other rules' are.
                error.WriteLine(CheckRun.Describe(failure, CheckRun.Where(input, failure)));
                code = ExitCodes.RuleOrConfig;
            }

            // Edits apply to the file as written: the Markdown with its markup, the HTML with its tags. Words
            // that did not come from the file unchanged (a character reference inside them) are left alone.
            var source = input.Text;
            var chosen = analysis.Diagnostics
                .Where(d => d.IsActive && d.Fix is not null && (source.Map is null || source.Map.IsVerbatim(d.Fix.Span)))
                .Select(d => d.Fix! with { Span = source.ToOriginal(d.Fix!.Span) })
                .Distinct()
                .OrderBy(f => f.Span.Start)
                .ToList();
            if (chosen.Count == 0)
            {
                continue;
            }

            // Overlapping fixes cannot both be right: the file is left alone and the user told why.
            if (chosen.Zip(chosen.Skip(1)).FirstOrDefault(pair => pair.First.Span.End > pair.Second.Span.Start) is ({ } first, { } second))
            {
                error.WriteLine($"attribution: {DisplayName.Of(input.Path)}: fixes at {first.Span} and {second.Span} overlap; the file was not changed");
                code = ExitCodes.ErrorDiagnostics;
                continue;
            }

            var original = source.Original;
            var sb = new StringBuilder(original.Length);
            var at = 0;
            foreach (var edit in chosen)
            {
                sb.Append(original, at, edit.Span.Start - at).Append(edit.NewText);
                at = edit.Span.End;
            }

            sb.Append(original, at, original.Length - at);
            var updated = sb.ToString();
            if (dryRun)
            {
                output.Write(UnifiedDiff(input.Path, original, updated));
            }
            else if (check)
            {
                output.WriteLine($"{DisplayName.Of(input.Path)}: {chosen.Count} fix(es) pending");
            }

            if (writes)
            {
                try
                {
                    WriteAtomically(input.Path, updated, EncodingOf(input.Path));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // A read-only file or folder, a full disk: this story keeps its text and the others are still fixed.
                    error.WriteLine($"attribution: {DisplayName.Of(input.Path)}: the fixes could not be written: {ex.Message}");
                    code = ExitCodes.UsageOrInput;
                    continue;
                }
            }

            fixedFiles++;
            edits += chosen.Count;
        }

        error.WriteLine(writes
            ? $"attribution: applied {edits} fix(es) in {fixedFiles} file(s)"
            : $"attribution: {edits} fix(es) in {fixedFiles} file(s) would be applied ({(check ? "check" : "dry run")}; nothing was written)");
        return check && fixedFiles > 0 && code == ExitCodes.Clean ? ExitCodes.ErrorDiagnostics : code;
    }

    // The encoding the story was read in, by its byte-order mark (the reader's rule: UTF-16 and UTF-32 carry one,
    // UTF-8 may), so the fixed file is written back as it was: same encoding, same mark or none.
    internal static Encoding EncodingOf(string path)
    {
        Span<byte> head = stackalloc byte[4];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        return head[..read] switch
        {
            [0xFF, 0xFE, 0, 0, ..] => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
            [0, 0, 0xFE, 0xFF, ..] => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
            [0xFF, 0xFE, ..] => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            [0xFE, 0xFF, ..] => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            [0xEF, 0xBB, 0xBF, ..] => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
    }

    // Readers never see half a story; a linked story is fixed where it lives, and keeps its permissions and its
    // encoding. Line breaks are the file's own: the edits replace words only.
    private static void WriteAtomically(string path, string text, Encoding encoding) =>
        FileReplacer.Replace(path, stream =>
        {
            stream.Write(encoding.Preamble);
            stream.Write(encoding.GetBytes(text));
        });

    /// <summary>A unified diff of two versions of a file whose edits never add or remove lines.</summary>
    internal static string UnifiedDiff(string path, string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var sb = new StringBuilder();
        sb.Append("--- a/").Append(path).Append('\n').Append("+++ b/").Append(path).Append('\n');
        var changed = Enumerable.Range(0, Math.Min(a.Length, b.Length)).Where(i => a[i] != b[i]).ToList();
        var k = 0;
        while (k < changed.Count)
        {
            var start = Math.Max(0, changed[k] - 3);
            var end = Math.Min(a.Length - 1, changed[k] + 3);
            var next = k + 1;
            while (next < changed.Count && changed[next] - 3 <= end + 1)
            {
                end = Math.Min(a.Length - 1, changed[next] + 3);
                next++;
            }

            sb.Append(CultureInfo.InvariantCulture, $"@@ -{start + 1},{end - start + 1} +{start + 1},{end - start + 1} @@\n");
            for (var i = start; i <= end; i++)
            {
                if (a[i] == b[i])
                {
                    sb.Append(' ').Append(a[i]).Append('\n');
                }
                else
                {
                    sb.Append('-').Append(a[i]).Append('\n').Append('+').Append(b[i]).Append('\n');
                }
            }

            k = next;
        }

        return sb.ToString();
    }
}
