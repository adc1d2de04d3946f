using System.Text.Json;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Drills.Contracts;

/// <summary>
/// One listing answer, as the state machine got it: <see cref="Call"/> says which (<see cref="PointListing"/>'s
/// names; null is a ListRecoveryPointsByResource page). The first page starts a new search; a
/// <see cref="PointListing.Start"/> has no answer yet.
/// </summary>
public sealed record RecoveryPointPage(string RunId, string TargetId, JsonElement? Answer, bool FirstPage)
{
    public string? Call { get; init; }

    /// <summary>The vault listing this answer answers (as ChooseRecoveryPoint asked for it): a second delivery of an answer already taken is recognised by it.</summary>
    public PointListing? Answered { get; init; }
}
