using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Attribution.Analysis.Configuration;
using Attribution.Text;

namespace Attribution.Analysis.Binding;

/// <summary>
/// Groups speaker mentions into source entities across a story: full name ↔ surname ↔ title +
/// surname, pronouns by gender and number to the nearest compatible antecedent, definite
/// descriptions ("the official", "the brigadier") to the latest entity they describe, and computes
/// each entity's facts. Classification is left to the rules.
/// </summary>
public sealed class SourceBinder
{
    private readonly LexiconSet _lexicons;

    /// <summary>Creates a binder over the loaded lexicons.</summary>
    public SourceBinder(LexiconSet lexicons) => _lexicons = lexicons;

    /// <summary>The result of binding one document.</summary>
    /// <param name="Entities">Entities in order of first mention.</param>
    /// <param name="QuoteSources">For each quotation, its entity index or -1.</param>
    /// <param name="StoryReasons">Anonymity reasons stated apart from any quotation ("… did so in line with regulations").</param>
    public sealed record Result(ImmutableArray<BoundEntity> Entities, ImmutableArray<int> QuoteSources, ImmutableArray<AnonymityReason> StoryReasons);

    /// <summary>One entity before classification.</summary>
    /// <param name="Name">The fullest mention.</param>
    /// <param name="Mentions">Mentions in text order.</param>
    /// <param name="Quotes">Quotation indexes.</param>
    /// <param name="Reason">Its own anonymity reason.</param>
    /// <param name="Facts">Facts for the rules.</param>
    public sealed record BoundEntity(string Name, ImmutableArray<TextSpan> Mentions, ImmutableArray<int> Quotes, AnonymityReason? Reason, SourceFacts Facts)
    {
        /// <summary>The first mention's head.</summary>
        public TextSpan Head { get; init; }

        /// <summary>For a document, the index of the entity that issued it ("the union's release" → the union), or -1.</summary>
        public int Owner { get; init; } = -1;
    }

    /// <summary>Binds the quotations of <paramref name="doc"/> to entities.</summary>
    public Result Bind(ParsedDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var state = new BindState(doc, _lexicons);
        return state.Run();
    }

    private sealed class Entity
    {
        public List<Mention> Mentions { get; } = [];

        // Its distinct head texts, which are indexed for descriptions to match (not every mention): the first
        // apart, since most sources have only one.
        private string? _headText;
        private HashSet<string>? _moreHeadTexts;

        public List<int> Quotes { get; } = [];

        public string? Surname { get; set; }

        public string? GivenName { get; set; }

        public Gender Gender { get; set; }

        /// <summary>True when the gender comes from a title or a pronoun, not a given-name list.</summary>
        public bool GenderIsCertain { get; set; }

        public bool IsPerson { get; set; }

        public bool IsGroupOrOrganisation { get; set; }

        public bool HasGrant { get; set; }

        /// <summary>True when a bare capitalised name speaks of itself as "it" ("Yukos said it would appeal").</summary>
        public bool SpeaksAsOrganisation { get; set; }

        public AnonymityReason? Reason { get; set; }

        /// <summary>True when <paramref name="text"/> is a head text this entity did not have yet.</summary>
        public bool AddHeadText(string text)
        {
            if (_headText is null)
            {
                _headText = text;
                return true;
            }

            return !string.Equals(_headText, text, StringComparison.Ordinal) && (_moreHeadTexts ??= new(StringComparer.Ordinal)).Add(text);
        }

        public int LastPosition => Mentions.Count == 0 ? -1 : Mentions[^1].Span.Start;

        /// <summary>True when one of its distinct head texts satisfies <paramref name="test"/>.</summary>
        public bool AnyHeadText<TState>(TState state, Func<TState, string, bool> test)
        {
            if (_headText is not null && test(state, _headText))
            {
                return true;
            }

            if (_moreHeadTexts is not null)
            {
                foreach (var text in _moreHeadTexts)
                {
                    if (test(state, text))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    private sealed record Mention(TextSpan Span, TextSpan Head, string HeadText, MentionKind Kind, MentionInfo Info);

    private enum MentionKind
    {
        Name,
        Pronoun,
        Definite,
        Description,
    }

    private sealed record MentionInfo(
        string? GivenName,
        string? Surname,
        Gender Gender,
        bool HasTitle,
        bool Institution,
        bool ProperName,
        bool Role,
        bool Spokesperson,
        bool Document,
        bool Anonymous,
        bool Plural,
        bool Indefinite,
        string HeadNoun,
        bool HeadIsInstitution,
        bool PollShare);

    private sealed record PersonName(int Start, string FullName, string Surname, string? GivenName, Gender Gender);

    private sealed class BindState
    {
        private readonly ParsedDocument _doc;
        private readonly string _text;
        private readonly Lexicon _lex;
        private readonly SourceLexicon _src;
        private readonly List<Entity> _entities = [];
        private People? _people;
        private readonly Dictionary<string, bool> _afterFirstName;
        private readonly Dictionary<string, int> _unresolved;

        // Analyse's word lists, emptied for each mention it reads: a story has dozens, and a pair of lists
        // each, with their growth, was a sixth of what binding allocated. Analyse does not call itself, and
        // nothing keeps the lists past it.
        private readonly List<string> _words = [];
        private readonly List<string> _nameRun = [];

        [ThreadStatic]
        private static Indexes? t_indexes;

        private readonly Indexes _indexes;

        public BindState(ParsedDocument doc, LexiconSet lexicons)
        {
            _doc = doc;
            _text = doc.Source.Text;
            _lex = lexicons.Parser;
            _src = lexicons.Sources;
            var indexes = _indexes = t_indexes ??= new Indexes();
            indexes.Empty();
            _afterFirstName = indexes.AfterFirstName;
            _unresolved = indexes.Unresolved;
            _personsBySurname = indexes.PersonsBySurname;
            _entityByHead = indexes.EntityByHead;
            _headWords = indexes.HeadWords;
            _namesBySurname = indexes.NamesBySurname;
        }

        /// <summary>
        /// One thread's look-up tables for the story being bound, emptied for each: a story needs five or six
        /// small dictionaries, and making them afresh was a tenth of what binding allocated. A table that a
        /// long story grew large is replaced rather than emptied, so later stories do not clear its slots.
        /// The lists the tables held go back to a pool for the next story's keys.
        /// </summary>
        private sealed class Indexes
        {
            private const int KeepUpTo = 256;
            private readonly Stack<List<int>> _intLists = new();
            private readonly Stack<List<HeadWord>> _headWordLists = new();

            public Dictionary<string, bool> AfterFirstName { get; private set; } = new(StringComparer.Ordinal);

            public Dictionary<string, int> Unresolved { get; private set; } = new(StringComparer.Ordinal);

            public Dictionary<string, List<int>> PersonsBySurname { get; private set; } = new(StringComparer.OrdinalIgnoreCase);

            public Dictionary<string, int> EntityByHead { get; private set; } = new(StringComparer.OrdinalIgnoreCase);

            public Dictionary<string, List<HeadWord>> HeadWords { get; private set; } = new(StringComparer.OrdinalIgnoreCase);

            public Dictionary<string, List<int>> NamesBySurname { get; private set; } = new(StringComparer.OrdinalIgnoreCase);

            /// <summary>An empty list for a key's positions, from the pool when it has one.</summary>
            public List<int> IntList() => _intLists.TryPop(out var list) ? list : [];

            /// <summary>An empty list for a word's head words, from the pool when it has one.</summary>
            public List<HeadWord> HeadWordList() => _headWordLists.TryPop(out var list) ? list : [];

            public void Empty()
            {
                Reclaim(PersonsBySurname, _intLists);
                Reclaim(NamesBySurname, _intLists);
                Reclaim(HeadWords, _headWordLists);
                AfterFirstName = Emptied(AfterFirstName);
                Unresolved = Emptied(Unresolved);
                PersonsBySurname = Emptied(PersonsBySurname);
                EntityByHead = Emptied(EntityByHead);
                HeadWords = Emptied(HeadWords);
                NamesBySurname = Emptied(NamesBySurname);
            }

            private static void Reclaim<T>(Dictionary<string, List<T>> table, Stack<List<T>> pool)
            {
                if (table.Count > KeepUpTo)
                {
                    return;
                }

                foreach (var list in table.Values)
                {
                    if (list.Capacity <= 64)
                    {
                        list.Clear();
                        pool.Push(list);
                    }
                }
            }

            private static Dictionary<string, T> Emptied<T>(Dictionary<string, T> table)
            {
                if (table.Count > KeepUpTo)
                {
                    return new Dictionary<string, T>(table.Comparer);
                }

                table.Clear();
                return table;
            }
        }

        // The story's personal names in text order, and their indexes by surname.
        private sealed record People(List<PersonName> Names, Dictionary<string, List<int>> BySurname);

        // Scanned for on first use: a story that quotes nobody (one in eight of a news archive) never needs them.
        private People Persons => _people ??= ScanPeople();

        private List<PersonName> Names => Persons.Names;

        private Dictionary<string, List<int>> NamesBySurname => Persons.BySurname;

        private readonly Dictionary<string, List<int>> _namesBySurname;

        private People ScanPeople()
        {
            var names = ScanPersonNames();
            var bySurname = _namesBySurname;
            for (var i = 0; i < names.Count; i++)
            {
                AddToIndex(bySurname, names[i].Surname, i);
            }

            return new People(names, bySurname);
        }

        public Result Run()
        {
            var quotes = _doc.Quotations;
            var quoteEntity = new int[quotes.Length];
            for (var q = 0; q < quotes.Length; q++)
            {
                var quote = quotes[q];
                quoteEntity[q] = -1;
                if (quote.ContinuesFrom >= 0 && quote.ContinuesFrom < q && quoteEntity[quote.ContinuesFrom] >= 0)
                {
                    // A floating quotation, or "…, adding that …": the same source as the quotation it continues.
                    var e = quoteEntity[quote.ContinuesFrom];
                    quoteEntity[q] = e;
                    _entities[e].Quotes.Add(q);
                }
                else if (quote.Speaker is { } speaker)
                {
                    var e = Resolve(speaker);
                    quoteEntity[q] = e;
                    _entities[e].Quotes.Add(q);
                    MarkOrganisationBySelfReference(_entities[e], quote);
                }
            }

            var storyReasons = FindAnonymityGrants(quoteEntity);
            var bound = ImmutableArray.CreateBuilder<BoundEntity>(_entities.Count);
            for (var i = 0; i < _entities.Count; i++)
            {
                bound.Add(Freeze(_entities[i], OwnerOf(i)));
            }

            return new Result(bound.MoveToImmutable(), [.. quoteEntity], storyReasons);
        }

        // "the union's Friday release", "Okafor's statement", "her book": the source that issued a document, when the
        // story already has it as a source; -1 otherwise (an owner is never made up as a source of its own).
        private int OwnerOf(int index)
        {
            var entity = _entities[index];
            var mention = entity.Mentions[0];
            if (!mention.Info.Document || mention.Kind == MentionKind.Pronoun)
            {
                return -1;
            }

            var words = mention.HeadText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var position = mention.Span.Start;
            for (var k = 0; k < words.Length - 1; k++)
            {
                var possessive = words[k] switch
                {
                    "his" or "His" => "he",
                    "her" or "Her" => "she",
                    "their" or "Their" => "they",
                    "its" or "Its" => "it",
                    _ => null,
                };
                if (possessive is not null)
                {
                    var owner = ExistingAntecedent(possessive, position);
                    return owner == index ? -1 : owner;
                }

                if (words[k].EndsWith("'s", StringComparison.Ordinal) || words[k].EndsWith("\u2019s", StringComparison.Ordinal))
                {
                    var possessor = string.Join(' ', words[..(k + 1)]);
                    possessor = possessor[..^2];
                    var owner = EntityNamed(possessor, position);
                    return owner == index ? -1 : owner;
                }
            }

            return -1;
        }

        // The entity a possessor names: a person by surname ("Okafor"), or a source described in the same words
        // ("the union" after "The union said").
        private int EntityNamed(string possessor, int position)
        {
            var words = possessor.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || words[^1].Length == 0)
            {
                return -1; // "'s" on its own names nobody
            }

            var last = words[^1];
            if (char.IsUpper(last[0]) && LatestPerson(last, null) is var person and >= 0 && _entities[person].Mentions[0].Span.Start < position)
            {
                return person;
            }

            if (_entityByHead.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(Normalise(possessor.AsSpan()), out var same)
                && _entities[same].Mentions[0].Span.Start < position)
            {
                return same;
            }

            // "the union" after "The transit union said": the latest source described with that noun.
            return words.Length <= 3 && char.IsLower(last[0]) ? LatestDescribedAs(last.ToLowerInvariant(), position) : -1;
        }

        // The latest existing person (he, she) or group (they, it) a possessive pronoun can refer to, without
        // making an entity of a name the story only mentions.
        private int ExistingAntecedent(string pronoun, int position)
        {
            var gender = _lex.Pronouns.TryGetValue(pronoun, out var g) ? g : Gender.Unknown;
            for (var i = _entities.Count - 1; i >= LookbackStart; i--)
            {
                var e = _entities[i];
                if (e.Mentions[0].Span.Start >= position)
                {
                    continue;
                }

                if (gender is Gender.Male or Gender.Female ? e.IsPerson && (e.Gender == gender || e.Gender == Gender.Unknown) : e.IsGroupOrOrganisation)
                {
                    return i;
                }
            }

            return -1;
        }

        // "Yukos said it would appeal", "Samsung said its phones were safe": a name given as one bare capitalised
        // word, with no given name or title, that reports what "it" will do is an organisation, not a person.
        private void MarkOrganisationBySelfReference(Entity entity, Quotation quote)
        {
            // "Yukos" reads as a plural group and "Samsung" as a surname: either way one capitalised word alone.
            var mention = entity.Mentions[0];
            if (entity.GivenName is not null || entity.Mentions.Count != 1 || mention.Info.HasTitle || mention.Kind == MentionKind.Pronoun
                || mention.HeadText.Contains(' ', StringComparison.Ordinal) || !char.IsUpper(mention.HeadText[0]) || quote.Kind == QuotationKind.Direct)
            {
                return;
            }

            var content = _text.AsSpan(quote.Spans[0].Start, quote.Spans[0].Length).TrimStart();
            if (content.StartsWith("that ", StringComparison.OrdinalIgnoreCase))
            {
                content = content[5..].TrimStart();
            }

            if (content.StartsWith("it ", StringComparison.Ordinal) || content.StartsWith("its ", StringComparison.Ordinal)
                || content.StartsWith("it\u2019s ", StringComparison.Ordinal) || content.StartsWith("it's ", StringComparison.Ordinal))
            {
                entity.SpeaksAsOrganisation = true;
                entity.IsPerson = false;
                entity.IsGroupOrOrganisation = true;
            }
        }

        // ---- resolution ---------------------------------------------------------------

        private int Resolve(TextSpan speaker)
        {
            var head = HeadOf(speaker);
            var info = Analyse(head);

            // "The mayor, Luc Aubert," / "Her brother, Daniel Lopez": a name in apposition names the source.
            if (info.Surname is null && head.End < speaker.End && _text[head.End] == ',' && AppositiveName(head.End + 1, speaker.End) is { } name)
            {
                head = name;
                info = Analyse(head);
            }

            var headText = _text[head.Start..head.End];

            // "he’s", "they've": the pronoun without its contracted auxiliary.
            var apostrophe = headText.AsSpan().IndexOfAny('\'', '\u2019');
            if (apostrophe > 0 && _lex.Pronouns.ContainsKey(headText[..apostrophe]))
            {
                headText = headText[..apostrophe];
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

        // Every mention is "I" or a pronoun of a gender ("he", "she"): a loop, as a lambda here would capture the lexicon.
        private bool AllPersonalPronouns(List<Mention> mentions)
        {
            foreach (var m in mentions)
            {
                if (m.Kind != MentionKind.Pronoun
                    || !(m.HeadText.Equals("I", StringComparison.Ordinal) || (_lex.Pronouns.TryGetValue(m.HeadText, out var gender) && gender is Gender.Male or Gender.Female)))
                {
                    return false;
                }
            }

            return true;
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
            entity.Mentions.Add(new Mention(span, span, name.FullName, MentionKind.Name, Analyse(span)));
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
        private static ModifierEnumerator ModifierWords(string headText, string noun) => new(headText, noun);

        private static bool HasModifiers(string headText, string noun) => ModifierWords(headText, noun).MoveNext();

        private static int CountModifiers(string headText, string noun)
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
        private static bool DescribedWithAll(Entity entity, string headText, string noun) =>
            entity.AnyHeadText((headText, noun), static (description, candidate) =>
            {
                foreach (var modifier in ModifierWords(description.headText, description.noun))
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
        private ref struct ModifierEnumerator(string text, string noun)
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
                    if (word.IsEmpty || word.Equals(noun, StringComparison.OrdinalIgnoreCase) || (first && IsDeterminerWord(word)))
                    {
                        continue;
                    }

                    Current = word;
                    return true;
                }

                return false;
            }

            private static bool IsDeterminerWord(ReadOnlySpan<char> w) =>
                w.Equals("the", StringComparison.OrdinalIgnoreCase) || w.Equals("a", StringComparison.OrdinalIgnoreCase)
                || w.Equals("an", StringComparison.OrdinalIgnoreCase) || w.Equals("another", StringComparison.OrdinalIgnoreCase)
                || w.Equals("this", StringComparison.OrdinalIgnoreCase) || w.Equals("that", StringComparison.OrdinalIgnoreCase);
        }

        // ---- mention analysis ---------------------------------------------------------

        // The mention without its appositive: "Brig. X, who was at …" → "Brig. X";
        // "a senior official speaking on condition of anonymity" → "a senior official".
        private TextSpan HeadOf(TextSpan speaker)
        {
            var s = speaker.Start;
            var e = speaker.End;
            for (var i = s; i < e; i++)
            {
                if (_text[i] is ',' or '(' or ';')
                {
                    e = i;
                    break;
                }

                if (i > s && _text[i - 1] == ' ')
                {
                    // "Sanders on Tuesday", "the ministry in a statement": the adjunct is not part of the name.
                    if (IsAdjunctAt(i, e))
                    {
                        e = i - 1;
                        goto done;
                    }

                    // Only a word that starts as one of these can be one (no letter beyond ASCII equals one of
                    // theirs ignoring case).
                    var initial = _text[i] | 0x20;
                    foreach (var stop in initial is 'w' or 's' or 't' or 'd' or 'a' or 'r' or 'i' ? StopsBeforeAdjunct : [])
                    {
                        if (_text.AsSpan(i, Math.Min(stop.Length, e - i)).Equals(stop, StringComparison.OrdinalIgnoreCase))
                        {
                            e = i - 1;
                            goto done;
                        }
                    }
                }
            }

        done:
            while (e > s && char.IsWhiteSpace(_text[e - 1]))
            {
                e--;
            }

            // "Business leaders who" (… who say …): the relative pronoun is not part of the name.
            if (e - s > 4 && _text.AsSpan(e - 4, 4).Equals(" who", StringComparison.OrdinalIgnoreCase))
            {
                e -= 4;
            }

            return new TextSpan(s, Math.Max(s + 1, e));
        }

        private static readonly string[] StopsBeforeAdjunct = ["who ", "which ", "speaking ", "talking ", "declining ", "asking ", "requesting ", "insisting "];

        private bool IsAdjunctAt(int i, int end)
        {
            var w1 = WordAt(i, end);
            if (w1.Length == 0 || !_lex.AdjunctPrepositionLookup.Contains(w1))
            {
                return false;
            }

            // The head must follow within three words: "on Tuesday", "in a statement", "in an interview".
            var j = i + w1.Length;
            for (var n = 0; n < 3 && j < end; n++)
            {
                while (j < end && _text[j] == ' ')
                {
                    j++;
                }

                var w = WordAt(j, end);
                if (w.Length == 0)
                {
                    return false;
                }

                if (_lex.AdjunctHeadLookup.Contains(w))
                {
                    return true;
                }

                j += w.Length;
            }

            return false;
        }

        private ReadOnlySpan<char> WordAt(int i, int end)
        {
            var j = i;
            while (j < end && (char.IsLetterOrDigit(_text[j]) || _text[j] is '-' or '\'' or '\u2019'))
            {
                j++;
            }

            return _text.AsSpan(i, j - i);
        }

        private TextSpan? AppositiveName(int from, int end)
        {
            while (from < end && char.IsWhiteSpace(_text[from]))
            {
                from++;
            }

            var stop = from;
            while (stop < end && _text[stop] is not (',' or ';' or '('))
            {
                stop++;
            }

            if (stop <= from || !char.IsUpper(_text[from]))
            {
                return null;
            }

            var span = new TextSpan(from, stop);
            return Analyse(span).Surname is not null ? span : null;
        }

        private MentionInfo Analyse(TextSpan head)
        {
            var words = Words(head);
            string? given = null;
            string? surname = null;
            var gender = Gender.Unknown;
            bool title = false, institution = false, role = false, spokes = false, document = false, anonymous = false;
            var indefinite = words.Count > 0 && IsIndefiniteDeterminer(words[0]);
            var definite = words.Count > 0 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase);

            // The head noun: the last word before "of/with/for/familiar/close…" ("sources familiar with the talks" → sources).
            var headNoun = "";
            foreach (var w in words)
            {
                if (_lex.Prepositions.Contains(w) || w is "familiar" or "close" or "involved" or "briefed" or "knowledgeable")
                {
                    break;
                }

                // "a Washington Post database tracking such deaths", "a study that appeared …": a participle or a
                // relative pronoun after the noun opens what modifies it.
                if (headNoun.Length > 0 && !_lex.Determiners.Contains(headNoun) && char.IsLower(w[0])
                    && (w is "that" or "which" or "who" || (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal))))
                {
                    break;
                }

                headNoun = w;
            }

            // "A Quinnipiac University poll released in late August": the head is "poll".
            for (var k = words.IndexOf(headNoun); k > 0 && headNoun.Length > 4 && headNoun.EndsWith("ed", StringComparison.Ordinal) && char.IsLower(headNoun[0]); k--)
            {
                headNoun = words[k - 1];
            }

            var headCapitalised = headNoun.Length > 0 && char.IsUpper(headNoun[0]) && !(words.Count > 0 && words[0] == headNoun && (definite || indefinite));
            var headAcronym = headNoun.Length >= 2 && IsAllCaps(headNoun) && !_lex.Pronouns.ContainsKey(headNoun);
            headNoun = TrimPossessive(headNoun).ToLowerInvariant(); // "the alliance's" → alliance
            var capitals = 0;
            var nameRun = _nameRun;
            nameRun.Clear();
            var personEvidence = false;
            var previousIsTitle = false; // words[i - 1] without its periods is a title
            for (var i = 0; i < words.Count; i++)
            {
                var w = words[i];
                var bare = w.TrimEnd('.');
                var noun = TrimPossessive(bare); // "the city's auditor": city (the noun sets ignore case)
                var kinds = _src.KindsOf(noun);
                var titleAsSurname = previousIsTitle && (i == words.Count - 1 || !IsNameWord(words[i + 1]));
                var isTitle = _lex.Titles.TryGetValue(bare, out var tg);
                previousIsTitle = isTitle;
                if (isTitle && char.IsUpper(w[0]) && !titleAsSurname)
                {
                    title = true;
                    if (gender == Gender.Unknown)
                    {
                        gender = tg;
                    }

                    // Titles are also roles: "Minister", "Secretary".
                    role |= (kinds & NounKinds.Role) != 0;
                    continue;
                }

                institution |= (kinds & NounKinds.Institution) != 0 || _src.OrganizationNames.Contains(bare);
                role |= (kinds & NounKinds.Role) != 0 || noun.EndsWith("-year-old", StringComparison.OrdinalIgnoreCase);
                spokes |= (kinds & NounKinds.Spokesperson) != 0;
                anonymous |= (kinds & NounKinds.Anonymous) != 0;
                if (IsNameWord(w) && !(i == 0 && (definite || indefinite)))
                {
                    capitals++;
                    if ((kinds & (NounKinds.Institution | NounKinds.Role)) == 0)
                    {
                        nameRun.Add(bare);
                        if (_src.GivenNames.TryGetValue(bare, out var ng))
                        {
                            personEvidence = true;
                            given ??= bare;
                            if (gender == Gender.Unknown)
                            {
                                gender = ng;
                            }
                        }
                    }
                }
            }

            var headKinds = _src.KindsOf(headNoun);
            document = _src.DocumentNouns.Contains(headNoun);
            var plural = headNoun.Length > 3 && headNoun.EndsWith('s') && !headNoun.EndsWith("ss", StringComparison.Ordinal)
                && ((headKinds & (NounKinds.Role | NounKinds.Anonymous)) != 0 || document || !char.IsUpper(headNoun[0]));
            plural |= headNoun is "police" or "people" or "critics";

            // A personal name: a title or a given name before a capitalised word, or a capitalised
            // single word that the story elsewhere gives as a person's surname ("Clinton").
            // "McConnell aides", "Clinton supporters": a name that modifies a common noun is not the speaker's name.
            var lastNameWord = LastIndexOfWord(words, nameRun.Count > 0 ? nameRun[^1] : null);
            var nameIsHead = lastNameWord >= 0;
            for (var k = lastNameWord + 1; k < words.Count && nameIsHead; k++)
            {
                nameIsHead = !char.IsLower(words[k][0]);
            }

            if (nameRun.Count > 0 && !definite && !indefinite && nameIsHead)
            {
                var last = TrimPossessive(nameRun[^1]);
                if ((title || personEvidence) && (nameRun.Count >= 2 || title))
                {
                    surname = last;
                }
                else if (!institution && IsKnownSurname(last, allowWeakEvidence: !(words.Count == 1 && IsPluralWord(last))))
                {
                    surname = last; // "Sanders" after "Bernie Sanders"; not "Republicans" after "House Republicans"
                }
                else if (!institution && nameRun.Count == 1 && words.Count == 1 && !document && !IsAllCaps(nameRun) && !IsPluralWord(last)
                    && !_src.AnonymousNouns.Contains(last) && !_lex.Pronouns.ContainsKey(last))
                {
                    // A bare capitalised word speaking ("Wines said", "McLenney told") is most often a
                    // person named earlier in a way no list recognised.
                    surname = last;
                }
                else if (!institution && nameRun.Count >= 2 && nameRun.Count == capitals && words.Count == nameRun.Count && !document && !IsAllCaps(nameRun))
                {
                    // Two or three capitalised words and nothing else: most often a person's name.
                    surname = last;
                }
            }

            // "Clinton campaign manager Robby Mook", "the Democratic candidate Hillary Clinton", "Osama bin
            // Laden": two or more name words closing the mention are a person's name whatever precedes them.
            if (surname is null && TrailingName(words) is { } tail)
            {
                surname = tail.Surname;
                given ??= tail.Given;
                if (gender == Gender.Unknown && tail.Given is not null && _src.GivenNames.TryGetValue(tail.Given, out var tg2))
                {
                    gender = tg2;
                }
            }

            // "Howard said" after "Michael Howard": a lone name word is the surname, even when it is also a given
            // name, and must not stop the mention joining the person with another given name.
            if (surname is not null && nameRun.Count == 1 && string.Equals(given, surname, StringComparison.OrdinalIgnoreCase))
            {
                given = null;
            }

            var proper = capitals > 0 && surname is null && !document;
            // "The New York Times", "the United States", "The Times": a proper name, not a plural group.
            var properPlural = (capitals >= 2 && nameRun.Count >= 1) || (definite && words.Count == 2 && headCapitalised && (headKinds & NounKinds.Anonymous) == 0);
            var headIsInstitution = surname is null && !_lex.Pronouns.ContainsKey(headNoun)
                && ((headKinds & NounKinds.Institution) != 0 || _src.OrganizationNames.Contains(headNoun) || (IsPluralWord(headNoun) && _src.InstitutionNouns.Contains(headNoun[..^1]))
                    || (headAcronym && surname is null)
                    || (headCapitalised && (headKinds & (NounKinds.Role | NounKinds.Anonymous)) == 0 && !document && (properPlural || !IsPluralWord(headNoun))));
            var pollShare = IsPollShare(words);
            plural |= surname is null && headCapitalised && IsPluralWord(headNoun) && !headIsInstitution;
            return new MentionInfo(given, surname, gender, title, institution || proper, proper, role, spokes, document || pollShare, anonymous && surname is null, plural, indefinite, headNoun, headIsInstitution, pollShare);
        }

        private (string Surname, string? Given)? TrailingName(List<string> words)
        {
            var end = words.Count;

            // Party and state tags: "Sen. Bernie Sanders (I-Vt.)", "Rep. John Mica (R-Fla.)".
            while (end > 0 && words[end - 1].Length >= 3 && char.IsUpper(words[end - 1][0]) && words[end - 1][1] == '-')
            {
                end--;
            }

            var start = end;
            while (start > 0 && (IsNameWord(words[start - 1]) || (start < end && NameParticles.Contains(words[start - 1]))))
            {
                start--;
            }

            // Leading titles are not part of the name run.
            while (start < end && _lex.Titles.ContainsKey(words[start]))
            {
                start++;
            }

            if (end - start < 2 || NameParticles.Contains(words[start]))
            {
                return null;
            }

            for (var i = start; i < end; i++)
            {
                var word = words[i]; // the noun sets ignore case
                // "Union president Marty Jones": a surname ending in s closes a run that a lowercase role noun opens;
                // "House Republicans" and "Ottawa Senators" have none.
                var surnameInS = i == end - 1 && end - start >= 2 && start > 0 && char.IsLower(words[start - 1][0])
                    && (_src.RoleNouns.Contains(words[start - 1]) || _lex.Titles.ContainsKey(words[start - 1]));
                if (_src.InstitutionNouns.Contains(word) || _src.RoleNouns.Contains(word) || _src.OrganizationNames.Contains(word)
                    || _src.DocumentNouns.Contains(word) || _lex.Titles.ContainsKey(words[i]) || IsAllCaps(words[i]) || (IsPluralWord(words[i]) && !surnameInS))
                {
                    return null;
                }
            }

            return (TrimPossessive(words[end - 1]), _src.GivenNames.ContainsKey(words[start]) ? words[start] : null);
        }

        private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
        {
            "bin", "ibn", "bint", "al", "el", "de", "del", "della", "van", "von", "der", "den", "da", "di", "du", "la", "le", "dos", "das", "ter", "ten", "abu",
        };

        // "Democrats", "Demonstrators": a plural, a group rather than a name.
        private static bool IsPluralWord(string w) =>
            w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)
            && !w.EndsWith("is", StringComparison.Ordinal) && !w.EndsWith("'s", StringComparison.Ordinal) && !w.EndsWith("\u2019s", StringComparison.Ordinal);

        // "63 percent", "Only 52 percent of registered voters", "six in 10", "Nearly eight of 10 voters".
        private static bool IsPollShare(List<string> words)
        {
            for (var i = 0; i < words.Count; i++)
            {
                if (words[i].EndsWith('%'))
                {
                    return true;
                }

                // Only a word of a length the tests below can match is lowered.
                if (words[i].Length is not (2 or 3 or 7))
                {
                    continue;
                }

                var w = words[i].ToLowerInvariant();
                if (w is "percent" or "per")
                {
                    return true;
                }

                if (w is "in" or "of" or "out" && i + 1 < words.Count && words[i + 1] == "10" && i > 0)
                {
                    return true;
                }
            }

            return false;
        }

        // "al-Khafaji", "van Dyke", "de la Cruz": name particles stay with the name.
        private static bool IsNameWord(string w) =>
            char.IsUpper(w[0]) || (w.IndexOf('-', StringComparison.Ordinal) is > 0 and var dash && dash + 1 < w.Length && char.IsUpper(w[dash + 1]));

        private static bool IsAllCaps(List<string> words)
        {
            foreach (var w in words)
            {
                if (!IsAllCaps(w))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsAllCaps(ReadOnlySpan<char> word)
        {
            foreach (var c in word)
            {
                if (char.IsLetter(c) && !char.IsUpper(c))
                {
                    return false;
                }
            }

            return true;
        }

        // Words separated by spaces, as Split(' ', RemoveEmptyEntries) would count them, without the array.
        private static int CountWords(string text)
        {
            var count = 0;
            foreach (var range in text.AsSpan().Split(' '))
            {
                if (range.End.Value > range.Start.Value)
                {
                    count++;
                }
            }

            return count;
        }

        private ReadOnlySpan<char> Slice((int Start, int End) span) => _text.AsSpan(span.Start, span.End - span.Start);

        private static ReadOnlySpan<char> TrimPossessive(ReadOnlySpan<char> w) =>
            w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("\u2019s", StringComparison.Ordinal) ? w[..^2] : w;

        private static string TrimPossessive(string w) =>
            w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("\u2019s", StringComparison.Ordinal) ? w[..^2] : w;

        private bool IsKnownSurname(string word, bool allowWeakEvidence = true)
        {
            if (NamesBySurname.ContainsKey(word))
            {
                return true;
            }

            if (_personsBySurname.ContainsKey(word))
            {
                return true;
            }

            return allowWeakEvidence && AppearsAfterAFirstName(word);
        }

        // "Robby Mook" somewhere in the story makes "Mook said" a person even when "Robby" is in no
        // name list: the word follows a capitalised word that is not a title, an institution or a
        // sentence opener.
        private bool AppearsAfterAFirstName(string word)
        {
            if (word.Length < 2 || IsAllCaps(word))
            {
                return false;
            }

            if (!_afterFirstName.TryGetValue(word, out var known))
            {
                // A few words are searched for (one vectorised scan each); past that the story is read once into
                // the set of every word that follows a first name, so a long story with many names stays linear.
                if (_afterFirstNameSet is null && _afterFirstName.Count < SearchesBeforeIndexing)
                {
                    known = SearchAfterAFirstName(word);
                }
                else
                {
                    _afterFirstNameSet ??= WordsAfterAFirstName();
                    known = _afterFirstNameSet.Contains(word);
                }

                _afterFirstName[word] = known;
            }

            return known;
        }

        private const int SearchesBeforeIndexing = 8;

        private HashSet<string>? _afterFirstNameSet;

        private bool SearchAfterAFirstName(string word)
        {
            for (var at = _text.IndexOf(word, StringComparison.Ordinal); at > 1; at = _text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            {
                var end = at + word.Length;
                if ((end < _text.Length && char.IsLetterOrDigit(_text[end])) || _text[at - 1] != ' ')
                {
                    continue;
                }

                if (FollowsAFirstName(at))
                {
                    return true;
                }
            }

            return false;
        }

        // Every word that SearchAfterAFirstName would find, in one pass: at each word after a single space that
        // follows a first name, each prefix of the word that ends before a character other than a letter or a
        // digit ("O", "O'Neill" and "O'Neill's" in "O'Neill's").
        private HashSet<string> WordsAfterAFirstName()
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            for (var space = _text.IndexOf(' ', 1); space >= 0 && space + 1 < _text.Length; space = _text.IndexOf(' ', space + 1))
            {
                var at = space + 1;
                if (at <= 1 || !char.IsLetterOrDigit(_text[at]) || !FollowsAFirstName(at))
                {
                    continue;
                }

                for (var end = at + 1; end <= _text.Length && end - at <= MaxNameWordLength; end++)
                {
                    if (end == _text.Length || !char.IsLetterOrDigit(_text[end]))
                    {
                        set.Add(_text[at..end]);
                        if (end == _text.Length || char.IsWhiteSpace(_text[end]))
                        {
                            break;
                        }
                    }
                }
            }

            return set;
        }

        private const int MaxNameWordLength = 64;

        // True when the word at `at` (after one space) follows a capitalised word that is not a title, an
        // institution, a function word or a sentence opener: a first name.
        private bool FollowsAFirstName(int at)
        {
            var p = at - 2;
            while (p >= 0 && (char.IsLetter(_text[p]) || _text[p] is '.' or '-'))
            {
                p--;
            }

            var previous = _text.AsSpan((p + 1)..(at - 1)).TrimEnd('.');
            if (previous.Length < 2 || !char.IsUpper(previous[0]))
            {
                return false;
            }

            var atSentenceStart = p < 0 || _text[p] == '\n' || (p >= 1 && _text[p] == ' ' && _text[p - 1] is '.' or '!' or '?');
            var word = previous.ToString();
            return !IsAllCaps(word) && !atSentenceStart
                && !_lex.Determiners.Contains(word) && !_lex.Prepositions.Contains(word) && !_lex.Pronouns.ContainsKey(word)
                && !_src.InstitutionNouns.Contains(word) && !_src.RoleNouns.Contains(word) && !_lex.Titles.ContainsKey(word);
        }

        private static readonly char[] WordEndPunctuation = ['.', '\'', '\u2019', '-'];

        private List<string> Words(TextSpan span)
        {
            var words = _words;
            words.Clear();
            var i = span.Start;
            while (i < span.End)
            {
                while (i < span.End && !char.IsLetterOrDigit(_text[i]))
                {
                    i++;
                }

                // Letters and digits with apostrophes, hyphens and periods among them: the ASCII runs read
                // eight characters at a time, the character after each decided here.
                var s = i;
                while (i < span.End)
                {
                    i = AsciiRuns.LettersOrDigitsEnd(_text, i, span.End);
                    if (i < span.End && (_text[i] is '\'' or '\u2019' or '-' or '.' || (_text[i] > '\u007f' && char.IsLetterOrDigit(_text[i]))))
                    {
                        i++;
                        continue;
                    }

                    break;
                }

                var word = _text.AsSpan(s, i - s).TrimEnd(WordEndPunctuation);
                if (!word.IsEmpty)
                {
                    words.Add(word.ToString());
                }
            }

            return words;
        }

        // "a", "another", "several": case aside.
        private static bool IsIndefiniteDeterminer(string word) => word.Length <= 7 && (word.Equals("a", StringComparison.OrdinalIgnoreCase)
            || word.Equals("an", StringComparison.OrdinalIgnoreCase) || word.Equals("another", StringComparison.OrdinalIgnoreCase)
            || word.Equals("one", StringComparison.OrdinalIgnoreCase) || word.Equals("some", StringComparison.OrdinalIgnoreCase)
            || word.Equals("several", StringComparison.OrdinalIgnoreCase) || word.Equals("many", StringComparison.OrdinalIgnoreCase)
            || word.Equals("two", StringComparison.OrdinalIgnoreCase) || word.Equals("three", StringComparison.OrdinalIgnoreCase));

        // The last of the words that is the name word, trailing periods aside; -1 for none.
        private static int LastIndexOfWord(List<string> words, string? nameWord)
        {
            for (var k = words.Count - 1; k >= 0 && nameWord is not null; k--)
            {
                if (words[k].AsSpan().TrimEnd('.').SequenceEqual(nameWord))
                {
                    return k;
                }
            }

            return -1;
        }

        // People named anywhere outside quotations: a title or a known given name, then capitalised words.
        private static readonly System.Buffers.SearchValues<char> NotCapitals = System.Buffers.SearchValues.Create(
            string.Concat(Enumerable.Range(0, 128).Select(c => (char)c).Where(c => c is not (>= 'A' and <= 'Z'))));

        private List<PersonName> ScanPersonNames()
        {
            // Runs of capitalised words are looked up as slices of the story: only the names found become strings.
            var titles = _lex.TitleLookup;
            var givenNames = _src.GivenNameLookup;
            var institutions = _src.InstitutionNounLookup;
            var names = new List<PersonName>();
            var spans = new List<(int Start, int End)>();
            var regions = _doc.QuoteRegions;
            var r = 0;
            var i = 0;
            var text = _text;
            while (i < text.Length)
            {
                // A name starts with a capital: jump to the next character that could be one (A–Z, or
                // anything beyond ASCII) with a vectorised search.
                var next = text.AsSpan(i).IndexOfAnyExcept(NotCapitals);
                if (next < 0)
                {
                    break;
                }

                i += next;
                if (!char.IsUpper(text[i]) || (i > 0 && char.IsLetterOrDigit(text[i - 1])))
                {
                    i++;
                    continue;
                }

                while (r < regions.Length && regions[r].Span.End <= i)
                {
                    r++;
                }

                if (r < regions.Length && regions[r].Span.Start <= i)
                {
                    i = regions[r].Span.End;
                    continue;
                }

                var start = i;
                var j = i;
                spans.Clear();
                while (j < text.Length && char.IsUpper(text[j]))
                {
                    var s = j;
                    j = NameWordEnd(text, s);
                    spans.Add((s, j));
                    if (j < text.Length && text[j] == ' ' && j + 1 < text.Length && char.IsUpper(text[j + 1]))
                    {
                        j++;
                        continue;
                    }

                    break;
                }

                i = Math.Max(j, i + 1);
                if (spans.Count < 2)
                {
                    // A lone capitalised word (most of them): no strings made.
                    continue;
                }

                // Trailing periods are not part of the word ("Gen." → Gen, "U.S." → U.S).
                for (var k = 0; k < spans.Count; k++)
                {
                    var (s, e) = spans[k];
                    while (e > s + 1 && text[e - 1] == '.')
                    {
                        e--;
                    }

                    spans[k] = (s, e);
                }

                var first = 0;
                while (first < spans.Count && titles.ContainsKey(Slice(spans[first])))
                {
                    first++;
                }

                var hasTitle = first > 0;
                if (first >= spans.Count)
                {
                    continue;
                }

                var givenAt = givenNames.TryGetValue(Slice(spans[first]), out var g) ? first : -1;
                if (!hasTitle && givenAt < 0)
                {
                    // "State Jon Husted", "Trump lawyer Marc Kasowitz": start at the first given name.
                    var at = first + 1;
                    while (at < spans.Count && !givenNames.TryGetValue(Slice(spans[at]), out g))
                    {
                        at++;
                    }

                    if (at >= spans.Count - 1)
                    {
                        continue;
                    }

                    first = givenAt = at;
                    start = spans[at].Start;
                }

                var titleGender = hasTitle && titles.TryGetValue(Slice(spans[0]), out var tg) ? tg : Gender.Unknown;
                var surname = TrimPossessive(Slice(spans[^1]));
                if (institutions.Contains(surname) || (givenAt >= 0 && spans.Count - first < 2))
                {
                    continue;
                }

                var end = spans[^1].End;
                names.Add(new PersonName(start, text[start..end], surname.ToString(), givenAt >= 0 ? Slice(spans[givenAt]).ToString() : null,
                    titleGender != Gender.Unknown ? titleGender : givenAt < 0 ? Gender.Unknown : g));
            }

            return names;
        }

        // The end of a capitalised word that starts at s: letters, hyphens, apostrophes, and periods within its
        // first five characters ("Gen.", "U.S."). A method of its own, so the loop keeps its values in registers.
        private static int NameWordEnd(string text, int s)
        {
            // The letters of a name are ASCII letters but for a few: the loop below reads from the first that is not.
            var j = AsciiRuns.LettersEnd(text, s, text.Length);
            while ((uint)j < (uint)text.Length)
            {
                var c = text[j];
                if (char.IsAsciiLetter(c) || (c > '\u007f' ? char.IsLetter(c) || c == '\u2019' : c is '-' or '\'' || (c == '.' && j - s <= 4)))
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            return j;
        }

        // ---- anonymity ----------------------------------------------------------------

        private ImmutableArray<AnonymityReason> FindAnonymityGrants(int[] quoteEntity)
        {
            var story = ImmutableArray.CreateBuilder<AnonymityReason>();

            // Most stories grant no anonymity: one pass over the whole text, for a word of each phrase,
            // finds the sentences worth a closer look, instead of every phrase against every sentence.
            var candidates = new SortedSet<int>();
            var search = _src.AnonymityGrantSearch;
            for (var from = 0; from < _text.Length;)
            {
                var at = _text.AsSpan(from).IndexOfAny(search);
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

                var sentence = _doc.Sentences[index];
                var text = _text.AsSpan(sentence.Start, sentence.Length);
                if (text.IndexOfAny(_src.AnonymityGrantPhraseSearch) < 0)
                {
                    continue; // the word without its phrase ("named after", "with")
                }

                foreach (var grant in _src.AnonymityGrants)
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
                        _entities[owner].HasGrant = true;
                        if (reason is not null)
                        {
                            _entities[owner].Reason ??= reason;
                        }
                    }
                    else if (reason is not null)
                    {
                        story.Add(reason);
                    }

                    break;
                }
            }

            return story.ToImmutable();
        }

        private int SentenceIndexOf(int offset)
        {
            var found = OrderedSearch.LastAtOrBefore(_doc.Sentences, offset, sentence => sentence.Start);
            return found >= 0 && offset < _doc.Sentences[found].End ? found : -1;
        }

        private bool InsideQuotation(int offset)
        {
            // Top-level regions are disjoint and in text order: only the last one starting before offset can hold it.
            var last = OrderedSearch.CountBefore(_doc.QuoteRegions, offset, r => r.Span.Start) - 1;
            return last >= 0 && offset < _doc.QuoteRegions[last].Span.End;
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
                var quotes = _doc.Quotations;
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
            var rest = _text.AsSpan(from, end - from);
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
            while (stop < end && _text[stop] is not (',' or ';' or '.' or '"' or '\u201D' or '\u2014'))
            {
                stop++;
            }

            if (stop - start < 4)
            {
                return null;
            }

            var reasonText = _text[start..stop].Trim();
            var boilerplate = false;
            foreach (var b in _src.BoilerplateReasons)
            {
                if (reasonText.Contains(b, StringComparison.OrdinalIgnoreCase))
                {
                    boilerplate = true;
                    break;
                }
            }

            return new AnonymityReason(new TextSpan(start, start + reasonText.Length), reasonText, boilerplate);
        }

        // ---- freezing -----------------------------------------------------------------

        private BoundEntity Freeze(Entity e, int owner)
        {
            // Name: the fullest name mention; otherwise the first description.
            var nameMention = e.Mentions[0];
            var nameWords = -1;
            foreach (var m in e.Mentions)
            {
                if (m.Kind == MentionKind.Name)
                {
                    var words = CountWords(m.HeadText);
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
                if (_doc.Quotations[q].Kind == QuotationKind.Direct)
                {
                    direct++;
                }
            }

            // "association president Marty Jones": the name is Marty Jones and the role association president;
            // "Ms. May" keeps its honorific; "Erik Karlsson's" is Erik Karlsson.
            var (name, role) = nameWords >= 0 ? PersonNameAndRole(nameMention.HeadText) : (nameMention.HeadText, "");
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
                IsKinship = _src.KinshipNouns.Contains(first.HeadNoun) && !first.Plural,
                IsVagueDescriptor = !anyName && (_src.VagueDescriptors.Contains(first.HeadNoun)
                    || e.Mentions[0].Span is var m0 && (_text.AsSpan(m0.Start, m0.Length).Contains("familiar with", StringComparison.OrdinalIgnoreCase)
                        || _text.AsSpan(m0.Start, m0.Length).Contains("close to", StringComparison.OrdinalIgnoreCase))),
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
            var words = headText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var end = words.Length;
            while (end > 1 && words[end - 1].StartsWith('(') && words[end - 1].EndsWith(')'))
            {
                end--; // "(R-Ga.)"
            }

            var start = end;
            while (start > 0 && (IsNameWord(words[start - 1]) || (start < end && NameParticles.Contains(words[start - 1]))))
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
                if (_src.RoleNouns.Contains(words[i]) || IsTitleWord(words[i]))
                {
                    start = i + 1;
                    break;
                }
            }

            // A word before a given name that is itself none ("Exchequer Gordon Brown", "Earlier Tony Blair") is
            // not part of the name.
            if (start < end - 2 && !_src.GivenNames.ContainsKey(words[start]) && !IsHonorific(words[start]) && !IsInitial(words[start])
                && !_src.OrganizationNames.Contains(words[end - 1].TrimEnd('.')))
            {
                for (var i = start + 1; i < end - 1; i++)
                {
                    if (_src.GivenNames.ContainsKey(words[i]))
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

            words[end - 1] = TrimPossessive(words[end - 1]);
            var name = string.Join(' ', words, start, end - start);
            // The role is the phrase next to the name: "after US Treasury Secretary" gives "US Treasury Secretary"
            // ("Secretary of State", "Minister for Europe", "Economy and Labour Minister" and "Treasury Under
            // Secretary" keep their words: a boundary inside a capitalised title is none).
            var roleStart = 0;
            for (var i = start - 1; i >= 0; i--)
            {
                var boundary = _lex.ClauseBoundaries.Contains(words[i]) || (_lex.Prepositions.Contains(words[i]) && words[i] is not ("of" or "for"));
                if (words[i].EndsWith(',') || (boundary && char.IsLower(words[i][0]) && (i == 0 || !char.IsUpper(words[i - 1][0]))))
                {
                    roleStart = i + 1;
                    break;
                }
            }

            while (roleStart < start && words[roleStart] is "the" or "The" or "a" or "A" or "an" or "An")
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
                var w = TrimPossessive(word.TrimEnd(','));
                if (_src.RoleNouns.Contains(w) || IsTitleWord(w))
                {
                    return true;
                }
            }

            foreach (var word in words)
            {
                if (word.EndsWith(',') || _lex.Prepositions.Contains(word) || _lex.Determiners.Contains(word) || _lex.ClauseBoundaries.Contains(word))
                {
                    return false;
                }
            }

            return words.Length > 0 && words[^1].Length > 0 && char.IsLower(words[^1][0]);
        }

        // "R." of "R. Donald Fullerton": an initial, which belongs to the name.
        private static bool IsInitial(string word) => word.Length == 2 && char.IsUpper(word[0]) && word[1] == '.';

        // A courtesy title of the lexicon ("Mr", "Ms.", "Umm"), not a rank or an office.
        private bool IsHonorific(string word) => _src.Honorifics.Contains(word.TrimEnd('.'));

        // "Brig.", "Sen", "Coun." — a rank or title of the lexicon, with or without its period.
        private bool IsTitleWord(string word) => _lex.Titles.ContainsKey(word.TrimEnd('.'));

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
    }
}
