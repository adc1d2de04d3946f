namespace DrillRunner.Local.AwsWorld;

/// <summary>A CloudFormation stack of the local world: its template text (JSON or YAML), tags, resources and status.</summary>
public sealed record LocalStack(string Name, string Id, string Template, IReadOnlyDictionary<string, string> Tags, IReadOnlyList<LocalStackResource> Resources, DateTimeOffset CreatedAt)
{
    public string Status { get; set; } = "CREATE_COMPLETE";

    public string? StatusReason { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}

/// <summary>One resource of a local stack, in the order the stack created it.</summary>
/// <param name="LogicalId">Its logical id in the template.</param>
/// <param name="Type">Its CloudFormation type, e.g. AWS::DynamoDB::Table.</param>
/// <param name="PhysicalId">The name or id it was created with (table name, bucket name, DB identifier, vol-…, fs-…).</param>
public sealed record LocalStackResource(string LogicalId, string Type, string PhysicalId)
{
    public string Status { get; set; } = "CREATE_COMPLETE";

    public string? StatusReason { get; set; }
}
