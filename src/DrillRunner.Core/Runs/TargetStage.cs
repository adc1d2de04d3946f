using System.Text.Json.Serialization;

namespace DrillRunner.Core.Runs;

/// <summary>How far one target got.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TargetStage>))]
public enum TargetStage
{
    Pending,
    Resolved,
    Restoring,
    Restored,
    Verified,
    Failed,
}
