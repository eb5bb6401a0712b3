using Attribution.Text;
using System.Globalization;
using System.Text;

namespace Attribution.Analysis.Rules;

/// <summary>The rule catalog (<c>docs/rules/README.md</c>), generated from the rule files so it is never stale.</summary>
public static class RuleCatalog
{
    /// <summary>The catalog of every rule in <paramref name="pack"/>, as Markdown.</summary>
    public static string Generate(RulePack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var sb = new StringBuilder();
        sb.Append("# Rule catalog\n\n");
        sb.Append("Generated from the rule files by `attribution rules catalog`; a test fails when this page is stale.\n");
        sb.Append("Severities are the defaults; `.editorconfig` changes them (`attribution_diagnostic.<ID>.severity`).\n\n");
        sb.Append("| ID | Title | Category | Default severity | Scope | Fix |\n|---|---|---|---|---|---|\n");
        sb.Append("| [AT0001](AT0001.md) | Rule or configuration file invalid | Engine | error | load | no |\n");
        sb.Append("| [AT0002](AT0002.md) | Suppression comment or configuration key names no rule | Engine | warning | load, comment | no |\n");
        foreach (var rule in pack.Diagnostics)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| [{rule.Id}]({rule.Id}.md) | {rule.Title} | {rule.Category} | {rule.DefaultSeverity.ToString().ToLowerInvariant()} | {rule.Scope.ToString().ToLowerInvariant()} | {(rule.Fix is null ? "no" : "yes")} |\n");
        }

        // The word lists, from their one declaration (WordLists): key, file, size and what each is for.
        sb.Append("\n## Word lists\n\n");
        sb.Append("Every word list the parser and the binder read, in `rules/lexicon/` (see [rules.md](../rules.md#lexicons-and-classification)). ");
        sb.Append("Any lexicon file may add to any list; cue verbs (`verbs`), `titles` and `pronouns` have shapes of their own.\n\n");
        sb.Append("| List | File | Entries | What it is for |\n|---|---|---|---|\n");
        foreach (var list in WordLists.All)
        {
            var entries = pack.Lexicons.Parser.Entries(list).Count;
            sb.Append(CultureInfo.InvariantCulture, $"| `{list.Key}` | {list.File} | {entries} | {list.Description.Replace("|", "\\|", StringComparison.Ordinal)}{(list.CaseSensitive ? " Case counts." : "")} |\n");
        }

        return sb.ToString();
    }

    /// <summary>A plain description of a rule from its file, for rules without a doc page.</summary>
    public static string Describe(DiagnosticRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{rule.Id}: {rule.Title}\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"Category: {rule.Category}\nDefault severity: {rule.DefaultSeverity.ToString().ToLowerInvariant()}\nScope: {rule.Scope.ToString().ToLowerInvariant()}\n");
        if (rule.Standard.Length > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"Standard: {rule.Standard}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"Condition: {rule.When}\n");
        foreach (var example in rule.Examples)
        {
            sb.Append(example.Flagged ? "Flagged: " : "Clean: ").Append(TestMarkup.Parse(example.Text).Text).Append('\n');
        }

        return sb.ToString();
    }
}
