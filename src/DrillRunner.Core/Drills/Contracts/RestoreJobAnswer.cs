using System.Text.Json;

namespace DrillRunner.Core.Drills.Contracts;

/// <summary>One DescribeRestoreJob answer, and how many looks came before it.</summary>
public sealed record RestoreJobAnswer(string RunId, string TargetId, int Attempt, JsonElement Answer);
