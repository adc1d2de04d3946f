namespace DrillRunner.Local.AwsWorld;

/// <summary>One PutRestoreValidationResult.</summary>
public sealed record LocalValidation(string RestoreJobId, string Status, string? Message);
