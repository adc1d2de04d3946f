using DrillRunner.Core.Kinds;

namespace DrillRunner.Local.AwsWorld;

/// <summary>A recovery point the local AWS Backup lists; for buckets, the objects it holds.</summary>
public sealed record LocalRecoveryPoint(string Arn, string ResourceArn, RestoreKind Kind, string ResourceName, string Vault, DateTimeOffset CreatedAt, string Status, IReadOnlyDictionary<string, string> Metadata)
{
    public IReadOnlyDictionary<string, long>? Objects { get; init; }
}
