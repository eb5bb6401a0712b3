using System.Collections.Immutable;
using Attribution.Analysis.Configuration;
using Attribution.Text;

namespace Attribution.Analysis.Binding;

/// <summary>Binding, anonymity grants: the reasons a story gives for not naming a source, and whom they cover.</summary>
public sealed partial class SourceBinder
{
    /// <summary>A stage of binding after the parse: the story and the lexicons it reads.</summary>
    private abstract class BindingStage(ParsedDocument doc, Lexicon lexicon, SourceLexicon sources)
    {
        protected ParsedDocument Doc { get; } = doc;

        protected string Text { get; } = doc.Source.Text;

        protected Lexicon Lex { get; } = lexicon;

        protected SourceLexicon Src { get; } = sources;
    }

    /// <summary>What the anonymity stage found: the sources covered, each with its reason, and the story's own reasons.</summary>
    private sealed record Grants(ImmutableArray<(int Entity, AnonymityReason? Reason)> Covered, ImmutableArray<AnonymityReason> Story);

    /// <summary>The anonymity stage: the grants a story makes ("who spoke on condition of anonymity because …"), whose source each covers and its reason.</summary>
    private sealed class GrantFinder(ParsedDocument doc, Lexicon lexicon, SourceLexicon sources) : BindingStage(doc, lexicon, sources)
    {
        // ---- anonymity ----------------------------------------------------------------

        /// <summary>The grants of the story: each covered source with its reason (null for none), in text order, and the reasons given apart from any source.</summary>
        public Grants Find(int[] quoteEntity)
        {
            var story = ImmutableArray.CreateBuilder<AnonymityReason>();
            var covered = ImmutableArray.CreateBuilder<(int Entity, AnonymityReason? Reason)>();

            // Most stories grant no anonymity: one pass over the whole text, for a word of each phrase,
            // finds the sentences worth a closer look, instead of every phrase against every sentence.
            var candidates = new SortedSet<int>();
            var search = Src.AnonymityGrantSearch;
            for (var from = 0; from < Text.Length;)
            {
                var at = Text.AsSpan(from).IndexOfAny(search);
                if (at < 0)
                {
                    break;
                }

                candidates.Add(SentenceIndexOf(from + at));
                from += at + 1;
            }

            foreach (var index in candidates)
            {
                if (index < 0)
                {
                    continue;
                }

                var sentence = Doc.Sentences[index];
                var text = Text.AsSpan(sentence.Start, sentence.Length);
                if (text.IndexOfAny(Src.AnonymityGrantPhraseSearch) < 0)
                {
                    continue; // the word without its phrase ("named after", "with")
                }

                foreach (var grant in Src.AnonymityGrants)
                {
                    var at = text.IndexOf(grant, StringComparison.OrdinalIgnoreCase);
                    if (at < 0)
                    {
                        continue;
                    }

                    var grantStart = sentence.Start + at;
                    if (InsideQuotation(grantStart))
                    {
                        continue;
                    }

                    var reason = ReasonAfter(sentence, grantStart, grant);
                    var owner = OwnerOf(sentence, grantStart, quoteEntity);
                    if (owner >= 0)
                    {
                        covered.Add((owner, reason));
                    }
                    else if (reason is not null)
                    {
                        story.Add(reason);
                    }

                    break;
                }
            }

            return new Grants(covered.ToImmutable(), story.ToImmutable());
        }

        private int SentenceIndexOf(int offset)
        {
            var found = OrderedSearch.LastAtOrBefore(Doc.Sentences, offset, sentence => sentence.Start);
            return found >= 0 && offset < Doc.Sentences[found].End ? found : -1;
        }

        private bool InsideQuotation(int offset)
        {
            // Top-level regions are disjoint and in text order: only the last one starting before offset can hold it.
            var last = OrderedSearch.CountBefore(Doc.QuoteRegions, offset, r => r.Span.Start) - 1;
            return last >= 0 && offset < Doc.QuoteRegions[last].Span.End;
        }

        // The entity whose speaker mention sits in the same sentence as the grant, nearest to it.
        private int OwnerOf(TextSpan sentence, int grantStart, int[] quoteEntity)
        {
            // Only speakers that start within the longest speaker's length before the sentence can
            // overlap it: look those up in the index instead of every quotation of the story (a story
            // of thousands of quotations and grants was quadratic here).
            var index = SpeakerIndex();
            var from = OrderedSearch.CountBefore(index, sentence.Start - _longestSpeaker, e => e.Start);
            var best = -1;
            var bestQuote = int.MaxValue;
            var bestDistance = int.MaxValue;
            for (var k = from; k < index.Length && index[k].Start < sentence.End; k++)
            {
                var (start, end, q) = index[k];
                var sp = new TextSpan(start, end);
                if (quoteEntity[q] < 0 || !sentence.OverlapsWith(sp))
                {
                    continue;
                }

                // The nearest speaker wins; between equally near ones, the earliest quotation (as in text order).
                var distance = sp.Contains(new TextSpan(grantStart, grantStart + 1)) ? 0 : Math.Abs(sp.End - grantStart);
                if (distance < bestDistance || (distance == bestDistance && q < bestQuote))
                {
                    bestDistance = distance;
                    bestQuote = q;
                    best = quoteEntity[q];
                }
            }

            return best;
        }

        private (int Start, int End, int Quote)[]? _speakers;
        private int _longestSpeaker;

        // Every quotation's speaker span, ordered by where it starts.
        private (int Start, int End, int Quote)[] SpeakerIndex()
        {
            if (_speakers is null)
            {
                var list = new List<(int Start, int End, int Quote)>();
                var quotes = Doc.Quotations;
                for (var q = 0; q < quotes.Length; q++)
                {
                    if (quotes[q].Speaker is { } sp)
                    {
                        list.Add((sp.Start, sp.End, q));
                        _longestSpeaker = Math.Max(_longestSpeaker, sp.Length);
                    }
                }

                list.Sort();
                _speakers = [.. list];
            }

            return _speakers;
        }

        // "…, speaking on condition of anonymity because he was not authorized to discuss the plans"
        // → "because he was not authorized to discuss the plans"; "not authorized to speak publicly" is itself a reason.
        private AnonymityReason? ReasonAfter(TextSpan sentence, int grantStart, string grant)
        {
            var from = grantStart + grant.Length;
            var end = sentence.End;
            var rest = Text.AsSpan(from, end - from);
            int start;
            var selfReason = grant.StartsWith("not authori", StringComparison.OrdinalIgnoreCase)
                || grant.Contains("were not", StringComparison.Ordinal) || grant.Contains("was not", StringComparison.Ordinal);
            if (selfReason)
            {
                start = grantStart + (grant.StartsWith("not", StringComparison.Ordinal) ? 0 : grant.IndexOf("not", StringComparison.Ordinal));
            }
            else
            {
                var best = -1;
                foreach (var marker in (ReadOnlySpan<string>)[" because ", " as ", " since ", " due to ", " in line with ", " in accordance with ", " under ", " citing ", " for fear ", " to protect ", " so as ", " given "])
                {
                    var k = rest.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
                    if (k >= 0 && (best < 0 || k < best))
                    {
                        best = k;
                    }
                }

                if (best < 0)
                {
                    return null;
                }

                start = from + best + 1;
            }

            var stop = start;
            while (stop < end && Text[stop] is not (',' or ';' or '.' or '"' or '\u201D' or '\u2014'))
            {
                stop++;
            }

            if (stop - start < 4)
            {
                return null;
            }

            var reasonText = Text[start..stop].Trim();
            var boilerplate = false;
            foreach (var b in Src.Entries(WordLists.BoilerplateReasons))
            {
                if (reasonText.Contains(b, StringComparison.OrdinalIgnoreCase))
                {
                    boilerplate = true;
                    break;
                }
            }

            return new AnonymityReason(new TextSpan(start, start + reasonText.Length), reasonText, boilerplate);
        }
    }
}
