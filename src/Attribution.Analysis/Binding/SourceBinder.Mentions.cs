using Attribution.Analysis.Configuration;
using Attribution.Text;

namespace Attribution.Analysis.Binding;

/// <summary>Binding, mention analysis: a speaker phrase's head, its words, and what they say about the person or group it names.</summary>
public sealed partial class SourceBinder
{
    /// <summary>
    /// The mention-analysis stage: a speaker phrase's head and what its words say of the person or group it names
    /// (a name, a title, a role or document noun, a plural, a poll share). It reads the story's names, and the
    /// surnames resolution has met so far, through the views it is given; it changes neither.
    /// </summary>
    private sealed class MentionAnalyzer
    {
        private readonly string _text;
        private readonly Lexicon _lex;
        private readonly SourceLexicon _src;
        private readonly Func<People> _people;
        private readonly Dictionary<string, List<int>> _personsBySurname;
        private readonly Dictionary<string, bool> _afterFirstName;

        // Analyse's word lists, emptied for each mention it reads: a story has dozens, and a pair of lists
        // each, with their growth, was a sixth of what binding allocated. Analyse does not call itself, and
        // nothing keeps the lists past it.
        private readonly List<string> _words = [];
        private readonly List<string> _nameRun = [];

        /// <param name="text">The story.</param>
        /// <param name="lexicon">The parser's lexicon.</param>
        /// <param name="sources">The binder's lexicon.</param>
        /// <param name="people">The story's names, scanned when first asked for.</param>
        /// <param name="personsBySurname">The persons resolution has made so far, by surname.</param>
        /// <param name="afterFirstName">A cache, for this story, of the words found after a first name.</param>
        public MentionAnalyzer(string text, Lexicon lexicon, SourceLexicon sources, Func<People> people, Dictionary<string, List<int>> personsBySurname, Dictionary<string, bool> afterFirstName)
        {
            _text = text;
            _lex = lexicon;
            _src = sources;
            _people = people;
            _personsBySurname = personsBySurname;
            _afterFirstName = afterFirstName;
        }

        private Dictionary<string, List<int>> NamesBySurname => _people().BySurname;

        // ---- mention analysis ---------------------------------------------------------

        // The mention without its appositive: "Brig. X, who was at …" → "Brig. X";
        // "a senior official speaking on condition of anonymity" → "a senior official".
        public TextSpan HeadOf(TextSpan speaker)
        {
            var s = speaker.Start;
            var e = speaker.End;
            bool? nameList = null;
            for (var i = s; i < e; i++)
            {
                // "Ben Carson, Ted Cruz and Rand Paul": the commas of a list of names set off no appositive.
                if (_text[i] == ',' && (nameList ??= IsListOfNames(speaker)))
                {
                    continue;
                }

                if (_text[i] is ',' or '(' or ';' or '\u2014' or '\u2013' || (_text[i] == '-' && i + 1 < e && _text[i + 1] == '-'))
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

                    // "officials speaking on condition of anonymity", "those who …": a word of the list, then a space.
                    var space = _text.AsSpan(i, e - i).IndexOf(' ');
                    if (space > 0 && _src.Lookup(WordLists.HeadStoppers).Contains(_text.AsSpan(i, space)))
                    {
                        e = i - 1;
                        goto done;
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

        private bool IsAdjunctAt(int i, int end)
        {
            var w1 = WordAt(i, end);
            if (w1.Length == 0 || !_lex.Lookup(WordLists.AdjunctPrepositions).Contains(w1))
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

                if (_lex.Lookup(WordLists.AdjunctHeads).Contains(w))
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

        public TextSpan? AppositiveName(int from, int end)
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

        // "Mr. Grassley and Mr. Leahy", "Obama and Clinton", "Ben Carson, Ted Cruz and Rand Paul": names joined by commas
        // and a last "and", each a person's (every name of the list has a surname).
        public bool IsListOfNames(TextSpan head)
        {
            var text = _text.AsSpan(head.Start, head.Length);
            var and = text.IndexOf(" and ", StringComparison.Ordinal);
            if (and <= 0 || text[(and + 5)..].Contains(" and ", StringComparison.Ordinal) || text[(and + 5)..].Contains(',') || !char.IsUpper(text[0]))
            {
                return false;
            }

            var start = head.Start;
            for (var comma = text[..and].IndexOf(", ", StringComparison.Ordinal); comma >= 0; comma = _text.AsSpan(start, head.Start + and - start).IndexOf(", ", StringComparison.Ordinal))
            {
                if (Analyse(new TextSpan(start, start + comma)).Surname is null)
                {
                    return false;
                }

                start += comma + 2;
            }

            var lastEnd = head.Start + and;
            if (_text[lastEnd - 1] == ',')
            {
                lastEnd--; // an Oxford comma: "A, B, and C"
            }

            return lastEnd > start && Analyse(new TextSpan(start, lastEnd)).Surname is not null
                && Analyse(new TextSpan(head.Start + and + 5, head.End)).Surname is not null;
        }

        public MentionInfo Analyse(TextSpan head)
        {
            var words = Words(head);

            // "Lt. Col. Sam Ortiz of the U.S. Army": a person's full name before "of", "from" or "at" ends the mention.
            if (NameEndsBefore(words, w => _src.GivenNames.ContainsKey(w), w => _lex.Titles.ContainsKey(w.TrimEnd('.'))) is var nameEnd and >= 0)
            {
                words.RemoveRange(nameEnd, words.Count - nameEnd);
            }
            string? given = null;
            string? surname = null;
            var gender = Gender.Unknown;
            bool title = false, institution = false, role = false, spokes = false, document = false, anonymous = false;
            var indefinite = words.Count > 0 && IsIndefiniteDeterminer(words[0]);
            var definite = words.Count > 0 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase);

            // The head noun: the last word before "of/with/for/familiar/close…" ("sources familiar with the talks" → sources).
            var headNoun = "";
            for (var i = 0; i < words.Count; i++)
            {
                // "A University of Iowa poll" → poll: a preposition between capitalised words is inside a name.
                var w = words[i];
                if ((_lex.Words(WordLists.Prepositions).Contains(w) && !IsInsideName(words, i))
                    || _src.Lookup(WordLists.KnowledgeAdjectives).Contains(w) || _src.Lookup(WordLists.RelationAdjectives).Contains(w))
                {
                    break;
                }

                // "a Washington Post database tracking such deaths", "a study that appeared …", "a poll out Monday": a participle or a
                // relative pronoun after the noun opens what modifies it.
                if (headNoun.Length > 0 && !_lex.Words(WordLists.Determiners).Contains(headNoun) && char.IsLower(w[0])
                    && (_src.Lookup(WordLists.RelativePronouns).Contains(w) || (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal))
                        || ((w == "out" || (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal))) && _src.Words(WordLists.DocumentNouns).Contains(headNoun))))
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

            // "Those close to him": a determiner standing as the head is no name.
            var headCapitalised = headNoun.Length > 0 && char.IsUpper(headNoun[0]) && !(words.Count > 0 && words[0] == headNoun && (definite || indefinite))
                && !_lex.Words(WordLists.Determiners).Contains(headNoun);
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

                institution |= (kinds & NounKinds.Institution) != 0 || _src.OneWordOrganizations.Contains(bare);
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
            // "The Washington Post", "the National Post": a capitalised outlet's name, not a post.
            document = _src.Words(WordLists.DocumentNouns).Contains(headNoun)
                && !(headCapitalised && capitals >= 2 && _src.Words(WordLists.OrganizationHeads).Contains(headNoun));
            var plural = headNoun.Length > 3 && headNoun.EndsWith('s') && !headNoun.EndsWith("ss", StringComparison.Ordinal)
                && ((headKinds & (NounKinds.Role | NounKinds.Anonymous)) != 0 || document || !char.IsUpper(headNoun[0]));
            plural |= _src.Lookup(WordLists.PluralNouns).Contains(headNoun);

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
                else if (!institution && words.Count == 1 && last.Length > 2 && IsAllCaps(last.AsSpan())
                    && TitleCased(last) is var titled && IsKnownSurname(titled, allowWeakEvidence: false))
                {
                    surname = titled; // a transcript's "WALLACE:" after "Chris Wallace"
                }
                else if (!institution && nameRun.Count == 1 && words.Count == 1 && !document && !IsAllCaps(nameRun) && !IsPluralWord(last)
                    && !_src.Words(WordLists.AnonymousNouns).Contains(last) && !_lex.Pronouns.ContainsKey(last))
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

            // "A 2014 study by law professor Justin Levitt", "Data from the American Community Survey": a document
            // headed before a preposition is the source; a name after the preposition is its author or publisher. So
            // with "advisers to Mr. Obama", "a spokeswoman for Hillary Clinton": the name is whom they serve.
            if (surname is not null && FirstPreposition(words) is var (prep, titleBefore) && !titleBefore && HeadPrecedes(words, headNoun, prep)
                && (document || ((headKinds & (NounKinds.Role | NounKinds.Anonymous | NounKinds.Spokesperson)) != 0
                    && prep > 0 && prep + 1 < words.Count && IsNameWord(words[prep + 1]))))
            {
                surname = null;
                given = null;
                gender = Gender.Unknown;
            }

            var proper = capitals > 0 && surname is null && !document;
            // "The New York Times", "the United States", "The Times": a proper name, not a plural group.
            var properPlural = (capitals >= 2 && nameRun.Count >= 1) || (definite && words.Count == 2 && headCapitalised && (headKinds & NounKinds.Anonymous) == 0);
            var headIsInstitution = surname is null && !_lex.Pronouns.ContainsKey(headNoun)
                && ((headKinds & NounKinds.Institution) != 0 || _src.OneWordOrganizations.Contains(headNoun) || (IsPluralWord(headNoun) && _src.Words(WordLists.InstitutionNouns).Contains(headNoun[..^1]))
                    || (headAcronym && surname is null)
                    || (headCapitalised && (headKinds & (NounKinds.Role | NounKinds.Anonymous)) == 0 && !document && (properPlural || !IsPluralWord(headNoun))));
            var pollShare = IsPollShare(words, _src);
            plural |= surname is null && headCapitalised && IsPluralWord(headNoun) && !headIsInstitution;
            return new MentionInfo(given, surname, gender, title, institution || proper, proper, role, spokes, document || pollShare, anonymous && surname is null, plural, indefinite, headNoun, headIsInstitution, pollShare);
        }

        // "Sam Ortiz of the U.S. Army", "Sgt. Maya Olsen of the RCMP": the index of the "of", "from" or "at" that follows a
        // person's given name and surname (or a title and a name), where the name ends; -1 when there is none.
        internal static int NameEndsBefore(IReadOnlyList<string> words, Func<string, bool> isGivenName, Func<string, bool> isTitle)
        {
            for (var k = 2; k < words.Count - 1; k++)
            {
                if (words[k] is "of" or "from" or "at" && char.IsUpper(words[k - 1][0])
                    && (isGivenName(words[k - 2]) || (k >= 3 && char.IsUpper(words[k - 2][0]) && isTitle(words[k - 3]))))
                {
                    return k;
                }
            }

            return -1;
        }

        // "WALLACE" → "Wallace".
        internal static string TitleCased(string word) => string.Concat(word.AsSpan(0, 1), word[1..].ToLowerInvariant());

        // The mention's first preposition (-1 when none), and whether a title stands before it ("Secretary of State
        // John Kerry" keeps the name; "advisers to Mr. Obama" serve it).
        private (int Index, bool TitleBefore) FirstPreposition(List<string> words)
        {
            var title = false;
            for (var i = 0; i < words.Count; i++)
            {
                if (_lex.Words(WordLists.Prepositions).Contains(words[i]))
                {
                    return (i, title);
                }

                title |= char.IsUpper(words[i][0]) && _lex.Titles.ContainsKey(words[i].TrimEnd('.'));
            }

            return (-1, title);
        }

        // True when the head noun stands before the preposition at <paramref name="preposition"/> (or, with none, before
        // the mention's last word).
        private static bool HeadPrecedes(List<string> words, string headNoun, int preposition)
        {
            for (var i = 0; i < words.Count; i++)
            {
                if (i == preposition)
                {
                    return i > 0;
                }

                if (string.Equals(TrimPossessive(words[i]), headNoun, StringComparison.OrdinalIgnoreCase))
                {
                    return i + 1 < words.Count;
                }
            }

            return false;
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
            while (start > 0 && (IsNameWord(words[start - 1]) || (start < end && _src.Lookup(WordLists.SurnameParticles).Contains(words[start - 1]))))
            {
                start--;
            }

            // Leading titles are not part of the name run.
            while (start < end && _lex.Titles.ContainsKey(words[start]))
            {
                start++;
            }

            if (end - start < 2 || _src.Lookup(WordLists.SurnameParticles).Contains(words[start]))
            {
                return null;
            }

            for (var i = start; i < end; i++)
            {
                var word = words[i]; // the noun sets ignore case
                // "Union president Marty Jones": a surname ending in s closes a run that a lowercase role noun opens;
                // "House Republicans" and "Ottawa Senators" have none.
                var surnameInS = i == end - 1 && end - start >= 2 && start > 0 && char.IsLower(words[start - 1][0])
                    && (_src.Words(WordLists.RoleNouns).Contains(words[start - 1]) || _lex.Titles.ContainsKey(words[start - 1]));
                if (_src.Words(WordLists.InstitutionNouns).Contains(word) || _src.Words(WordLists.RoleNouns).Contains(word) || _src.OneWordOrganizations.Contains(word)
                    || _src.Words(WordLists.DocumentNouns).Contains(word) || _lex.Titles.ContainsKey(words[i]) || IsAllCaps(words[i]) || (IsPluralWord(words[i]) && !surnameInS))
                {
                    return null;
                }
            }

            return (TrimPossessive(words[end - 1]), _src.GivenNames.ContainsKey(words[start]) ? words[start] : null);
        }

        // "Democrats", "Demonstrators": a plural, a group rather than a name.
        private static bool IsPluralWord(string w) =>
            w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)
            && !w.EndsWith("is", StringComparison.Ordinal) && !w.EndsWith("'s", StringComparison.Ordinal) && !w.EndsWith("\u2019s", StringComparison.Ordinal);

        // "A University of Iowa poll": the preposition at i stands between capitalised words, inside a name that a
        // lower-case head follows ("Officials at Homeland Security Investigations" ends at "Officials").
        private static bool IsInsideName(List<string> words, int i)
        {
            if (i == 0 || i + 1 >= words.Count || !char.IsUpper(words[i - 1][0]) || !char.IsUpper(words[i + 1][0]))
            {
                return false;
            }

            var after = i + 1;
            while (after < words.Count && !char.IsLower(words[after][0]))
            {
                after++;
            }

            return after < words.Count;
        }

        // "63 percent", "Only 52 percent of registered voters", "six in 10", "Nearly eight of 10 voters".
        private static bool IsPollShare(List<string> words, SourceLexicon src)
        {
            for (var i = 0; i < words.Count; i++)
            {
                if (words[i].EndsWith('%'))
                {
                    return true;
                }

                var w = words[i];
                if (src.Lookup(WordLists.PollShareUnits).Contains(w))
                {
                    return true;
                }

                if (src.Lookup(WordLists.PollShareLinks).Contains(w) && i + 1 < words.Count && words[i + 1] == "10" && i > 0)
                {
                    return true;
                }
            }

            return false;
        }

        // "al-Khafaji", "van Dyke", "de la Cruz": name particles stay with the name.
        internal static bool IsNameWord(string w) =>
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
        internal static int CountWords(string text)
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

        internal static ReadOnlySpan<char> TrimPossessive(ReadOnlySpan<char> w) =>
            w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("\u2019s", StringComparison.Ordinal) ? w[..^2] : w;

        internal static string TrimPossessive(string w) =>
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
                && !_lex.Words(WordLists.Determiners).Contains(word) && !_lex.Words(WordLists.Prepositions).Contains(word) && !_lex.Pronouns.ContainsKey(word)
                && !_src.Words(WordLists.InstitutionNouns).Contains(word) && !_src.Words(WordLists.RoleNouns).Contains(word) && !_lex.Titles.ContainsKey(word);
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

                if (i < span.End && _text[i] == '%' && i > s && char.IsDigit(_text[i - 1]))
                {
                    i++; // "42%"
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
        private bool IsIndefiniteDeterminer(string word) => _src.Lookup(WordLists.IndefiniteDeterminers).Contains(word);

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
    }
}
