using Amazon.DynamoDBv2.Model;

namespace DrillRunner.Local.StandIn;

/// <summary>A backup the stand-in made: a full copy of the table's items and its shape at that moment.</summary>
internal sealed record StandInBackup(
    string Arn,
    string Name,
    string TableName,
    string TableArn,
    string BackupType,
    DateTimeOffset CreatedAt,
    TableDescription Table,
    IReadOnlyList<Dictionary<string, AttributeValue>> Items);
