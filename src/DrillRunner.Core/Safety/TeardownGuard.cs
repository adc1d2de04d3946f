using DrillRunner.Core.Kinds;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Safety;

/// <summary>
/// Safety rule 3: a resource is deleted only if this run recorded creating it, it carries this
/// run's drill:run-id tag, and its name (for volumes and file systems, its Name tag) starts with the scratch prefix. Anything else is refused.
/// </summary>
public static class TeardownGuard
{
    public const string RunIdTag = "drill:run-id";
    public const string PlanTag = "drill:plan";
    public const string ExpiresAtTag = "drill:expires-at";

    /// <summary>GetResources' largest page: how the state machines find what carries these tags.</summary>
    public const int TaggedResourcesPerPage = 100;

    /// <summary>Volumes and file systems have AWS-assigned ids: their scratch name is this tag.</summary>
    public const string NameTag = "Name";

    public static TeardownDecision Check(ScratchResource scratch, IReadOnlyDictionary<string, string> tags, string runId, string scratchPrefix)
    {
        if (!scratch.CreatedByRun)
        {
            return TeardownDecision.Refuse($"'{scratch.Name}' is not recorded as created by run {runId}");
        }

        if (string.IsNullOrEmpty(scratchPrefix) || !scratch.Name.StartsWith(scratchPrefix, StringComparison.Ordinal))
        {
            return TeardownDecision.Refuse($"'{scratch.Name}' does not start with the scratch prefix '{scratchPrefix}'");
        }

        if (ScratchKinds.NamedByTag(scratch.Kind) && (!tags.TryGetValue(NameTag, out var liveName) || liveName != scratch.Name))
        {
            return TeardownDecision.Refuse($"'{scratch.Arn ?? scratch.Name}' does not carry the Name tag '{scratch.Name}' this run gave it");
        }

        if (!tags.TryGetValue(RunIdTag, out var tagged) || tagged != runId)
        {
            var found = tagged is null ? "no drill:run-id tag" : $"drill:run-id '{tagged}'";
            return TeardownDecision.Refuse($"'{scratch.Name}' carries {found}, not this run's '{runId}'");
        }

        return TeardownDecision.Allow;
    }
}
