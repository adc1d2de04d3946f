using System.Collections.Concurrent;

namespace DrillRunner.Local.AwsWorld;

/// <summary>A database, volume, file system, bucket or table the world knows, its tags and fate.</summary>
public sealed record LocalResource(string Kind, string Id, string Arn, bool IsSource)
{
    public string Status { get; set; } = "creating";

    public int Describes { get; set; }

    public bool Deleted { get; set; }

    /// <summary>A database's automated-backup retention (RDS's BackupRetentionPeriod): 0 means no automated backups.</summary>
    public int BackupRetentionDays { get; set; } = 7;

    /// <summary>A database's DeletionProtection.</summary>
    public bool DeletionProtection { get; set; }

    public ConcurrentDictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> DeleteParameters { get; set; } = new Dictionary<string, string>();
}
