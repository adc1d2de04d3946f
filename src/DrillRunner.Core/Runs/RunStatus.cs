using System.Text.Json.Serialization;

namespace DrillRunner.Core.Runs;

/// <summary>Where a run is in its life.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunStatus>))]
public enum RunStatus
{
    Running,
    Concluded,
    TornDown,

    /// <summary>Not started: another run of the same plan held the lock.</summary>
    Rejected,

    /// <summary>Its execution was stopped, timed out or failed without teardown; the janitor deletes what it left.</summary>
    Stopped,
}
