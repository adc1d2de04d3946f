namespace DrillRunner.Local.Scale;

/// <summary>The drill a scale run makes: how many targets, how long their restores take, and what they are restored from.</summary>
/// <param name="Targets">How many targets the plan names (tables, or buckets with <paramref name="AwsBackupBuckets"/>).</param>
/// <param name="Restore">How long each restore takes.</param>
/// <param name="ItemsPerTable">Items (or objects) in each source.</param>
/// <param name="AwsBackupBuckets">S3 buckets restored by AWS Backup instead of DynamoDB tables.</param>
/// <param name="MeasureFunctions">Invoke functions one at a time and measure each (slower).</param>
internal sealed record DrillShape(int Targets, TimeSpan Restore, int ItemsPerTable, bool AwsBackupBuckets, bool MeasureFunctions)
{
    /// <summary>Every this-many-th table (the first included) has PITR off and two backups, and the plan restores it from "backup"; 0: none.</summary>
    public int BackupOnlyEvery { get; init; }

    /// <summary>The plan says "recoveryInstant": "common".</summary>
    public bool CommonInstant { get; init; }

    /// <summary>Whether the table named <paramref name="name"/> (scale-NNN, from 1) is one of the backup-only ones.</summary>
    public bool IsBackupOnly(string name) =>
        BackupOnlyEvery > 0 && !AwsBackupBuckets && (int.Parse(name[(name.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture) - 1) % BackupOnlyEvery == 0;
}
