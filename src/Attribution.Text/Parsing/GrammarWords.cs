using System.Collections.Frozen;

namespace Attribution.Text;

/// <summary>Closed-class word lists the constructions test, as sets: a word is looked up once rather than compared with each member.</summary>
internal static class GrammarWords
{
    // Closed-class word lists the constructions test, as sets: a word is looked up once rather than compared
    // with each member.
    // What a question reports when no answer was given: "did not say when …", "declined to say whether …".
    internal static readonly WordSet QuestionWords = Words("when", "whether", "why", "how", "what", "who", "where", "if");

    internal static readonly WordSet SubordinateOpeners = Words("while", "after", "although", "though", "when", "as", "because", "if", "since", "before", "unless", "whereas", "even", "once", "until");

    internal static readonly WordSet Possessives = Words("his", "her", "its", "their", "our", "my", "your");

    internal static readonly WordSet FormsOfBe = Words("is", "are", "was", "were", "am", "be", "been");

    internal static readonly WordSet ParticipleOpeners = Words("while", "by", "after", "before", "when", "also", "even");

    internal static readonly WordSet NumberUnits = Words("a.m", "p.m", "am", "pm", "percent", "per");

    internal static readonly WordSet ClauseSubjects = Words("he", "she", "they", "we", "I", "it", "there");

    internal static readonly WordSet ClauseStarts = Words("who", "whom", "whose", "which", "when", "while", "as", "because", "since", "although", "though", "if", "unless", "until", "where", "whereas", "and", "but");

    internal static readonly WordSet Listeners = Words("him", "her", "them", "us", "me", "reporters", "journalists", "lawmakers", "supporters", "listeners", "viewers", "members");

    internal static readonly WordSet NounsInLy = Words("family", "ally", "rally", "assembly", "supply", "reply", "anomaly", "monopoly", "belly", "bully", "jelly", "melancholy", "folly", "holly", "lily", "tally", "fly");

    internal static readonly WordSet TimeWords = Words("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "yesterday", "today", "tonight", "week", "month", "year", "morning", "evening", "night", "weekend");

    internal static readonly WordSet TimeModifiers = Words("on", "last", "this", "early", "late", "earlier");

    internal static readonly WordSet BaseFormSubjects = Words("I", "we", "they", "you", "who", "people", "police", "many", "some", "others", "most", "both", "few", "all");

    internal static readonly WordSet VerbAfterNoun = Words("which", "were", "was", "are", "is", "have", "has");

    internal static readonly WordSet Conjunctions = Words("and", "but");

    internal static WordSet Words(params string[] words) => new(words.ToFrozenSet(StringComparer.OrdinalIgnoreCase));
}
