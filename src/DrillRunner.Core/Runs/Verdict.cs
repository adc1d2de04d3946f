using System.Text.Json.Serialization;

namespace DrillRunner.Core.Runs;

/// <summary>The outcome of a drill, as leadership reads it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
public enum Verdict
{
    /// <summary>Everything restored, verified and healthy within the objectives.</summary>
    [JsonStringEnumMemberName("PASS")]
    Pass,

    /// <summary>Everything worked but RTO or RPO breached the objective.</summary>
    [JsonStringEnumMemberName("FAIL_OBJECTIVE")]
    FailObjective,

    /// <summary>A recovery point was missing, or a restore, verification or health check failed.</summary>
    [JsonStringEnumMemberName("FAIL")]
    Fail,

    /// <summary>The runner itself failed; the drill proves nothing either way.</summary>
    [JsonStringEnumMemberName("ERROR")]
    Error,
}
