namespace DrillRunner.Core.Reporting;

/// <summary>Nearest-rank percentiles: the value a given share of observations do not exceed, always an observed value.</summary>
public static class Percentiles
{
    public static double? Of(IEnumerable<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
