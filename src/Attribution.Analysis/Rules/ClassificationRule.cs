namespace Attribution.Analysis.Rules;

/// <summary>
/// One rule of <c>rules/classify/</c>: when <see cref="When"/> holds for a source's facts, the source
/// has type <see cref="Type"/>. Rules run in <see cref="Order"/>; the first match wins.
/// </summary>
/// <param name="Type">The type it assigns.</param>
/// <param name="Title">What the rule recognises.</param>
/// <param name="Order">Evaluation order, lowest first (ties: file name).</param>
/// <param name="When">The expression text.</param>
/// <param name="File">The rule file.</param>
/// <param name="Predicate">The compiled expression.</param>
public sealed record ClassificationRule(SourceType Type, string Title, int Order, string When, string File, Func<SourceFacts, bool> Predicate);
