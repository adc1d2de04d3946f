namespace DrillRunner.Core.Runs;

/// <summary>How a relation's result is named in one line: status, notification, reports.</summary>
public static class RelationSummary
{
    /// <summary>"holds", "does not hold" or "not checked".</summary>
    public static string Outcome(RelationResult result) =>
        !result.Checked ? "not checked" : result.Passed ? "holds" : "does not hold";

    /// <summary>"relation 'order-customer' (orders.customerId → customers.pk) holds: …".</summary>
    public static string Line(RelationResult result) =>
        $"relation '{result.RelationId}' ({result.Description}) {Outcome(result)}: {result.Why}{Sample(result)}";

    /// <summary>" [seed 123, sample 1,000]" for a sampled reference; nothing for a ratio.</summary>
    public static string Sample(RelationResult result) =>
        result.Seed is { } seed && result.SampleSize is { } size
            ? $" [seed {seed}, sample size {size:N0}{(result.MissingAttribute > 0 ? $", {result.MissingAttribute:N0} missing the attribute" : string.Empty)}]"
            : string.Empty;
}
