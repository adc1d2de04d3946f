namespace DrillRunner.Core.Runs;

/// <summary>Why a target failed. <paramref name="Error"/> is the typed error name; runner errors make the drill ERROR.</summary>
public sealed record TargetFailure(string Error, string Reason, bool IsRunnerError);
