using System.Text.Json.Nodes;

namespace DrillRunner.Local.StandIn;

/// <summary>One write to one item of a table with PITR on: when, which item, and the item just before (null: it did not exist).</summary>
internal sealed record ItemChange(DateTimeOffset At, string Key, JsonObject? Before)
{
    /// <summary>What the change costs to keep, roughly: the before-image's JSON and the key.</summary>
    public long Bytes { get; } = Key.Length + (Before?.ToJsonString().Length ?? 0);
}
