namespace DrillRunner.Core.Runs;

/// <summary>A vault ListBackupVaults named, still to be listed for copies; <see cref="AccountId"/> set for a vault shared from another account.</summary>
public sealed record VaultToRead(string Name, string Arn, string? AccountId);
