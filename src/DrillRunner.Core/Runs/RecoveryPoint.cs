using System.Text.Json.Serialization;

namespace DrillRunner.Core.Runs;

/// <summary>The recovery point a target was (or will be) restored from.</summary>
/// <param name="Kind">"pitr", "backup" (a DynamoDB backup) or "aws-backup" (an AWS Backup recovery point).</param>
/// <param name="BackupArn">The backup or recovery point restored.</param>
/// <param name="CreatedAt">RP: the point in time whose data the restore holds.</param>
public sealed record RecoveryPoint(string Kind, string? BackupArn, DateTimeOffset CreatedAt)
{
    public const string Pitr = "pitr";
    public const string Backup = "backup";
    public const string AwsBackup = "aws-backup";

    /// <summary>The rule this point was chosen by; an older point (random, oldest) is not judged against the RPO objective.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public PointSelect Select { get; init; }

    /// <summary>
    /// PITR only: restore to <see cref="CreatedAt"/> exactly (RestoreDateTime) instead of the latest restorable
    /// time at the moment of the restore. False (the default, left out of the run's JSON) keeps "latest".
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ExactInstant { get; init; }
}
