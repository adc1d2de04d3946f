using System.Text.Json.Serialization;

namespace DrillRunner.Core.Runs;

/// <summary>Which recovery point a drill proves: the newest, or a sampled older one.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PointSelect>))]
public enum PointSelect
{
    /// <summary>The newest point (PITR: the latest restorable time). The only choice judged against the RPO objective.</summary>
    [JsonStringEnumMemberName(PointSelects.LatestName)]
    Latest,

    /// <summary>A point drawn uniformly from the window (PITR: a second between the earliest and latest restorable times), seeded and recorded.</summary>
    [JsonStringEnumMemberName(PointSelects.RandomName)]
    Random,

    /// <summary>The oldest point still kept in the window.</summary>
    [JsonStringEnumMemberName(PointSelects.OldestName)]
    Oldest,
}

/// <summary>The plan's and the command line's names for <see cref="PointSelect"/>, in the enum's order.</summary>
public static class PointSelects
{
    public const string LatestName = "latest";
    public const string RandomName = "random";
    public const string OldestName = "oldest";

    /// <summary>A drill request's recovery point when it leaves the choice to the plan: the request item always carries one, for the Pipe's template.</summary>
    public const string FollowPlan = "plan";

    private static readonly string[] All = [LatestName, RandomName, OldestName];

    public static IReadOnlyList<string> Names => All;

    public static string Name(this PointSelect select) => All[(int)select];

    public static PointSelect? Parse(string? text) => Array.IndexOf(All, text) is var index and >= 0 ? (PointSelect)index : null;
}
