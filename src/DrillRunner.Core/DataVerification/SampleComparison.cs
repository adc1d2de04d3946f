using DrillRunner.Core.Ports;

namespace DrillRunner.Core.DataVerification;

/// <summary>
/// Compares sampled restored items with the source. An item is compared only if it cannot have
/// changed since the recovery point: the source still has it, and its last-modified attribute
/// (when the plan names one) is not later than the recovery point.
/// </summary>
public static class SampleComparison
{
    public static (int Compared, int Skipped, List<string> Mismatches) Compare(
        IReadOnlyList<ItemPair> pairs, string? lastModifiedAttribute, DateTimeOffset recoveryPoint)
    {
        int compared = 0, skipped = 0;
        var mismatches = new List<string>();
        foreach (var pair in pairs)
        {
            if (pair.Source is null || ChangedAfter(pair.Source, lastModifiedAttribute, recoveryPoint))
            {
                skipped++;
                continue;
            }

            compared++;
            if (!pair.Restored.SameAs(pair.Source))
            {
                mismatches.Add(pair.KeyText);
            }
        }

        return (compared, skipped, mismatches);
    }

    private static bool ChangedAfter(ItemSnapshot source, string? attribute, DateTimeOffset recoveryPoint)
    {
        if (attribute is null || source.Plain(attribute) is not { } text)
        {
            return false;
        }

        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var when))
        {
            return when > recoveryPoint;
        }

        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var epoch))
        {
            // Epoch seconds, or milliseconds when the number is too large to be seconds.
            var at = epoch > 1e11 ? DateTimeOffset.FromUnixTimeMilliseconds((long)epoch) : DateTimeOffset.FromUnixTimeMilliseconds((long)(epoch * 1000));
            return at > recoveryPoint;
        }

        // An unreadable timestamp cannot prove the item unchanged: do not compare it.
        return true;
    }
}
