namespace DrillRunner.Core.Drills.Contracts;

/// <summary>After a page: read the next one (<see cref="MorePages"/>), or restore the chosen recovery point from its vault.</summary>
public sealed record RecoveryPointChoice(bool MorePages, string? NextToken, string? RecoveryPointArn, string? BackupVaultName);
