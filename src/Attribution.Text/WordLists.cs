namespace Attribution.Text;

/// <summary>
/// One word list of the lexicon, declared once in <see cref="WordLists"/>: its YAML key, the file it ships in, what
/// it is for, and whether case tells its words apart. The loader accepts the keys from it, <see cref="Lexicon"/>
/// freezes and looks up by it, and the rule catalog documents it.
/// </summary>
public sealed class WordList
{
    internal WordList(int index, string key, string file, string description, bool caseSensitive)
    {
        Index = index;
        Key = key;
        File = file;
        Description = description;
        CaseSensitive = caseSensitive;
    }

    /// <summary>The key in <c>rules/lexicon/*.yml</c>: "roleNouns".</summary>
    public string Key { get; }

    /// <summary>The bundled file that holds it ("sources.yml"); any lexicon file may add to it.</summary>
    public string File { get; }

    /// <summary>What the list is for, with examples.</summary>
    public string Description { get; }

    /// <summary>True when case tells two entries apart ("US" and "Us"); false for nearly every list.</summary>
    public bool CaseSensitive { get; }

    /// <summary>Its place in <see cref="WordLists.All"/>: the lexicon's sets are an array by it.</summary>
    internal int Index { get; }

    /// <inheritdoc/>
    public override string ToString() => Key;
}

/// <summary>
/// Every plain word list of the lexicon, the one place each is declared. (Cue verbs, titles and pronouns carry more
/// than words and have their own shapes in the YAML.) To add a list: declare it here, put its words in the file
/// named, and read it with <see cref="Lexicon.Lookup"/> or <see cref="Lexicon.Words"/>.
/// </summary>
public static class WordLists
{
    private static readonly List<WordList> s_all = [];

    /// <summary>Abbreviations whose period does not end a sentence ("Gen", "U.S", "Dec").</summary>
    public static readonly WordList Abbreviations = Declare("abbreviations", "grammar.yml", "Abbreviations whose period does not end a sentence (\"Gen\", \"U.S\", \"Dec\").");

    /// <summary>Capitalised words that begin a new sentence after an abbreviation that may end one.</summary>
    public static readonly WordList SentenceStarters = Declare("sentenceStarters", "grammar.yml", "Capitalised words that begin a new sentence after an abbreviation that may end one (\"U.S. The …\").", caseSensitive: true);

    /// <summary>Words that start a clause, so a speaker phrase never reaches past them.</summary>
    public static readonly WordList ClauseBoundaries = Declare("clauseBoundaries", "grammar.yml", "Words that start a clause, so a speaker phrase never reaches past them (\"that\", \"because\").");

    /// <summary>Adverbs and auxiliaries that may stand between a speaker and the cue.</summary>
    public static readonly WordList CueModifiers = Declare("cueModifiers", "grammar.yml", "Adverbs and auxiliaries that may stand between a speaker and the cue (\"also\", \"has\").");

    /// <summary>Auxiliaries that make a cue passive.</summary>
    public static readonly WordList PassiveAuxiliaries = Declare("passiveAuxiliaries", "grammar.yml", "Auxiliaries that make a cue passive (\"was told\", \"is said\"), which is not an attribution.");

    /// <summary>Prepositions that open an adjunct after a cue.</summary>
    public static readonly WordList AdjunctPrepositions = Declare("adjunctPrepositions", "grammar.yml", "Prepositions that open an adjunct after a cue (\"said on Tuesday\", \"in a statement\").");

    /// <summary>Heads that close such an adjunct.</summary>
    public static readonly WordList AdjunctHeads = Declare("adjunctHeads", "grammar.yml", "Heads that close such an adjunct (\"Tuesday\", \"statement\", \"interview\").");

    /// <summary>Determiners.</summary>
    public static readonly WordList Determiners = Declare("determiners", "grammar.yml", "Determiners (\"the\", \"a\", \"another\").");

    /// <summary>Prepositions, which never end a speaker phrase.</summary>
    public static readonly WordList Prepositions = Declare("prepositions", "grammar.yml", "Prepositions, which never end a speaker phrase.");

    /// <summary>Labels that end in a colon without naming a speaker.</summary>
    public static readonly WordList ColonLabels = Declare("colonLabels", "grammar.yml", "Labels that end in a colon without naming a speaker (\"Update:\", \"Photo:\").");

    /// <summary>Whole paragraphs that are web page furniture.</summary>
    public static readonly WordList FurnitureLines = Declare("furnitureLines", "grammar.yml", "Whole paragraphs that are web page furniture (\"Skip to main content\", \"Recommended Videos\").");

    /// <summary>Labels before a colon that open a link to other content.</summary>
    public static readonly WordList PromoLabels = Declare("promoLabels", "grammar.yml", "Labels before a colon that open a link to other content (\"READ MORE\", \"WATCH\").");

    /// <summary>Auxiliaries and modals that mark a finite clause.</summary>
    public static readonly WordList FiniteAuxiliaries = Declare("finiteAuxiliaries", "grammar.yml", "Auxiliaries and modals that mark a finite clause (\"was\", \"would\").");

    /// <summary>What a question reports when no answer was given.</summary>
    public static readonly WordList QuestionWords = Declare("questionWords", "grammar.yml", "What a question reports when no answer was given (\"did not say when …\", \"declined to say whether …\").");

    /// <summary>Words that open a subordinate clause before a main one.</summary>
    public static readonly WordList SubordinateOpeners = Declare("subordinateOpeners", "grammar.yml", "Words that open a subordinate clause before the main one (\"While Sanders has maintained that …, Clinton …\").");

    /// <summary>Possessive determiners.</summary>
    public static readonly WordList Possessives = Declare("possessives", "grammar.yml", "Possessive determiners: \"…, given his previous comments\" names no speaker.");

    /// <summary>Forms of "be" that make an -ing cue a progressive.</summary>
    public static readonly WordList FormsOfBe = Declare("formsOfBe", "grammar.yml", "Forms of \"be\" that make an -ing cue a finite progressive (\"is calling\"), not a participle.");

    /// <summary>Words that may stand between the comma and a participle cue.</summary>
    public static readonly WordList ParticipleOpeners = Declare("participleOpeners", "grammar.yml", "Words that may open a participle cue (\"…, while saying that …\", \"by arguing that …\").");

    /// <summary>Units after a number.</summary>
    public static readonly WordList NumberUnits = Declare("numberUnits", "grammar.yml", "Units after a number, which end no clause (\"10 a.m\", \"5 percent\").");

    /// <summary>Pronouns that open a clause of their own.</summary>
    public static readonly WordList ClauseSubjects = Declare("clauseSubjects", "grammar.yml", "Pronouns that open a clause of their own (\"a group called\" before \"he\" is no naming).");

    /// <summary>Words that start a clause after what a cue reports.</summary>
    public static readonly WordList ClauseStarts = Declare("clauseStarts", "grammar.yml", "Words that start a new clause, where what a cue reports or a speaker's adjunct ends (\"who\", \"because\", \"but\").");

    /// <summary>Listeners a cue may take before what was said.</summary>
    public static readonly WordList Listeners = Declare("listeners", "grammar.yml", "Listeners a cue may take before what was said (\"told reporters\", \"told him\").");

    /// <summary>Nouns that end in -ly, which are not manner adverbs.</summary>
    public static readonly WordList NounsInLy = Declare("nounsInLy", "grammar.yml", "Nouns and adjectives in -ly that are not manner adverbs joining a cue (\"family\", \"rally\").");

    /// <summary>Times a cue's adjunct may name.</summary>
    public static readonly WordList TimeWords = Declare("timeWords", "grammar.yml", "Times a cue's adjunct may name (\"Monday\", \"yesterday\", \"week\").");

    /// <summary>Words before a time.</summary>
    public static readonly WordList TimeModifiers = Declare("timeModifiers", "grammar.yml", "Words before a time in an adjunct (\"on\", \"last\", \"earlier\").");

    /// <summary>Subjects a base-form cue agrees with.</summary>
    public static readonly WordList BaseFormSubjects = Declare("baseFormSubjects", "grammar.yml", "Subjects a base-form cue agrees with (\"they say\", \"people say\"), where a singular noun would not.");

    /// <summary>Words that show a cue-like word after a noun is a verb of its own.</summary>
    public static readonly WordList VerbAfterNoun = Declare("verbAfterNoun", "grammar.yml", "Words after a cue word that show it is a noun with a verb of its own (\"the claims were …\").");

    /// <summary>Conjunctions that join a second verb to a subject's first.</summary>
    public static readonly WordList Conjunctions = Declare("conjunctions", "grammar.yml", "Conjunctions that join a second verb to a subject's first (\"… and says …\").");

    /// <summary>Words that end the cue going back from its verb.</summary>
    public static readonly WordList CueStoppers = Declare("cueStoppers", "grammar.yml", "Adverbs that stay out of the cue going back from its verb (\"however\", \"instead\").");

    /// <summary>Verbs after "declined to" that still refuse to speak.</summary>
    public static readonly WordList RefusalComplements = Declare("refusalComplements", "grammar.yml", "Verbs after \"declined to\" or \"refused to\" that still refuse to speak (\"be named\", \"elaborate\").");

    /// <summary>Objects of negated speech that report nothing.</summary>
    public static readonly WordList EmptyObjects = Declare("emptyObjects", "grammar.yml", "Objects of negated speech that report nothing (\"did not say much\").");

    /// <summary>Adjectives before a time noun that read it as a noun.</summary>
    public static readonly WordList TimeAdjectives = Declare("timeAdjectives", "grammar.yml", "Adjectives that make the cue word after them a noun (\"a late-night call\").");

    /// <summary>Present forms that report like a past form inside a clause.</summary>
    public static readonly WordList PresentReports = Declare("presentReports", "grammar.yml", "Present forms that report inside a speaker phrase as a past form does (\"says\", \"tells\").");

    /// <summary>Organisation head nouns.</summary>
    public static readonly WordList InstitutionNouns = Declare("institutionNouns", "sources.yml", "Organisation head nouns (\"ministry\", \"police\", \"company\").");

    /// <summary>Office and role nouns.</summary>
    public static readonly WordList RoleNouns = Declare("roleNouns", "sources.yml", "Office and role nouns (\"official\", \"minister\", \"striker\").");

    /// <summary>Spokesperson nouns.</summary>
    public static readonly WordList SpokespersonNouns = Declare("spokespersonNouns", "sources.yml", "Spokesperson nouns: \"a Freedom Mobile spokesperson\" speaks on the record for an organisation.");

    /// <summary>Document nouns.</summary>
    public static readonly WordList DocumentNouns = Declare("documentNouns", "sources.yml", "Document nouns (\"report\", \"statement\", \"lawsuit\").");

    /// <summary>Nouns that withhold identity.</summary>
    public static readonly WordList AnonymousNouns = Declare("anonymousNouns", "sources.yml", "Nouns that withhold identity (\"source\", \"people\", \"critics\").");

    /// <summary>Phrases granting anonymity.</summary>
    public static readonly WordList AnonymityGrants = Declare("anonymityGrants", "sources.yml", "Phrases granting anonymity (\"on condition of anonymity\").");

    /// <summary>Boilerplate anonymity reasons.</summary>
    public static readonly WordList BoilerplateReasons = Declare("boilerplateReasons", "sources.yml", "Anonymity reasons that say nothing of this source (\"not authorized to speak publicly\").");

    /// <summary>Male given names.</summary>
    public static readonly WordList MaleNames = Declare("maleNames", "names.yml", "Male given names.");

    /// <summary>Female given names.</summary>
    public static readonly WordList FemaleNames = Declare("femaleNames", "names.yml", "Female given names.");

    /// <summary>Organisations and outlets named by one word.</summary>
    public static readonly WordList OrganizationNames = Declare("organizationNames", "sources.yml", "Organisations and outlets often named by one word (\"Reuters\", \"PolitiFact\").");

    /// <summary>Words that end an organisation's name.</summary>
    public static readonly WordList OrganizationHeads = Declare("organizationHeads", "sources.yml", "Words that end an organisation's name (\"Hydro\", \"Airlines\", \"Corp\").");

    /// <summary>Countries.</summary>
    public static readonly WordList CountryNames = Declare("countryNames", "sources.yml", "Countries and capitals, which are institutions, never a person's surname.");

    /// <summary>Family relations.</summary>
    public static readonly WordList KinshipNouns = Declare("kinshipNouns", "sources.yml", "Family relations (\"mother\", \"ex-wife\").");

    /// <summary>Honorifics that stay with a surname given alone.</summary>
    public static readonly WordList Honorifics = Declare("honorifics", "titles.yml", "Titles that are courtesies, not offices (\"Mr\", \"Ms\", \"Umm\"): they stay with a surname given alone.");

    /// <summary>Descriptors that say nothing of who the source is.</summary>
    public static readonly WordList VagueDescriptors = Declare("vagueDescriptors", "sources.yml", "Descriptors that say nothing of who the source is (\"sources\", \"insiders\").");

    /// <summary>Words of judgement or attack.</summary>
    public static readonly WordList OpinionWords = Declare("opinionWords", "sources.yml", "Words of judgement or attack (\"incompetent\", \"disgrace\").");

    /// <summary>Adjectives of knowledge that make a description of an unnamed source.</summary>
    public static readonly WordList KnowledgeAdjectives = Declare("knowledgeAdjectives", "sources.yml", "Adjectives of knowledge that end a description's head and say how the unnamed source knows (\"familiar with\", \"close to\", \"briefed on\").");

    /// <summary>Nouns that are plural without an s.</summary>
    public static readonly WordList PluralNouns = Declare("pluralNouns", "sources.yml", "Nouns that are plural without an -s (\"police\", \"people\", \"critics\").");

    /// <summary>Determiners of an indefinite description.</summary>
    public static readonly WordList IndefiniteDeterminers = Declare("indefiniteDeterminers", "sources.yml", "Determiners that introduce a new description (\"a\", \"another\", \"several\").");

    /// <summary>Determiners a description may open with when it repeats one.</summary>
    public static readonly WordList DescriptionDeterminers = Declare("descriptionDeterminers", "sources.yml", "Determiners a description is compared without (\"the\", \"a\", \"this\").");

    /// <summary>Phrases in a description that say how an unnamed source knows, and nothing of who they are.</summary>
    public static readonly WordList KnowledgePhrases = Declare("knowledgePhrases", "sources.yml", "Phrases in a description that say how an unnamed source knows and nothing of who they are (\"familiar with\", \"close to\"): the description is vague.");

    /// <summary>Words that end a speaker's name before what describes them.</summary>
    public static readonly WordList HeadStoppers = Declare("headStoppers", "sources.yml", "Words that end a speaker phrase's head before what describes the speaker (\"who\", \"speaking\", \"declining\").");

    /// <summary>Relative pronouns that end a description's head.</summary>
    public static readonly WordList RelativePronouns = Declare("relativePronouns", "grammar.yml", "Relative pronouns that end a description's head noun (\"a study that appeared …\").");

    /// <summary>Relative pronouns of a person.</summary>
    public static readonly WordList PersonRelatives = Declare("personRelatives", "grammar.yml", "Relative pronouns of a person, whose clause a speaker phrase passes over (\"a committee member who supports Trump, asking for anonymity\").");

    /// <summary>Relative pronouns that may take the noun before them as an object.</summary>
    public static readonly WordList ObjectRelatives = Declare("objectRelatives", "grammar.yml", "Relative pronouns whose clause takes the noun before them as its object (\"a presence that officials described as a turning point\").");

    /// <summary>Words after a cue word that make it a verb, not a noun.</summary>
    public static readonly WordList Complementizers = Declare("complementizers", "grammar.yml", "Words after a cue word that make it a verb with a complement (\"wants to\", \"claims that\"), not a noun.");

    /// <summary>Indefinite articles.</summary>
    public static readonly WordList IndefiniteArticles = Declare("indefiniteArticles", "grammar.yml", "Indefinite articles: \"a campaign called …\" names something.");

    /// <summary>Articles.</summary>
    public static readonly WordList Articles = Declare("articles", "grammar.yml", "Articles, which open no role (\"the Home Secretary\" has the role \"Home Secretary\").");

    /// <summary>Prepositions after "writes" in a byline's bio.</summary>
    public static readonly WordList BylineLinks = Declare("bylineLinks", "grammar.yml", "Prepositions after \"writes\" in a byline's bio (\"writes about city hall\"), which report no speech.");

    /// <summary>Negations.</summary>
    public static readonly WordList Negations = Declare("negations", "grammar.yml", "Words that negate a cue (\"did not say\", \"never said\"); contractions in n't count too.");

    /// <summary>Lemmas of the plainest verbs of saying, the ones read inside reported words.</summary>
    public static readonly WordList NestedSpeechLemmas = Declare("nestedSpeechLemmas", "cues.yml", "Lemmas of the plainest verbs of saying, the only ones read as an attribution inside another's reported words (\"a release said a majority of the workers said yes\").");

    /// <summary>Lemmas a document reports with a bare clause or object.</summary>
    public static readonly WordList DocumentReportLemmas = Declare("documentReportLemmas", "cues.yml", "Lemmas of verbs a document reports with, whose bare clause or object it reports (\"Polls show a close race\", \"the audit found 14 contracts …\"), where a person's needs \"that\".");

    /// <summary>Lemmas whose passive reports a claim.</summary>
    public static readonly WordList PassiveReportLemmas = Declare("passiveReportLemmas", "cues.yml", "Lemmas whose passive reports a claim (\"is expected to\", \"has been criticized for\", \"was described as\"): the agent after \"by\" is the speaker, and with none the source is unknown. Other verbs' passives report nothing (\"the album was released\").");

    /// <summary>Lemmas that report an attitude named by a noun.</summary>
    public static readonly WordList AttitudeLemmas = Declare("attitudeLemmas", "cues.yml", "Lemmas that report an attitude named by the noun after them (\"expressed concern about …\", \"voiced doubt that …\"): the noun and a preposition after it join the cue.");

    /// <summary>Lemmas of refusing to speak.</summary>
    public static readonly WordList RefusalLemmas = Declare("refusalLemmas", "cues.yml", "Lemmas of refusing to speak (\"declined to comment\"), which report nothing when what follows is speech.");

    /// <summary>Prepositions that stay inside a role.</summary>
    public static readonly WordList RolePrepositions = Declare("rolePrepositions", "sources.yml", "Prepositions that stay inside a role (\"Secretary of State\", \"Minister for Health\").");

    /// <summary>Words that make a mention a share of a poll.</summary>
    public static readonly WordList PollShareUnits = Declare("pollShareUnits", "sources.yml", "Words that make a mention a share of those polled (\"63 percent of voters\").");

    /// <summary>Words between a count and "10" in a poll share.</summary>
    public static readonly WordList PollShareLinks = Declare("pollShareLinks", "sources.yml", "Words between a count and \"10\" in a share of those polled (\"six in 10\", \"eight of 10\").");

    /// <summary>Particles inside a surname.</summary>
    public static readonly WordList SurnameParticles = Declare("surnameParticles", "names.yml", "Particles inside a surname, lower case (\"al\" in \"Tahseen al-Khafaji\", \"van\", \"bin\"): \"Van\" and \"Le\" may be names.", caseSensitive: true);

    /// <summary>Prepositions that link a clause, never a speaker's modifier.</summary>
    public static readonly WordList LinkingPrepositions = Declare("linkingPrepositions", "grammar.yml", "Prepositions that join an event to what went before and never modify a speaker (\"days after the council said\", \"upon the Times reporting\"): a speaker phrase starts after them.");

    /// <summary>Adjectives that tie a speaker to someone ("loyal to"), beside <see cref="KnowledgeAdjectives"/>.</summary>
    public static readonly WordList RelationAdjectives = Declare("relationAdjectives", "grammar.yml", "Adjectives that tie a speaker to someone, beside the knowledge adjectives (\"officials loyal to the president said\", \"those allied with him say\"): the speaker phrase keeps \"to\" and what follows it, and its head is the word before the adjective.");

    /// <summary>Conjunctions whose clause carries a reported claim on past a cue in the middle of it.</summary>
    public static readonly WordList ReasonConjunctions = Declare("reasonConjunctions", "grammar.yml", "Conjunctions that carry a reported claim on past a cue in the middle of it (\"The economy is strong, she said, because jobs are growing\"): the clause they open is content too, unlike \"while\" or \"as\", which open the writer's own.");

    /// <summary>Verbs of questioning whose participle opening a sentence puts a question ("Asked whether …, X said").</summary>
    public static readonly WordList QuestionLemmas = Declare("questionLemmas", "cues.yml", "Verbs of questioning whose participle, opening a sentence, puts the question the rest answers (\"Asked whether he would run, Smith said …\"): the question is an attribution of its own, whose asker is unnamed.");

    /// <summary>Quantifiers that float after the subject they count ("they all said").</summary>
    public static readonly WordList FloatingQuantifiers = Declare("floatingQuantifiers", "grammar.yml", "Quantifiers that float after the subject they count (\"Carson, Cruz and Paul have all attacked …\", \"they both said\"): between a speaker and the cue they are neither.");

    /// <summary>Verbs of seeming whose infinitive cue is the finite cue ("appeared to suggest").</summary>
    public static readonly WordList RaisingVerbs = Declare("raisingVerbs", "grammar.yml", "Forms of verbs of seeming and of phase whose infinitive is the sentence's cue (\"he appeared to suggest that …\", \"the mayor seemed to acknowledge …\"): the verb and \"to\" join the cue.");

    /// <summary>Irregular past-tense verbs.</summary>
    public static readonly WordList IrregularPastVerbs = Declare("irregularPastVerbs", "grammar.yml", "Common irregular past tenses and participles (\"took\", \"gone\"): with the forms in -ed and -s, the auxiliaries and the cue verbs, what may follow a sentence's subject as its verb when a quotation inside the sentence is read as the subject's (\"Perhaps more important …\" has none).");

    /// <summary>Prepositions that join a passive cue.</summary>
    public static readonly WordList PassiveParticles = Declare("passiveParticles", "grammar.yml", "Prepositions that join a passive cue right after its verb (\"was accused of\", \"is known as\", \"has been criticized for\").");

    /// <summary>Nouns of attitude.</summary>
    public static readonly WordList AttitudeNouns = Declare("attitudeNouns", "cues.yml", "Nouns of an attitude a speaker expresses (\"concern\", \"doubt\", \"confidence\"), which join the cue of an attitude verb.");

    /// <summary>Every list, in the order declared.</summary>
    public static IReadOnlyList<WordList> All => s_all;

    /// <summary>The list with the key <paramref name="key"/> (exact case), or null.</summary>
    public static WordList? Find(string key) => s_all.Find(l => l.Key == key);

    private static WordList Declare(string key, string file, string description, bool caseSensitive = false)
    {
        var list = new WordList(s_all.Count, key, file, description, caseSensitive);
        s_all.Add(list);
        return list;
    }
}
