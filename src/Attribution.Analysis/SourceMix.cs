using System.Globalization;

namespace Attribution.Analysis;

/// <summary>
/// The one count of a story's (or an archive's) sources by type, and the one anonymous share, which AT3001, the run
/// summary and <c>attribution report</c> all read: a source is anonymous when it is classified anonymous, and the
/// share is of the sources who could speak on the record (named, official and anonymous; documents and sources of
/// unknown type are left out).
/// </summary>
public readonly record struct SourceMix(int Named, int Official, int Anonymous, int Document, int Unknown)
{
    /// <summary>The sources who could speak on the record: named, official and anonymous.</summary>
    public int Speaking => Named + Official + Anonymous;

    /// <summary>Anonymous sources as a share of <see cref="Speaking"/>, 0 when there are none.</summary>
    public double AnonymousShare => Speaking == 0 ? 0 : (double)Anonymous / Speaking;

    /// <summary>A mix from counts indexed by <see cref="SourceType"/>.</summary>
    public static SourceMix FromCounts(IReadOnlyList<int> byType)
    {
        ArgumentNullException.ThrowIfNull(byType);
        return new SourceMix(byType[(int)SourceType.Named], byType[(int)SourceType.Official], byType[(int)SourceType.Anonymous], byType[(int)SourceType.Document], byType[(int)SourceType.Unknown]);
    }

    /// <summary>A share as people read it everywhere in the tool's output: a percentage with one decimal ("66.7%").</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
