using System.Text.Json.Serialization;
using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Coverage.Survival;

/// <summary>
/// What would be left of a resource after each event that destroys it: its owner and guards, every copy
/// and where it lives, and the three answers. <see cref="Required"/> are the answers it must pass (its
/// plans' <c>survival.require</c>, else the stack's SurvivalRequire); findings for the others are advisory.
/// </summary>
public sealed record Survivability(ResourceOwner Owner, IReadOnlyList<CopyHeld> Copies, SurvivalAnswer StackDeleted, SurvivalAnswer AccountLost, SurvivalAnswer RegionLost)
{
    /// <summary>The CloudFormation DeletionPolicy that applies on stack deletion (the template's, or CloudFormation's default); null when unknown.</summary>
    public string? EffectiveDeletionPolicy { get; init; }

    public IReadOnlyList<SurvivalEvent> Required { get; init; } = SurvivalEvents.Default;

    [JsonIgnore]
    public IEnumerable<(SurvivalEvent Event, SurvivalAnswer Answer)> Answers =>
        [(SurvivalEvent.Stack, StackDeleted), (SurvivalEvent.Account, AccountLost), (SurvivalEvent.Region, RegionLost)];

    public SurvivalAnswer Of(SurvivalEvent e) => e switch
    {
        SurvivalEvent.Stack => StackDeleted,
        SurvivalEvent.Account => AccountLost,
        _ => RegionLost,
    };
}
