using System.Collections.Immutable;
using Attribution.Analysis.Configuration;
using Attribution.Text;

namespace Attribution.Analysis.Binding;

/// <summary>
/// Groups speaker mentions into source entities across a story: full name ↔ surname ↔ title +
/// surname, pronouns by gender and number to the nearest compatible antecedent, definite
/// descriptions ("the official", "the brigadier") to the latest entity they describe, and computes
/// each entity's facts. Classification is left to the rules.
/// </summary>
public sealed partial class SourceBinder
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

        /// <summary>True for people named together ("Mr. Grassley and Mr. Leahy say …"): one source, neither person.</summary>
        public bool IsNamedGroup { get; set; }

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

    // The story's personal names in text order, and their indexes by surname: what the name-scanning stage gives.
    private sealed record People(List<PersonName> Names, Dictionary<string, List<int>> BySurname);

    private sealed partial class BindState
    {
        private readonly ParsedDocument _doc;
        private readonly string _text;
        private readonly Lexicon _lex;
        private readonly SourceLexicon _src;
        private readonly List<Entity> _entities = [];
        private People? _people;
        private readonly Dictionary<string, int> _unresolved;

        // The mention-analysis stage, which reads the names and the persons resolved so far.
        private readonly MentionAnalyzer _mentions;

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
            _unresolved = indexes.Unresolved;
            _personsBySurname = indexes.PersonsBySurname;
            _entityByHead = indexes.EntityByHead;
            _headWords = indexes.HeadWords;
            _namesBySurname = indexes.NamesBySurname;
            _mentions = new MentionAnalyzer(_text, _lex, _src, () => Persons, _personsBySurname, indexes.AfterFirstName);
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


        // Scanned for on first use: a story that quotes nobody (one in eight of a news archive) never needs them.
        private People Persons => _people ??= ScanPeople();

        private List<PersonName> Names => Persons.Names;

        private Dictionary<string, List<int>> NamesBySurname => Persons.BySurname;

        private readonly Dictionary<string, List<int>> _namesBySurname;

        private People ScanPeople()
        {
            var names = new NameScanner(_doc, _lex, _src).Scan();
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
                    MarkTranscriptSpeaker(e, quote);
                }
            }

            // The stages after resolution: anonymity grants, then each entity frozen with its facts.
            var grants = new GrantFinder(_doc, _lex, _src).Find(quoteEntity);
            foreach (var (entity, reason) in grants.Covered)
            {
                _entities[entity].HasGrant = true;
                if (reason is not null)
                {
                    _entities[entity].Reason ??= reason;
                }
            }

            var freezer = new EntityFreezer(_doc, _lex, _src);
            var bound = ImmutableArray.CreateBuilder<BoundEntity>(_entities.Count);
            for (var i = 0; i < _entities.Count; i++)
            {
                bound.Add(freezer.Freeze(_entities[i], OwnerOf(i)));
            }

            return new Result(bound.MoveToImmutable(), [.. quoteEntity], grants.Story);
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

        // "WALLACE: If I may, sir, …": a transcript's turn label, one word in capitals that no list knows as an
        // organisation or a role ("HOST", "MODERATOR"), is a person's surname.
        private void MarkTranscriptSpeaker(int e, Quotation quote)
        {
            var entity = _entities[e];
            var mention = entity.Mentions[^1];
            if (quote.Verb is not null || quote.Cue is not { Length: 1 } cue || _text[cue.Start] != ':' || mention.Kind == MentionKind.Name
                || mention.HeadText.Length < 3 || !mention.HeadText.All(char.IsUpper) || !mention.HeadText.Any(c => c is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y')
                || _src.OneWordOrganizations.Contains(mention.HeadText) || _src.KindsOf(mention.HeadText) != NounKinds.None)
            {
                return;
            }

            var surname = MentionAnalyzer.TitleCased(mention.HeadText);
            entity.Mentions[^1] = mention with { Kind = MentionKind.Name, Info = mention.Info with { Surname = surname, HeadIsInstitution = false, Institution = false, ProperName = false } };
            entity.IsPerson = true;
            entity.IsGroupOrOrganisation = false;
            if (entity.Surname is null)
            {
                entity.Surname = surname;
                FilePerson(surname, e);
            }
        }

        // "Wells Fargo", "The Charlotte Observer": every word capitalised (an article aside), none a given name.
        private static bool IsCapitalisedName(string headText)
        {
            var words = headText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var first = words.Length > 1 && words[0] is "The" or "the" ? 1 : 0;
            if (first >= words.Length || words.Length - first > 4)
            {
                return false;
            }

            for (var i = first; i < words.Length; i++)
            {
                if (!char.IsUpper(words[i][0]))
                {
                    return false;
                }
            }

            return true;
        }

        // "Yukos said it would appeal", "Samsung said its phones were safe": a name given as one bare capitalised
        // word, with no given name or title, that reports what "it" will do is an organisation, not a person.
        private void MarkOrganisationBySelfReference(Entity entity, Quotation quote)
        {
            // "Yukos" reads as a plural group and "Samsung" as a surname: either way one capitalised word alone.
            var mention = entity.Mentions[0];
            if (entity.GivenName is not null || entity.Mentions.Count != 1 || mention.Info.HasTitle || mention.Kind == MentionKind.Pronoun
                || !IsCapitalisedName(mention.HeadText) || quote.Kind == QuotationKind.Direct)
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
    }
}
