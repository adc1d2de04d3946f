namespace DrillRunner.Core.Safety;

/// <summary>The guard's answer, with the reason when it refuses.</summary>
public sealed record TeardownDecision(bool Allowed, string Why)
{
    public static TeardownDecision Allow { get; } = new(true, "recorded, tagged and scratch-named by this run");

    public static TeardownDecision Refuse(string why) => new(false, why);
}
