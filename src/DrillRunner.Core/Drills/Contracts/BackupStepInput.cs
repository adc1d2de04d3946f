namespace DrillRunner.Core.Drills.Contracts;

/// <summary>What the state machine passes to the AWS Backup step function: which decision, on which target state.</summary>
public sealed record BackupStepInput(string Step, BackupTargetState State);
