using System.Runtime.InteropServices;
using Attribution.Text;

namespace Attribution.Analysis.Binding;

/// <summary>Binding, resolution: which entity a speaker mention names — a name, a pronoun, a description — and the indexes over the entities it searches.</summary>
public sealed partial class SourceBinder
{
    private sealed partial class BindState
    {
        // ---- resolution ---------------------------------------------------------------

        private int Resolve(TextSpan speaker)
        {
            var head = _mentions.HeadOf(speaker);
            var info = _mentions.Analyse(head);

            // "The mayor, Luc Aubert," / "Her brother, Daniel Lopez": a name in apposition names the source.
            if (info.Surname is null && head.End < speaker.End && _text[head.End] == ',' && _mentions.AppositiveName(head.End + 1, speaker.End) is { } name)
            {
                head = name;
                info = _mentions.Analyse(head);
            }

            var headText = _text[head.Start..head.End];

            // "he’s", "they've": the pronoun without its contracted auxiliary.
            var apostrophe = headText.AsSpan().IndexOfAny('\'', '\u2019');
            if (apostrophe > 0 && _lex.Pronouns.ContainsKey(headText[..apostrophe]))
            {
                headText = headText[..apostrophe];
            }

            // People named together speak as one source, which neither person's later quotations join.
            if (_mentions.IsListOfNames(head))
            {
                var pairKey = "\u0001" + headText.ToLowerInvariant();
                if (!_unresolved.TryGetValue(pairKey, out var pair))
                {
                    pair = _entities.Count;
                    _entities.Add(new Entity { IsNamedGroup = true, IsGroupOrOrganisation = true });
                    _unresolved[pairKey] = pair;
                }

                _entities[pair].Mentions.Add(new Mention(speaker, head, headText, MentionKind.Name, info with { Surname = null, GivenName = null, Plural = true }));
                AddHeadText(pair, headText, speaker.Start);
                return pair;
            }

            var kind = ClassifyMention(headText, info);
            var mention = new Mention(speaker, head, headText, kind, info);

            var target = kind switch
            {
                MentionKind.Pronoun => ResolvePronoun(headText, speaker.Start) is var p && p >= 0 ? p
                    : _unresolved.TryGetValue(headText.ToLowerInvariant(), out var same) ? same : -1, // "he" again, still unnamed: the same he
                MentionKind.Name => ResolveName(info, speaker.Start),
                MentionKind.Definite => ResolveDefinite(info, headText, speaker.Start),
                _ => ResolveDescription(headText, info),
            };

            if (target < 0)
            {
                target = _entities.Count;
                _entities.Add(new Entity());
                if (kind == MentionKind.Pronoun)
                {
                    _unresolved[headText.ToLowerInvariant()] = target;
                }
            }

            var entity = _entities[target];
            entity.Mentions.Add(mention);
            AddHeadText(target, mention.HeadText, mention.Span.Start);
            if (kind == MentionKind.Name)
            {
                entity.IsPerson = true;
                if (entity.Surname is null && info.Surname is { } surname)
                {
                    entity.Surname = surname;
                    FilePerson(surname, target);
                }

                entity.GivenName ??= info.GivenName;
                if (entity.Gender == Gender.Unknown)
                {
                    entity.Gender = info.Gender;
                    entity.GenderIsCertain = info.HasTitle && info.Gender != Gender.Unknown;
                }
            }
            else if (kind != MentionKind.Pronoun && (info.Institution || info.Plural || info.Document || info.ProperName))
            {
                entity.IsGroupOrOrganisation = true;
            }
            else if (kind is MentionKind.Definite or MentionKind.Description && info.Role && !info.Plural && !info.HeadIsInstitution && !entity.IsGroupOrOrganisation)
            {
                entity.IsPerson = true; // "The premier did not say …, but she warned …": one office holder, a person
            }
            else if (kind == MentionKind.Pronoun && _lex.Pronouns.TryGetValue(headText, out var g) && g is Gender.Male or Gender.Female && !entity.GenderIsCertain)
            {
                entity.Gender = g;
                entity.GenderIsCertain = true;
            }

            return target;
        }

        private MentionKind ClassifyMention(string headText, MentionInfo info)
        {
            if (_lex.Pronouns.ContainsKey(headText) || headText.Equals("who", StringComparison.OrdinalIgnoreCase))
            {
                return MentionKind.Pronoun;
            }

            if (info.Surname is not null)
            {
                return MentionKind.Name;
            }

            // "the Republican nominee" is a definite description; "the Health Ministry" is a name.
            return headText.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && !info.HeadIsInstitution
                ? MentionKind.Definite
                : MentionKind.Description;
        }

        private int ResolveName(MentionInfo info, int position)
        {
            if (info.Surname is { } surname && LatestPerson(surname, info.GivenName) is var latest and >= 0)
            {
                return latest;
            }

            // A person introduced earlier in a sentence that quoted nobody: the entity takes that
            // fuller name so "Clinton" reads "Hillary Clinton".
            if (info.Surname is not null && NamesBySurname.TryGetValue(info.Surname, out var candidates))
            {
                foreach (var index in candidates)
                {
                    var n = Names[index];
                    if (n.Start >= position)
                    {
                        break;
                    }

                    if (info.GivenName is null || string.Equals(n.GivenName, info.GivenName, StringComparison.OrdinalIgnoreCase))
                    {
                        return EntityForName(n);
                    }
                }
            }

            return -1;
        }

        // Person entities by surname. Only a person gets a surname, and only once, so each entity is
        // filed once, when it gets it: the index replaces a walk back over every entity per name.
        private readonly Dictionary<string, List<int>> _personsBySurname;

        private void FilePerson(string surname, int index) => AddToIndex(_personsBySurname, surname, index);

        private void AddToIndex(Dictionary<string, List<int>> index, string key, int value) =>
            (CollectionsMarshal.GetValueRefOrAddDefault(index, key, out _) ??= _indexes.IntList()).Add(value);

        // The latest person with this surname whose given name, if both are known, agrees; or -1.
        private int LatestPerson(string surname, string? givenName)
        {
            var latest = -1;
            foreach (var i in _personsBySurname.TryGetValue(surname, out var persons) ? persons : [])
            {
                var given = _entities[i].GivenName;
                if (i > latest && (given is null || givenName is null || string.Equals(given, givenName, StringComparison.OrdinalIgnoreCase)))
                {
                    latest = i;
                }
            }

            return latest;
        }

        // ---- indexes over the entities --------------------------------------------------
        // Each resolution once walked every entity (and split every head text) per mention, so a long story with
        // many sources took quadratic time. Head texts and their words are indexed as they are added; the walks
        // that remain, for pronouns and recent persons, look at most MaxLookback entities back.

        /// <summary>
        /// How many of the latest entities (or scanned names) a pronoun or a role looks back over. A news
        /// story has a few dozen sources (the corpus's largest has 48); this bounds a pathological one,
        /// such as 50 MB in one file.
        /// </summary>
        private const int MaxLookback = 1000;

        private int LookbackStart => Math.Max(0, _entities.Count - MaxLookback);

        // The latest entity with each head text, leading "the " dropped, ignoring case (ResolveDescription).
        private readonly Dictionary<string, int> _entityByHead;

        // Every word of every head text, ignoring case: where it first appeared, in entity order (ResolveDefinite).
        private readonly Dictionary<string, List<HeadWord>> _headWords;

        private readonly record struct HeadWord(int Entity, int First, bool Capitalised);

        private void AddHeadText(int entity, string text, int first)
        {
            if (!_entities[entity].AddHeadText(text))
            {
                return;
            }

            // Looked up by span, so a head or word already indexed costs no string.
            var heads = _entityByHead.GetAlternateLookup<ReadOnlySpan<char>>();
            ref var latest = ref CollectionsMarshal.GetValueRefOrAddDefault(heads, Normalise(text.AsSpan()), out var known);
            latest = known ? Math.Max(latest, entity) : entity;

            var words = _headWords.GetAlternateLookup<ReadOnlySpan<char>>();
            var span = text.AsSpan();
            foreach (var range in span.Split(' '))
            {
                if (range.End.Value == range.Start.Value)
                {
                    continue;
                }

                var word = span[range].TrimEnd(".,");
                var list = CollectionsMarshal.GetValueRefOrAddDefault(words, word, out _) ??= _indexes.HeadWordList();

                // Kept in entity order, so a lookup reads from the end; an older entity rarely gains a head text.
                var at = list.Count;
                while (at > 0 && list[at - 1].Entity > entity)
                {
                    at--;
                }

                list.Insert(at, new HeadWord(entity, first, !word.IsEmpty && char.IsUpper(word[0])));
            }
        }

        // The latest entity with a head text first seen before position that DescribesSame the noun: a word of it is
        // the noun, the noun's singular, or a capitalised abbreviation of it ("Brig." for "brigadier").
        private int LatestDescribedAs(string noun, int position)
        {
            if (noun.Length == 0)
            {
                return -1;
            }

            var latest = LatestWithWord(noun, position, capitalisedOnly: false);
            if (noun.EndsWith('s'))
            {
                latest = MentionedLater(latest, LatestWithWord(noun.AsSpan(0, noun.Length - 1), position, capitalisedOnly: false));
            }

            for (var length = 3; length < noun.Length; length++)
            {
                latest = MentionedLater(latest, LatestWithWord(noun.AsSpan(0, length), position, capitalisedOnly: true));
            }

            return latest;
        }

        // Of two entities (or -1), the one the story mentioned last.
        private int MentionedLater(int a, int b) =>
            a < 0 ? b : b < 0 ? a : _entities[b].LastPosition > _entities[a].LastPosition ? b : a;

        // The entity described with this word that the story mentioned last before position ("the official" is
        // the official of the latest paragraph, not the one introduced last), among the latest RecentDescribed.
        private int LatestWithWord(ReadOnlySpan<char> word, int position, bool capitalisedOnly) =>
            _headWords.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var list)
                ? MostRecentlyMentioned(list, position, capitalisedOnly, null, null)
                : -1;

        /// <summary>How many of the latest entities described with a word a description looks back over.</summary>
        private const int RecentDescribed = 64;

        private int MostRecentlyMentioned(List<HeadWord> list, int position, bool capitalisedOnly, string? headText, string? noun)
        {
            var best = -1;
            var bestPosition = -1;
            for (var i = list.Count - 1; i >= Math.Max(0, list.Count - RecentDescribed); i--)
            {
                var candidate = list[i];
                var last = _entities[candidate.Entity].LastPosition;
                if (candidate.First < position && last > bestPosition && (candidate.Capitalised || !capitalisedOnly)
                    && (headText is null || DescribedWithAll(_entities[candidate.Entity], headText, noun!)))
                {
                    best = candidate.Entity;
                    bestPosition = last;
                }
            }

            return best;
        }

        private int ResolvePronoun(string pronoun, int position)
        {
            var gender = _lex.Pronouns.TryGetValue(pronoun, out var g) ? g : Gender.Unknown;

            // A bare relative "who" (its antecedent lost to the parse) refers to the latest person.
            var relative = pronoun.Equals("who", StringComparison.OrdinalIgnoreCase);
            if (gender is Gender.Male or Gender.Female || relative)
            {
                // The nearest earlier person, quoted or only named, whose gender does not conflict.
                var best = -1;
                var bestPosition = -1;
                for (var i = LookbackStart; i < _entities.Count; i++)
                {
                    var e = _entities[i];
                    if (e.IsPerson && (relative || e.Gender == gender || e.Gender == Gender.Unknown) && e.LastPosition > bestPosition)
                    {
                        best = i;
                        bestPosition = e.LastPosition;
                    }
                }

                // A given name's usual gender is only a guess ("Darian", "Kim"): with no compatible
                // person, the nearest person whose gender was only guessed is still the antecedent.
                if (best < 0)
                {
                    for (var i = LookbackStart; i < _entities.Count; i++)
                    {
                        var e = _entities[i];
                        if (e.IsPerson && !e.GenderIsCertain && e.LastPosition > bestPosition)
                        {
                            best = i;
                            bestPosition = e.LastPosition;
                        }
                    }
                }

                PersonName? named = null;
                var before = NamesBefore(position);
                for (var i = before - 1; i >= Math.Max(0, before - MaxLookback); i--)
                {
                    var n = Names[i];
                    if (relative || n.Gender == gender || n.Gender == Gender.Unknown)
                    {
                        named = n;
                        break;
                    }
                }

                if (named is not null && named.Start > bestPosition)
                {
                    return EntityForName(named);
                }

                return best;
            }

            if (gender == Gender.Neuter)
            {
                // they / it: the latest group, organisation or document.
                var plural = pronoun.Equals("they", StringComparison.OrdinalIgnoreCase);
                for (var i = _entities.Count - 1; i >= LookbackStart; i--)
                {
                    var e = _entities[i];
                    var head = e.Mentions[0].Info;
                    if (e.IsGroupOrOrganisation && (plural ? head.Plural || head.Institution : !head.Plural))
                    {
                        return i;
                    }
                }
            }

            return -1;
        }

        // The number of scanned names that start before position (names are in text order).
        private int NamesBefore(int position) => OrderedSearch.CountBefore(Names, position, n => n.Start);

        private int EntityForName(PersonName name)
        {
            if (LatestPerson(name.Surname, null) is var latest and >= 0)
            {
                return latest;
            }

            var entity = new Entity { IsPerson = true, Surname = name.Surname, GivenName = name.GivenName, Gender = name.Gender };
            _entities.Add(entity);
            FilePerson(name.Surname, _entities.Count - 1);
            var span = new TextSpan(name.Start, name.Start + name.FullName.Length);
            entity.Mentions.Add(new Mention(span, span, name.FullName, MentionKind.Name, _mentions.Analyse(span)));
            AddHeadText(_entities.Count - 1, name.FullName, span.Start);
            return _entities.Count - 1;
        }

        // "the official" → the latest entity one of whose mentions has that head (or abbreviates it: "Brig." ↔ "the brigadier").
        private int ResolveDefinite(MentionInfo info, string headText, int position)
        {
            var noun = info.HeadNoun;

            // "the coalition official" is the latest official whose description has "coalition" too ("a senior
            // coalition military official"), not the latest official ("another senior Iraqi military official").
            var described = HasModifiers(headText, noun) ? LatestCompatible(headText, noun, position) : LatestDescribedAs(noun, position);
            if (described >= 0)
            {
                return described;
            }

            // "the Vermont senator", "The Republican nominee": a singular role that names no office of
            // its own (no possessive, no "of …") is the person the story last quoted.
            if (info.Role && !info.Plural && !info.Anonymous && !headText.Contains('\'', StringComparison.Ordinal)
                && !headText.Contains('\u2019', StringComparison.Ordinal) && !headText.Contains(" of ", StringComparison.Ordinal))
            {
                for (var i = _entities.Count - 1; i >= LookbackStart; i--)
                {
                    if (_entities[i].IsPerson && position - _entities[i].LastPosition < 1500)
                    {
                        return i;
                    }
                }
            }

            // "the South Carolina senator" after "Sen. Lindsey Graham" was named (but not quoted): a
            // singular role refers back to the person the story last named with that title.
            if (info.Role && !info.Plural && !info.Institution && !info.Anonymous)
            {
                PersonName? titled = null;
                var before = NamesBefore(position);
                for (var k = before - 1; k >= Math.Max(0, before - MaxLookback); k--)
                {
                    if (DescribesSame(Names[k].FullName, noun))
                    {
                        titled = Names[k];
                        break;
                    }
                }

                if (titled is not null)
                {
                    return EntityForName(titled);
                }
            }

            return ResolveDescription(headText, info);
        }

        private static bool DescribesSame(string mentionText, string noun)
        {
            if (noun.Length == 0)
            {
                return false;
            }

            var text = mentionText.AsSpan();
            foreach (var range in text.Split(' '))
            {
                if (range.End.Value == range.Start.Value)
                {
                    continue;
                }

                var w = text[range].TrimEnd(".,");
                if (w.Equals(noun, StringComparison.OrdinalIgnoreCase)
                    || (w.Length >= 3 && char.IsUpper(w[0]) && noun.AsSpan().StartsWith(w, StringComparison.OrdinalIgnoreCase))
                    || (noun.EndsWith('s') && w.Equals(noun.AsSpan(0, noun.Length - 1), StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }

            return false;
        }

        private int ResolveDescription(string headText, MentionInfo info)
        {
            // "a source", "another source": a new source each time. But wire copy repeats a specific
            // description with its article: "a senior coalition military official said at a briefing" is the
            // one introduced before in the same words; "another …" never is.
            if (info.Indefinite && (headText.StartsWith("another ", StringComparison.OrdinalIgnoreCase) || CountModifiers(headText, info.HeadNoun) < 2))
            {
                return -1;
            }

            return _entityByHead.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(Normalise(headText.AsSpan()), out var latest) ? latest : -1;
        }

        // The head text without its article: "the official", "an official" and "a official" file together.
        private static ReadOnlySpan<char> Normalise(ReadOnlySpan<char> s) =>
            s.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? s[4..]
            : s.StartsWith("an ", StringComparison.OrdinalIgnoreCase) ? s[3..]
            : s.StartsWith("a ", StringComparison.OrdinalIgnoreCase) ? s[2..]
            : s;

        // The words of a description other than its determiner and its head noun: "the senior coalition
        // official" → senior, coalition.
        private ModifierEnumerator ModifierWords(string headText, string noun) => new(headText, noun, _src.Lookup(WordLists.DescriptionDeterminers));

        private bool HasModifiers(string headText, string noun) => ModifierWords(headText, noun).MoveNext();

        private int CountModifiers(string headText, string noun)
        {
            var count = 0;
            foreach (var _ in ModifierWords(headText, noun))
            {
                count++;
            }

            return count;
        }

        // The latest entity described before position with the noun (or its singular) whose description holds
        // every modifier of headText; or -1. Mentions that name a person ("Sen. Graham") have no modifiers to
        // compare and are left to the title rules.
        private int LatestCompatible(string headText, string noun, int position)
        {
            var latest = _headWords.TryGetValue(noun, out var list) ? MostRecentlyMentioned(list, position, false, headText, noun) : -1;
            if (noun.EndsWith('s') && _headWords.TryGetValue(noun[..^1], out var singular))
            {
                latest = MentionedLater(latest, MostRecentlyMentioned(singular, position, false, headText, noun));
            }

            return latest;
        }

        // One of the entity's distinct descriptions (not every mention: a source may be mentioned thousands of
        // times in one text) holds every modifier of headText.
        private bool DescribedWithAll(Entity entity, string headText, string noun) =>
            entity.AnyHeadText((headText, noun, determiners: _src.Lookup(WordLists.DescriptionDeterminers)), static (description, candidate) =>
            {
                foreach (var modifier in new ModifierEnumerator(description.headText, description.noun, description.determiners))
                {
                    if (!ContainsWord(candidate, modifier))
                    {
                        return false;
                    }
                }

                return true;
            });

        private static bool ContainsWord(string text, ReadOnlySpan<char> word)
        {
            foreach (var range in text.AsSpan().Split(' '))
            {
                if (text.AsSpan()[range].TrimEnd(".,").Equals(word, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The modifier words of a description, as spans of its text: not its determiner, not its head noun.</summary>
        private ref struct ModifierEnumerator(string text, string noun, WordSet determiners)
        {
            private int _next;

            public ReadOnlySpan<char> Current { get; private set; }

            public readonly ModifierEnumerator GetEnumerator() => this;

            public bool MoveNext()
            {
                while (_next < text.Length)
                {
                    var end = text.IndexOf(' ', _next);
                    end = end < 0 ? text.Length : end;
                    var word = text.AsSpan(_next, end - _next).TrimEnd(".,");
                    var first = _next == 0;
                    _next = end + 1;
                    if (word.IsEmpty || word.Equals(noun, StringComparison.OrdinalIgnoreCase) || (first && determiners.Contains(word)))
                    {
                        continue;
                    }

                    Current = word;
                    return true;
                }

                return false;
            }
        }
    }
}
