using DrillRunner.Core.Plans;

namespace DrillRunner.Core.DataVerification;

/// <summary>The item-count range a restore must land in: absolute bounds and tolerance against the live source, combined.</summary>
public sealed record CountExpectation(long? Min, long? Max, string Basis)
{
    /// <summary>What is counted, for messages: items, objects, bytes.</summary>
    public string Unit { get; init; } = "items";

    public static CountExpectation From(Verification verification, long? sourceCount) =>
        From(verification.MinItemCount, verification.MaxItemCount, verification.TolerancePercentOfSource, sourceCount, "items");

    public static CountExpectation From(long? min, long? max, double? tolerancePercent, long? sourceCount, string unit)
    {
        var basis = new List<string>();
        if (min is not null || max is not null)
        {
            basis.Add($"plan bounds {min?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0"}..{max?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any"}");
        }

        if (tolerancePercent is { } tolerance && sourceCount is { } source)
        {
            var low = (long)Math.Floor(source * (1 - (tolerance / 100)));
            var high = (long)Math.Ceiling(source * (1 + (tolerance / 100)));
            min = min is null ? low : Math.Max(min.Value, low);
            max = max is null ? high : Math.Min(max.Value, high);
            basis.Add($"live source has {source}, tolerance {tolerance}%");
        }

        return new CountExpectation(min, max, string.Join("; ", basis)) { Unit = unit };
    }

    /// <summary>Null when the count is acceptable, otherwise why not.</summary>
    public string? Judge(long count)
    {
        if (Min is { } min && count < min)
        {
            return $"restored {count} {Unit}, expected at least {min} ({Basis})";
        }

        if (Max is { } max && count > max)
        {
            return $"restored {count} {Unit}, expected at most {max} ({Basis})";
        }

        return null;
    }
}
