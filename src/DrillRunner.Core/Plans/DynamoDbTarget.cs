namespace DrillRunner.Core.Plans;

/// <summary>A protected DynamoDB table and how its restore is checked.</summary>
public sealed record DynamoDbTarget(
    string Id,
    string TableName,
    RestoreSource RestoreFrom,
    RestoreOptions Restore,
    Verification Verification) : DrillTarget(Id)
{
    public const string TypeName = "dynamodb";

    public override string SourceName => TableName;

    public override string Type => TypeName;
}
