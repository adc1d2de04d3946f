using System.Text.Json.Serialization;

namespace DrillRunner.Core.Plans;

/// <summary>"recoveryInstant": whether every target is restored to one instant T, or each to its own point.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecoveryInstant>))]
public enum RecoveryInstant
{
    /// <summary>Each target to its own point (the default, and what drills did before).</summary>
    [JsonStringEnumMemberName("independent")]
    Independent,

    /// <summary>One instant T that every target can reach; continuous backups restore to exactly T, snapshots use their newest point at or before T.</summary>
    [JsonStringEnumMemberName("common")]
    Common,
}
