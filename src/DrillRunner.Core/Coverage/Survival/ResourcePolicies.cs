namespace DrillRunner.Core.Coverage.Survival;

/// <summary>What a stack's template says of one resource: its type and the policies that decide its fate when the stack is deleted or the resource replaced.</summary>
/// <param name="Type">Resources.LOGICAL_ID.Type.</param>
/// <param name="DeletionPolicy">Resources.LOGICAL_ID.DeletionPolicy as written; null when not set (or not a plain string, e.g. an intrinsic function).</param>
/// <param name="UpdateReplacePolicy">Resources.LOGICAL_ID.UpdateReplacePolicy as written; null when not set.</param>
public sealed record ResourcePolicies(string? Type, string? DeletionPolicy, string? UpdateReplacePolicy);
