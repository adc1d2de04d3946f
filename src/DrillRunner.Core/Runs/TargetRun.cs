using System.Text.Json.Serialization;

namespace DrillRunner.Core.Runs;

/// <summary>One target's part of a run: its recovery point, stage times and findings.</summary>
/// <param name="SourceName">The source's name: a table, bucket, database, volume or file system. Stored as
/// "sourceTable", the name it had when every target was a table, so earlier run records stay readable.</param>
public sealed record TargetRun(string RunId, string TargetId, [property: JsonPropertyName("sourceTable")] string SourceName)
{
    public TargetStage Stage { get; init; } = TargetStage.Pending;

    public RecoveryPoint? RecoveryPoint { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public DateTimeOffset? RestoreRequestedAt { get; init; }

    /// <summary>The first poll that saw the scratch table ACTIVE.</summary>
    public DateTimeOffset? RestoreCompletedAt { get; init; }

    /// <summary>The poll before that one: the restore completed no earlier than this.</summary>
    public DateTimeOffset? RestoreCompletedNotBefore { get; init; }

    public DateTimeOffset? LastPolledAt { get; init; }

    public int Polls { get; init; }

    /// <summary>How long the restore was expected to take, and from what; guides the polls.</summary>
    public RestoreForecast? Forecast { get; init; }

    /// <summary>The source's size when the restore was asked (DynamoDB's figure, updated about every six hours).</summary>
    public long? SourceSizeBytes { get; init; }

    public DateTimeOffset? VerifiedAt { get; init; }

    public ScratchResource? Scratch { get; init; }

    public VerificationResult? Verification { get; init; }

    /// <summary>The restored table's count so far, while verification spans several invocations.</summary>
    public ScanCheckpoint? RestoredCount { get; init; }

    /// <summary>The live source's count so far (for a tolerance), while verification spans several invocations.</summary>
    public ScanCheckpoint? SourceCount { get; init; }

    public TargetFailure? Failure { get; init; }

    /// <summary>The AWS Backup side of an "aws-backup" target: recovery point search, restore job, validation report.</summary>
    public BackupRestore? Backup { get; init; }

    /// <summary>A restored S3 bucket's counts and sentinels; while counting, progress so far.</summary>
    public BucketCheck? Bucket { get; init; }

    /// <summary>A restored database, volume or file system as AWS last described it.</summary>
    public ResourceCheck? Resource { get; init; }

    /// <summary>What a real recovery would still have to do by hand: what the restore lacks that the source has.</summary>
    public RunbookGap? RunbookGap { get; init; }

    /// <summary>The user's verifier Lambda's answer.</summary>
    public VerifierAnswer? Verifier { get; init; }
}
