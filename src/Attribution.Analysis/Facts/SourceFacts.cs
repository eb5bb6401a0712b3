namespace Attribution.Analysis;

/// <summary>
/// The facts a rule with <c>scope: source</c> reads as <c>source</c>. Plain properties only, so rule
/// expressions stay simple: <c>source.HasPersonalName &amp;&amp; !source.IsPronounOnly</c>.
/// </summary>
public sealed record SourceFacts
{
    /// <summary>The person's name without its role ("Tahseen al-Khafaji", "Ms. May"), or the fullest description.</summary>
    public string Name { get; init; } = "";

    /// <summary>A person's title or role given with the name ("association president", "Brig."), or empty.</summary>
    public string Role { get; init; } = "";

    /// <summary>The mention to quote in a message (the first full description).</summary>
    public string Description { get; init; } = "";

    /// <summary>The head noun of the description, lower case ("official", "sources").</summary>
    public string Head { get; init; } = "";

    /// <summary>The source type once classified: named, official, anonymous, document or unknown.</summary>
    public string Type { get; init; } = "unknown";

    /// <summary>A mention carries a personal name (given name + surname, or a title + surname).</summary>
    public bool HasPersonalName { get; init; }

    /// <summary>A mention carries an honorific, rank or title.</summary>
    public bool HasTitle { get; init; }

    /// <summary>A mention names an institution ("Ministry", "police", "the campaign").</summary>
    public bool HasInstitutionNoun { get; init; }

    /// <summary>The description is headed by an institution ("the Health Ministry", "police", "Freedom Mobile").</summary>
    public bool HeadIsInstitution { get; init; }

    /// <summary>A mention is a capitalised proper name that is not a person's ("Freedom Mobile", "the Pentagon").</summary>
    public bool HasProperName { get; init; }

    /// <summary>A mention names an office or role ("official", "minister", "lawyer").</summary>
    public bool HasRoleNoun { get; init; }

    /// <summary>A mention is a spokesperson noun ("spokesperson", "representative").</summary>
    public bool HasSpokespersonNoun { get; init; }

    /// <summary>The head is a document noun ("report", "filing", "statement").</summary>
    public bool HasDocumentNoun { get; init; }

    /// <summary>The head withholds identity ("sources", "people", "critics").</summary>
    public bool HasAnonymousNoun { get; init; }

    /// <summary>A share of poll respondents: "63 percent", "six in 10 voters" (a document source: the poll).</summary>
    public bool IsPollShare { get; init; }

    /// <summary>Described by a family relation ("my mother", "his ex-wife"): one identifiable person.</summary>
    public bool IsKinship { get; init; }

    /// <summary>
    /// Anonymous by its own words: an unnamed individual ("a senior official", "one aide", "a source")
    /// or any source the story grants anonymity — not a description that refers back to someone named.
    /// </summary>
    public bool IsExplicitlyAnonymous => HasAnonymityGrant || (IsIndefinite && !IsPlural && (HasRoleNoun || HasAnonymousNoun));

    /// <summary>The description says nothing of who the source is ("a source", "sources", "people familiar with").</summary>
    public bool IsVagueDescriptor { get; init; }

    /// <summary>The source is a group ("officials", "Iraqi and coalition officials").</summary>
    public bool IsPlural { get; init; }

    /// <summary>The only mentions are "he", "she" or "I" (outside quotations): a person, though unnamed here.</summary>
    public bool IsPersonalPronoun { get; init; }

    /// <summary>Every mention is a pronoun that did not resolve to a named antecedent.</summary>
    public bool IsPronounOnly { get; init; }

    /// <summary>The first description is indefinite ("a senior official", "another source").</summary>
    public bool IsIndefinite { get; init; }

    /// <summary>The text grants this source anonymity ("speaking on condition of anonymity").</summary>
    public bool HasAnonymityGrant { get; init; }

    /// <summary>A reason for the anonymity is given, here or elsewhere in the story.</summary>
    public bool HasAnonymityReason { get; init; }

    /// <summary>The given reason is boilerplate ("not authorized to speak publicly").</summary>
    public bool ReasonIsBoilerplate { get; init; }

    /// <summary>The reason's words, or empty.</summary>
    public string AnonymityReason { get; init; } = "";

    /// <summary>The number of quotations attributed to the source.</summary>
    public int QuoteCount { get; init; }

    /// <summary>The number of those in quotation marks.</summary>
    public int DirectQuoteCount { get; init; }
}
