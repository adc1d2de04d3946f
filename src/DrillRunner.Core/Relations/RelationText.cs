using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Relations;

/// <summary>How relations and their values are written in results and reports.</summary>
public static class RelationText
{
    /// <summary>How many hex digits of SHA-256 a hashed example keeps.</summary>
    public const int HashDigits = 16;

    public static string Describe(Relation relation) => relation switch
    {
        ReferenceRelation { ToKey: { } key } r => $"{r.FromTarget}.{r.FromAttribute} → {r.ToTarget}.{key}",
        ReferenceRelation r => $"{r.FromTarget}.{r.FromAttribute} → {r.ToTarget} (object key)",
        CountRatioRelation r => $"{r.Target} ≥ {Number(r.AtLeast)} × {r.Per}",
        _ => relation.Id,
    };

    /// <summary>
    /// An example value as a report may show it: as it is, or as the first <see cref="HashDigits"/> hex digits of
    /// SHA-256 of "runId:value" (salted by the run so one report's hashes cannot be matched with another's; whoever
    /// can read the data can recompute a hash to find the item).
    /// </summary>
    public static string Example(string value, bool hash, string runId) =>
        hash ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{runId}:{value}")))[..HashDigits] : value;

    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
