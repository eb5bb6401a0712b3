using System.Collections.Immutable;
using Attribution.Analysis.Configuration;
using Attribution.Text;

namespace Attribution.Analysis.Binding;

/// <summary>Binding, facts: an entity frozen into its name, role, mentions and the facts the rules read.</summary>
public sealed partial class SourceBinder
{
    /// <summary>The facts stage: an entity the resolution built, frozen into its name, role, mentions and the facts rules read.</summary>
    private sealed class EntityFreezer(ParsedDocument doc, Lexicon lexicon, SourceLexicon sources) : BindingStage(doc, lexicon, sources)
    {
        // ---- freezing -----------------------------------------------------------------

        public BoundEntity Freeze(Entity e, int owner)
        {
            // Name: the fullest name mention; otherwise the first description.
            var nameMention = e.Mentions[0];
            var nameWords = -1;
            foreach (var m in e.Mentions)
            {
                if (m.Kind == MentionKind.Name)
                {
                    var words = MentionAnalyzer.CountWords(m.HeadText);
                    if (words > nameWords)
                    {
                        nameWords = words;
                        nameMention = m;
                    }
                }
            }

            if (nameWords < 0)
            {
                foreach (var m in e.Mentions)
                {
                    if (m.Kind != MentionKind.Pronoun)
                    {
                        nameMention = m;
                        break;
                    }
                }
            }

            var first = nameMention.Info;
            var anyName = !e.SpeaksAsOrganisation && e.Mentions.Exists(m => m.Kind == MentionKind.Name);
            var direct = 0;
            foreach (var q in e.Quotes)
            {
                if (Doc.Quotations[q].Kind == QuotationKind.Direct)
                {
                    direct++;
                }
            }

            // "association president Marty Jones": the name is Marty Jones and the role association president;
            // "Ms. May" keeps its honorific; "Erik Karlsson's" is Erik Karlsson.
            var (name, role) = nameWords >= 0 && !e.IsNamedGroup ? PersonNameAndRole(nameMention.HeadText) : (nameMention.HeadText, "");
            var facts = new SourceFacts
            {
                Name = name,
                Role = role,
                Description = nameMention.HeadText,
                Head = first.HeadNoun,
                HasPersonalName = anyName,
                HasTitle = e.Mentions.Exists(m => m.Info.HasTitle),
                HasInstitutionNoun = e.Mentions.Exists(m => m.Info.Institution),
                HasProperName = e.Mentions.Exists(m => m.Info.ProperName),
                HasRoleNoun = e.Mentions.Exists(m => m.Info.Role),
                HasSpokespersonNoun = e.Mentions.Exists(m => m.Info.Spokesperson),
                HasDocumentNoun = first.Document,
                HeadIsInstitution = first.HeadIsInstitution || e.SpeaksAsOrganisation,
                IsPollShare = first.PollShare,
                IsKinship = Src.Words(WordLists.KinshipNouns).Contains(first.HeadNoun) && !first.Plural,
                IsVagueDescriptor = !anyName && (Src.Words(WordLists.VagueDescriptors).Contains(first.HeadNoun)
                    || e.Mentions[0].Span is var m0 && SaysHowKnown(Text.AsSpan(m0.Start, m0.Length))),
                HasAnonymousNoun = first.Anonymous,
                IsPlural = first.Plural,
                IsPronounOnly = e.Mentions.TrueForAll(m => m.Kind == MentionKind.Pronoun),
                IsPersonalPronoun = AllPersonalPronouns(e.Mentions),
                IsIndefinite = first.Indefinite,
                HasAnonymityGrant = e.HasGrant,
                HasAnonymityReason = e.Reason is not null,
                ReasonIsBoilerplate = e.Reason?.Boilerplate ?? false,
                AnonymityReason = e.Reason?.Text ?? "",
                QuoteCount = e.Quotes.Count,
                DirectQuoteCount = direct,
            };

            // Most sources are mentioned once: only more need sorting and duplicates removed.
            ImmutableArray<TextSpan> mentions = e.Mentions.Count == 1 ? [e.Mentions[0].Span] : DistinctByStart(e.Mentions);
            return new BoundEntity(facts.Name, mentions, [.. e.Quotes], e.Reason, facts) { Head = e.Mentions[0].Head, Owner = owner };
        }

        // The person's name in a name mention and what stands before it: "Harbor master Tom Reyes" → ("Tom Reyes",
        // "Harbor master"), "Brig. Tahseen al-Khafaji" → ("Tahseen al-Khafaji", "Brig."), "Mr Howard" → ("Mr Howard", "").
        private (string Name, string Role) PersonNameAndRole(string headText)
        {
            var words = headText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries); // any white space: "Gov.\u00a0Mike Pence"
            var end = words.Length;

            // "Lt. Col. Sam Ortiz of the U.S. Army": a given name and a surname before "of", "from" or "at" end the name.
            if (MentionAnalyzer.NameEndsBefore(words, w => Src.GivenNames.ContainsKey(w), IsTitleWord) is var nameEnd and >= 0)
            {
                end = nameEnd;
            }

            while (end > 1 && words[end - 1].StartsWith('(') && words[end - 1].EndsWith(')'))
            {
                end--; // "(R-Ga.)"
            }

            var start = end;
            while (start > 0 && (MentionAnalyzer.IsNameWord(words[start - 1]) || (start < end && Src.Lookup(WordLists.SurnameParticles).Contains(words[start - 1]))))
            {
                start--;
            }

            // Titles that open the capitalised run ("Harbor Master", "Brig.", "Coun.") belong to the role, but a
            // name keeps at least its last word.
            while (start < end - 1 && (IsTitleWord(words[start]) || words[start].EndsWith("'s", StringComparison.Ordinal) || words[start].EndsWith("\u2019s", StringComparison.Ordinal)))
            {
                start++;
            }

            // A capitalised role inside the run ("Home Secretary Charles Clarke", "Chief Constable Mike Fuller") is
            // the role too: the name starts after the last role or title word, keeping at least its last word.
            for (var i = end - 2; i > start; i--)
            {
                if (Src.Words(WordLists.RoleNouns).Contains(words[i]) || IsTitleWord(words[i]))
                {
                    start = i + 1;
                    break;
                }
            }

            // A word before a given name that is itself none ("Exchequer Gordon Brown", "Earlier Tony Blair") is
            // not part of the name.
            if (start < end - 2 && !Src.GivenNames.ContainsKey(words[start]) && !IsHonorific(words[start]) && !IsInitial(words[start])
                && !Src.OneWordOrganizations.Contains(words[end - 1].TrimEnd('.')))
            {
                for (var i = start + 1; i < end - 1; i++)
                {
                    if (Src.GivenNames.ContainsKey(words[i]))
                    {
                        start = i;
                        break;
                    }
                }
            }

            if (start >= end)
            {
                return (headText, "");
            }

            // An honorific stays with a surname given alone ("Ms. May", "Mr Howard", "Umm Haider").
            if (end - start == 1 && start > 0 && IsHonorific(words[start - 1]))
            {
                start--;
            }

            words[end - 1] = MentionAnalyzer.TrimPossessive(words[end - 1]);
            var name = string.Join(' ', words, start, end - start);
            // The role is the phrase next to the name: "after US Treasury Secretary" gives "US Treasury Secretary"
            // ("Secretary of State", "Minister for Europe", "Economy and Labour Minister" and "Treasury Under
            // Secretary" keep their words: a boundary inside a capitalised title is none).
            var roleStart = 0;
            for (var i = start - 1; i >= 0; i--)
            {
                var boundary = Lex.Words(WordLists.ClauseBoundaries).Contains(words[i]) || (Lex.Words(WordLists.Prepositions).Contains(words[i]) && !Src.Lookup(WordLists.RolePrepositions).Contains(words[i]));
                if (words[i].EndsWith(',') || (boundary && char.IsLower(words[i][0]) && (i == 0 || !char.IsUpper(words[i - 1][0]))))
                {
                    roleStart = i + 1;
                    break;
                }
            }

            while (roleStart < start && Lex.Lookup(WordLists.Articles).Contains(words[roleStart]))
            {
                roleStart++;
            }

            // An honorific is not a role: "Mr. John Smith" has none.
            var role = string.Join(' ', words[roleStart..start].Where(w => !IsHonorific(w))).TrimEnd(',');
            return (name, IsRole(words.AsSpan(roleStart, start - roleStart)) ? role : "");
        }

        // Words before a name are its role when they name an office, rank or title ("Tory leader", "Brig.",
        // "Labour's election chief"), or end in a common noun with no clause or phrase boundary among them
        // ("72-year-old fisherman", "Harbour pilot"); not "Earlier", "In Tanzania," or "Ben Coppin from".
        private bool IsRole(ReadOnlySpan<string> words)
        {
            foreach (var word in words)
            {
                var w = MentionAnalyzer.TrimPossessive(word.TrimEnd(','));
                if (Src.Words(WordLists.RoleNouns).Contains(w) || IsTitleWord(w))
                {
                    return true;
                }
            }

            foreach (var word in words)
            {
                if (word.EndsWith(',') || Lex.Words(WordLists.Prepositions).Contains(word) || Lex.Words(WordLists.Determiners).Contains(word) || Lex.Words(WordLists.ClauseBoundaries).Contains(word))
                {
                    return false;
                }
            }

            return words.Length > 0 && words[^1].Length > 0 && char.IsLower(words[^1][0]);
        }

        // "R." of "R. Donald Fullerton": an initial, which belongs to the name.
        private static bool IsInitial(string word) => word.Length == 2 && char.IsUpper(word[0]) && word[1] == '.';

        // A courtesy title of the lexicon ("Mr", "Ms.", "Umm"), not a rank or an office.
        private bool IsHonorific(string word) => Src.Words(WordLists.Honorifics).Contains(word.TrimEnd('.'));

        // "Brig.", "Sen", "Coun." — a rank or title of the lexicon, with or without its period.
        private bool IsTitleWord(string word) => Lex.Titles.ContainsKey(word.TrimEnd('.'));

        // The mentions' spans, each once, ordered by start; spans with the same start keep the order they were first
        // mentioned in (a stable sort). An entity has a handful of mentions: an insertion sort, no comparer or query.
        private static ImmutableArray<TextSpan> DistinctByStart(List<Mention> mentions)
        {
            if (mentions.Count > 32)
            {
                return DistinctByStartMany(mentions);
            }

            var spans = new TextSpan[mentions.Count];
            var count = 0;
            foreach (var m in mentions)
            {
                var span = m.Span;
                if (spans.AsSpan(0, count).Contains(span))
                {
                    continue;
                }

                var at = count++;
                while (at > 0 && spans[at - 1].Start > span.Start)
                {
                    spans[at] = spans[at - 1];
                    at--;
                }

                spans[at] = span;
            }

            return ImmutableArray.Create(spans, 0, count);
        }

        // The same for a source mentioned many times (a wire story repeats "a senior official said" for pages):
        // the first of each span by a set, then a stable sort by start, in O(n log n) rather than the square.
        private static ImmutableArray<TextSpan> DistinctByStartMany(List<Mention> mentions)
        {
            var seen = new HashSet<TextSpan>(mentions.Count);
            var spans = new List<TextSpan>(mentions.Count);
            var sorted = true;
            foreach (var m in mentions)
            {
                if (seen.Add(m.Span))
                {
                    sorted &= spans.Count == 0 || spans[^1].Start <= m.Span.Start;
                    spans.Add(m.Span);
                }
            }

            return sorted ? [.. spans] : [.. spans.OrderBy(s => s.Start)];
        }

        // "sources familiar with the talks", "people close to the family": how they know, and nothing of who they are.
        private bool SaysHowKnown(ReadOnlySpan<char> mention)
        {
            foreach (var phrase in Src.Entries(WordLists.KnowledgePhrases))
            {
                if (mention.Contains(phrase, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        // Every mention is "I" or a pronoun of a gender ("he", "she"): a loop, as a lambda here would capture the lexicon.
        private bool AllPersonalPronouns(List<Mention> mentions)
        {
            foreach (var m in mentions)
            {
                if (m.Kind != MentionKind.Pronoun
                    || !(m.HeadText.Equals("I", StringComparison.Ordinal) || (Lex.Pronouns.TryGetValue(m.HeadText, out var gender) && gender is Gender.Male or Gender.Female)))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
