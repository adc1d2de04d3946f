using DrillRunner.Core.Kinds;

namespace DrillRunner.Local.AwsWorld;

/// <summary>A recovery point the local AWS Backup lists; for buckets, the objects it holds; for tables captured when it was made, the table.</summary>
public sealed record LocalRecoveryPoint(string Arn, string ResourceArn, RestoreKind Kind, string ResourceName, string Vault, DateTimeOffset CreatedAt, string Status, IReadOnlyDictionary<string, string> Metadata)
{
    public IReadOnlyDictionary<string, long>? Objects { get; init; }

    /// <summary>
    /// A table's shape and items as they were when the point was made (<see cref="LocalAwsWorld.CaptureTableAsync"/>), so the point
    /// restores after its source is deleted, as a real recovery point does; null restores the live source's current items.
    /// </summary>
    public LocalTableImage? Table { get; init; }
}

/// <summary>A DynamoDB table as a recovery point holds it.</summary>
public sealed record LocalTableImage(Amazon.DynamoDBv2.Model.TableDescription Shape, IReadOnlyList<Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>> Items);
