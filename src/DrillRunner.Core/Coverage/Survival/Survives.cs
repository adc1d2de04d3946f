using System.Text.Json.Serialization;

namespace DrillRunner.Core.Coverage.Survival;

/// <summary>Whether a resource's data outlives an event.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Survives>))]
public enum Survives
{
    /// <summary>The resource itself, or a named copy, is still there afterwards.</summary>
    [JsonStringEnumMemberName("yes")]
    Yes = 1,

    /// <summary>Nothing of it is left: lost for good.</summary>
    [JsonStringEnumMemberName("no")]
    No = 2,

    /// <summary>The audit cannot tell (a template it could not read, a vault lock it could not see); the answer says why.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown = 3,
}
