namespace DrillRunner.Core.Drills.Contracts;

/// <summary>The restore job's polling loop: done yet, and how long to wait before the next look; once done, what it restored.</summary>
public sealed record RestoreJobPoll(string RestoreJobId, bool Restored, int Attempt, int WaitSeconds)
{
    public RestoredResource? Resource { get; init; }
}
