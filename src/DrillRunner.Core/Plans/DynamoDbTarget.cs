namespace DrillRunner.Core.Plans;

/// <summary>A protected DynamoDB table and how its restore is checked.</summary>
public sealed record DynamoDbTarget(
    string Id,
    string TableName,
    RestoreSource RestoreFrom,
    RestoreOptions Restore,
    Verification Verification);
