using System.Collections.Immutable;
using System.Text;
using Attribution.Analysis.Configuration;
using Attribution.Analysis.Rules;
using Attribution.Text;

namespace Attribution.Analysis;

/// <summary>
/// Runs the diagnostic rules over one analysed document: evaluates each enabled rule's compiled condition over
/// the facts <see cref="StoryFacts"/> built, renders messages, places spans and fixes, and records suppressions.
/// </summary>
internal sealed class DiagnosticEvaluator
{
    private readonly RulePack _pack;

    private readonly TimeSpan _ruleBudget;

    public DiagnosticEvaluator(RulePack pack, TimeSpan ruleBudget)
    {
        _pack = pack;
        _ruleBudget = ruleBudget;
    }

    /// <summary>
    /// Runs the enabled rules over the document. A rule whose expression throws is skipped for the rest of the
    /// document and named in <paramref name="failures"/>; the other rules still run.
    /// </summary>
    public ImmutableArray<Diagnostic> Evaluate(ParsedDocument doc, ImmutableArray<Source> sources, ImmutableArray<int> quoteSources, StoryFacts facts, EffectiveConfiguration config, out ImmutableArray<RuleFailure> failures, bool includeDisabled = false)
    {
        failures = [];
        var enabled = config.RulesToRun(_pack.Diagnostics, includeDisabled);
        if (enabled.Length == 0)
        {
            return [];
        }

        var text = doc.Source.Text;
        var quoteFacts = facts.Quotes;
        var article = facts.Article;
        // Suppression comments live in the file as written; a finding is covered when its place there is.
        var found = Suppressions.Find(doc.Source.Original, id => _pack.Find(id) is not null || id.Equals(LoadError.DiagnosticId, StringComparison.OrdinalIgnoreCase) || id.Equals(LoadError.UnknownNameId, StringComparison.OrdinalIgnoreCase), out var problems);
        Func<string, TextSpan, SuppressionRegion?> suppressions = (id, span) =>
        {
            if (found.Count == 0)
            {
                return null;
            }

            var original = doc.Source.ToOriginal(span);
            return found.FirstOrDefault(s => s.Covers(id, original));
        };
        var result = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var problem in problems)
        {
            result.Add(new Diagnostic(SuppressionProblemId, Severity.Warning, problem.Message, FromOriginal(doc.Source, problem.Span))
            {
                Category = "Engine",
                HelpUri = $"docs/rules/{SuppressionProblemId}.md",
                Fingerprint = Fingerprint(SuppressionProblemId, "", doc.Source.Original.AsSpan(problem.Span.Start, problem.Span.Length)),
            });
        }

        List<RuleFailure>? failed = null;
        foreach (var (rule, severity, options) in enabled)
        {
            var item = 0; // the quotation or source the rule is looking at, for its failure
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                switch (rule.Scope)
                {
                    case RuleScope.Quote:
                        for (item = 0; item < quoteFacts.Length; item++)
                        {
                            // A rule's time in one story is bounded: past the budget it is skipped for the rest of
                            // the story and reported, and the other rules and stories go on.
                            if ((item & 63) == 63 && System.Diagnostics.Stopwatch.GetElapsedTime(started) > _ruleBudget)
                            {
                                throw new RuleBudgetException(_ruleBudget);
                            }

                            if (rule.Predicate(quoteFacts[item], options))
                            {
                                var quote = doc.Quotations[item];
                                var span = rule.Target switch
                                {
                                    RuleTarget.Cue => quote.Cue ?? quote.Span,
                                    RuleTarget.Speaker => quote.Speaker ?? quote.Span,
                                    RuleTarget.Mark => new TextSpan(quote.Span.Start, quote.Span.Start + 1),
                                    _ => quote.Span,
                                };
                                // Fingerprints take the source's fullest description ("Mayor Ruth Okafor"), as they did
                                // before names lost their roles, so baselines written then still match.
                                var sourceName = quoteSources[item] >= 0 ? sources[quoteSources[item]].Facts.Description : "";
                                result.Add(Make(rule, severity, rule.RenderMessage(quoteFacts[item]), span, text, sourceName, suppressions) with
                                {
                                    Fix = rule.Fix is { } fix ? FixFor(fix, quote, text) : null,
                                });
                            }
                        }

                        break;
                    case RuleScope.Source:
                        for (item = 0; item < sources.Length; item++)
                        {
                            var source = sources[item];
                            if (rule.Predicate(source.Facts, options) && source.Mentions.Length > 0)
                            {
                                var head = source.Head.IsEmpty ? source.Mentions[0] : source.Head;
                                var span = rule.Target == RuleTarget.Reason && source.AnonymityReason is { } reason ? reason.Span : head;
                                result.Add(Make(rule, severity, rule.RenderMessage(source.Facts), span, text, source.Facts.Description, suppressions));
                            }
                        }

                        break;
                    default:
                        if (rule.Predicate(article, options))
                        {
                            result.Add(Make(rule, severity, rule.RenderMessage(article), ArticleSpan(doc), text, "", suppressions));
                        }

                        break;
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not InsufficientExecutionStackException)
            {
                // A newsroom rule's expression that a probe at load could not catch (it short-circuited there).
                (failed ??= []).Add(new RuleFailure(rule, FailedAt(rule.Scope, item, doc, sources), ex.Message));
            }

            if (System.Diagnostics.Stopwatch.GetElapsedTime(started) > _ruleBudget && failed?.LastOrDefault()?.Rule != rule)
            {
                // Over the budget on its last items (or a source or article rule): reported all the same.
                (failed ??= []).Add(new RuleFailure(rule, FailedAt(rule.Scope, Math.Max(0, item - 1), doc, sources), new RuleBudgetException(_ruleBudget).Message));
            }
        }

        failures = failed is null ? [] : [.. failed];

        // Most stories have no finding, and a sort of none still builds its machinery. Two findings of one rule at one
        // place say one thing (two sources granted anonymity by one sentence): the first is kept.
        return result.Count switch
        {
            0 => [],
            1 => [result[0]],
            _ => [.. result.OrderBy(d => d.Span.Start).ThenBy(d => d.Id, StringComparer.Ordinal).DistinctBy(d => (d.Id, d.Span))],
        };
    }

    /// <summary>The longest span an article-level finding underlines: the first words of the headline or first line.</summary>
    public const int MaxArticleSpan = 60;

    // Where an article-level finding points: the story's first line (the headline, or the lede's start), cut at a
    // word end within MaxArticleSpan characters, so a caret never underlines a whole paragraph.
    private static TextSpan ArticleSpan(ParsedDocument doc)
    {
        if (doc.Paragraphs.Length == 0)
        {
            return new TextSpan(0, 0);
        }

        var text = doc.Source.Text;
        var first = doc.Paragraphs[0];
        var end = first.End;
        var lineBreak = text.IndexOf('\n', first.Start, first.Length);
        if (lineBreak >= 0)
        {
            end = lineBreak;
        }

        if (end - first.Start > MaxArticleSpan)
        {
            var cut = text.LastIndexOf(' ', first.Start + MaxArticleSpan, MaxArticleSpan);
            end = cut > first.Start ? cut : first.Start + MaxArticleSpan;
        }

        while (end > first.Start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new TextSpan(first.Start, end);
    }

    /// <summary>True when <paramref name="config"/> leaves a rule to run: only then are a story's facts built.</summary>
    public bool HasRulesToRun(EffectiveConfiguration config, bool includeDisabled) => config.RulesToRun(_pack.Diagnostics, includeDisabled).Length > 0;

    /// <summary>The time one rule may take over one story before it is skipped there and reported.</summary>
    public static readonly TimeSpan DefaultRuleBudget = TimeSpan.FromSeconds(10);

    private sealed class RuleBudgetException(TimeSpan budget)
        : Exception($"it took more than {budget.TotalSeconds:0.###} s on this story (the budget of one rule in one story) and was stopped")
    {
    }

    /// <summary>The ID of a suppression comment or configuration key that names no rule.</summary>
    public const string SuppressionProblemId = "AT0002";

    // A stretch of the file as written, as a place in the extracted text (an HTML comment is not in the text: the
    // place is where the text resumes after it).
    private static TextSpan FromOriginal(SourceText source, TextSpan original)
    {
        if (source.Map is not { } map)
        {
            return original.End <= source.Text.Length ? original : new TextSpan(Math.Min(original.Start, source.Text.Length), source.Text.Length);
        }

        int lo = 0, hi = source.Text.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (map.MapStart(mid) >= original.Start)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return new TextSpan(lo, lo);
    }

    // Where a rule failed: the quotation, the source's first mention, or the story's first paragraph.
    private static TextSpan FailedAt(RuleScope scope, int item, ParsedDocument doc, ImmutableArray<Source> sources) => scope switch
    {
        RuleScope.Quote when item < doc.Quotations.Length => doc.Quotations[item].Span,
        RuleScope.Source when item < sources.Length && sources[item].Mentions.Length > 0 => sources[item].Mentions[0],
        _ => doc.Paragraphs.Length > 0 ? doc.Paragraphs[0] : new TextSpan(0, 0),
    };

    private static Diagnostic Make(DiagnosticRule rule, Severity severity, string message, TextSpan span, string text, string sourceName, Func<string, TextSpan, SuppressionRegion?> suppressions)
    {
        var suppression = suppressions(rule.Id, span);
        return new Diagnostic(rule.Id, severity, message, span)
        {
            Category = rule.Category,
            HelpUri = rule.HelpUri,
            SuppressionReason = suppression is null ? null : suppression.Reason,
            Fingerprint = Fingerprint(rule.Id, sourceName, text.AsSpan(span.Start, span.Length)),
        };
    }

    // Rule, source name and the flagged words with case and spacing folded: survives edits elsewhere in the story.
    internal static string Fingerprint(string id, string sourceName, ReadOnlySpan<char> words)
    {
        var sb = new StringBuilder(id).Append('|').Append(sourceName.ToLowerInvariant()).Append('|');
        var space = false;
        foreach (var c in words)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return HashPrefix(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    // The first eight bytes of the SHA-256 of the bytes, in lower-case hex: what baselines and SARIF logs store.
    // The digest is computed in managed code (BouncyCastle), not by OpenSSL as .NET's own does on Linux.
    internal static string HashPrefix(ReadOnlySpan<byte> bytes)
    {
        var sha = new Org.BouncyCastle.Crypto.Digests.Sha256Digest();
        sha.BlockUpdate(bytes);
        Span<byte> hash = stackalloc byte[32];
        sha.DoFinal(hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    // { replace: cue, with: said }: the verb inside the cue becomes "said" in the cue's own tense
    // ("has claimed" → "has said", "claims" → "says", "insisting" → "saying").
    private TextEdit? FixFor(RuleFix fix, Quotation quote, string text)
    {
        if (quote.Cue is not { } cue || quote.Verb is not { } verb)
        {
            return null;
        }

        var cueText = text.AsSpan(cue.Start, cue.Length);
        var at = cueText.LastIndexOf(verb.Form, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var replacement = fix.With;
        if (_pack.Lexicons.Parser.TryGetCue(fix.With, out var target))
        {
            var inflected = _pack.Lexicons.Parser.CueVerbs.Values.FirstOrDefault(v => v.Lemma == target.Lemma && v.Tense == verb.Tense);
            replacement = inflected?.Form ?? fix.With;
        }

        if (char.IsUpper(text[cue.Start + at]))
        {
            replacement = char.ToUpperInvariant(replacement[0]) + replacement[1..];
        }

        return new TextEdit(new TextSpan(cue.Start + at, cue.Start + at + verb.Form.Length), replacement);
    }
}
