namespace DrillRunner.Local.AwsWorld;

/// <summary>A restore job and what it did.</summary>
public sealed class LocalRestoreJob(string id, LocalRecoveryPoint point, IReadOnlyDictionary<string, string> metadata, string? idempotencyToken, string roleArn, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public LocalRecoveryPoint Point { get; } = point;

    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata;

    public string? IdempotencyToken { get; } = idempotencyToken;

    public string RoleArn { get; } = roleArn;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public string Status { get; set; } = "PENDING";

    public string? StatusMessage { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? CreatedResourceArn { get; set; }
}
