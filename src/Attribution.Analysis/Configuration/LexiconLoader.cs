using Attribution.Text;

namespace Attribution.Analysis.Configuration;

/// <summary>Loads the lexicon YAML files of a rules folder (<c>rules/lexicon/*.yml</c>).</summary>
public static class LexiconLoader
{
    // The keys with shapes of their own; every other key is a word list of WordLists.
    private static readonly string[] StructuredKeys = ["verbs", "titles", "pronouns"];

    private static IEnumerable<string> KnownKeys => StructuredKeys.Concat(WordLists.All.Select(l => l.Key));

    /// <summary>Loads every <c>*.yml</c> file of <paramref name="lexiconDirectory"/>; throws <see cref="LoadException"/> with located errors.</summary>
    public static LexiconSet Load(string lexiconDirectory)
    {
        if (!Directory.Exists(lexiconDirectory))
        {
            throw new LoadException([new LoadError(lexiconDirectory, 0, 0, "lexicon folder not found")]);
        }

        var errors = new List<LoadError>();
        var warnings = new List<LoadError>();
        var cues = new List<CueVerb>();
        var titles = new Dictionary<string, Gender>(StringComparer.OrdinalIgnoreCase);
        var pronouns = new Dictionary<string, Gender>(StringComparer.OrdinalIgnoreCase);
        var lists = WordLists.All.ToDictionary(l => l.Key, _ => new List<string>());
        var seenForms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var firstSeen = new Dictionary<(string List, string Entry), (string File, int Line)>();

        foreach (var path in Directory.EnumerateFiles(lexiconDirectory, "*.yml").Order(StringComparer.Ordinal))
        {
            var file = YamlFile.Load(path);
            var pairs = file.Root is null ? [] : file.Pairs(file.Root, "a lexicon file");
            foreach (var (key, value, keyNode) in pairs)
            {
                switch (key)
                {
                    case "verbs":
                        ReadVerbs(file, value, cues, seenForms);
                        break;
                    case "titles":
                        ReadGendered(file, value, titles, key);
                        break;
                    case "pronouns":
                        ReadGendered(file, value, pronouns, key);
                        break;
                    default:
                        if (lists.TryGetValue(key, out var list))
                        {
                            AddEntries(file, key, value, list, firstSeen);
                        }
                        else
                        {
                            // A list this version does not know (a newer lexicon's, or a misspelt key) is passed over.
                            file.Warning(keyNode, $"unknown lexicon list '{key}' is ignored; {Suggestion(key)}");
                        }

                        break;
                }
            }

            errors.AddRange(file.Errors);
            warnings.AddRange(file.Warnings);
        }

        if (errors.Count > 0)
        {
            throw new LoadException(errors);
        }

        var parser = new Lexicon(new LexiconData
        {
            CueVerbs = cues,
            Titles = titles,
            Pronouns = pronouns,
            Lists = WordLists.All.ToDictionary(l => l, l => (IReadOnlyList<string>)lists[l.Key]),
        });
        var sources = new SourceLexicon(parser);
        return new LexiconSet(parser, sources) { Warnings = [.. warnings] };
    }

    // Each list is a set, compared ignoring case, and may be spread over several files: an entry already in it, in
    // this file or an earlier one, changes nothing and is reported where it repeats.
    private static void AddEntries(YamlFile file, string key, YamlDotNet.RepresentationModel.YamlNode value, List<string> list, Dictionary<(string List, string Entry), (string File, int Line)> firstSeen)
    {
        // A list that tells case apart ("US" starts no sentence, "Us" may) keeps both; every other ignores it.
        var caseSensitive = WordLists.Find(key)!.CaseSensitive;
        foreach (var (entry, node) in file.LocatedStrings(value, key))
        {
            var folded = caseSensitive ? entry : entry.ToLowerInvariant();
            if (!firstSeen.TryAdd((key, folded), (file.Path, YamlFile.Line(node))))
            {
                var (firstFile, firstLine) = firstSeen[(key, folded)];
                file.Warning(node, $"'{entry}' is already in {key} (at {System.IO.Path.GetFileName(firstFile)}:{firstLine}); the repeat has no effect");
                continue;
            }

            list.Add(entry);
        }
    }

    private static string Suggestion(string key)
    {
        var nearest = KnownKeys.MinBy(k => EditDistance.Between(k.ToLowerInvariant(), key.ToLowerInvariant()));
        return nearest is not null && EditDistance.Between(nearest.ToLowerInvariant(), key.ToLowerInvariant()) <= 3
            ? $"did you mean '{nearest}'?"
            : $"the lists are: {string.Join(", ", KnownKeys)}";
    }

    private static void ReadVerbs(YamlFile file, YamlDotNet.RepresentationModel.YamlNode node, List<CueVerb> cues, Dictionary<string, string> seenForms)
    {
        if (node is not YamlDotNet.RepresentationModel.YamlSequenceNode seq)
        {
            file.Error(node, "verbs must be a list");
            return;
        }

        foreach (var item in seq)
        {
            string? lemma = null;
            var cls = CueClass.Neutral;
            List<string>? forms = null;
            List<string> particles = [];
            List<string> nounForms = [];
            bool needsComplement = false, takesObject = false;
            foreach (var (key, value, keyNode) in file.Pairs(item, "a verb entry"))
            {
                switch (key)
                {
                    case "lemma":
                        lemma = file.Scalar(value, "lemma");
                        break;
                    case "class":
                        cls = file.Scalar(value, "class") switch
                        {
                            "neutral" => CueClass.Neutral,
                            "loaded" => CueClass.Loaded,
                            "non-speech" => CueClass.NonSpeech,
                            "mental" => CueClass.Mental,
                            "stance" => CueClass.Stance,
                            var other => Invalid(file, value, $"class '{other}' is not one of: neutral, loaded, non-speech, mental, stance"),
                        };
                        break;
                    case "forms":
                        forms = file.Strings(value, "forms");
                        break;
                    case "needsComplement":
                        needsComplement = Bool(file, value, key);
                        break;
                    case "takesObject":
                        takesObject = Bool(file, value, key);
                        break;
                    case "particles":
                        particles = file.Strings(value, "particles");
                        break;
                    case "nounForms":
                        nounForms = file.Strings(value, "nounForms");
                        break;
                    default:
                        file.Error(keyNode, $"unknown verb field '{key}'; expected lemma, class, forms, needsComplement, takesObject, particles, nounForms");
                        break;
                }
            }

            if (lemma is null || forms is null || forms.Count == 0)
            {
                file.Error(item, "a verb needs a lemma and a list of forms");
                continue;
            }

            for (var i = 0; i < forms.Count; i++)
            {
                var form = forms[i];
                if (seenForms.TryGetValue(form, out var other))
                {
                    file.Error(item, $"the form '{form}' is listed twice (also under '{other}')");
                    continue;
                }

                seenForms[form] = lemma;
                // A full entry lists base, -s, past and -ing forms in that order (and may add a past
                // participle); a shorter one ("calls, called, calling") is read form by form.
                var tense = forms.Count < 4 ? GuessTense(form, lemma) : i switch
                {
                    0 => VerbTense.Base,
                    1 => VerbTense.Present,
                    3 => VerbTense.Participle,
                    _ => VerbTense.Past,
                };
                cues.Add(new CueVerb(form.ToLowerInvariant(), lemma, cls, tense, needsComplement, takesObject)
                {
                    Particles = particles,
                    IsAlsoNoun = nounForms.Contains(form, StringComparer.OrdinalIgnoreCase),
                });
            }
        }
    }

    // "calling" -ing, "claim" (the lemma) base, "calls"/"echoes" present, and anything else ("called",
    // "sought") past.
    private static VerbTense GuessTense(string form, string lemma) =>
        form.EndsWith("ing", StringComparison.Ordinal) ? VerbTense.Participle
        : form.Equals(lemma, StringComparison.OrdinalIgnoreCase) ? VerbTense.Base
        : form.EndsWith('s') && !form.EndsWith("ss", StringComparison.Ordinal) ? VerbTense.Present
        : VerbTense.Past;

    private static CueClass Invalid(YamlFile file, YamlDotNet.RepresentationModel.YamlNode node, string message)
    {
        file.Error(node, message);
        return CueClass.Neutral;
    }

    private static bool Bool(YamlFile file, YamlDotNet.RepresentationModel.YamlNode node, string what)
    {
        var v = file.Scalar(node, what);
        if (v is "true" or "false")
        {
            return v == "true";
        }

        file.Error(node, $"{what} must be true or false");
        return false;
    }

    private static void ReadGendered(YamlFile file, YamlDotNet.RepresentationModel.YamlNode node, Dictionary<string, Gender> target, string what)
    {
        foreach (var (key, value, _) in file.Pairs(node, what))
        {
            var gender = file.Scalar(value, $"the gender of '{key}'") switch
            {
                "male" => Gender.Male,
                "female" => Gender.Female,
                "neuter" => Gender.Neuter,
                "unknown" => Gender.Unknown,
                _ => (Gender?)null,
            };
            if (gender is null)
            {
                file.Error(value, $"gender of '{key}' must be male, female, neuter or unknown");
                continue;
            }

            target[key] = gender.Value;
        }
    }
}
