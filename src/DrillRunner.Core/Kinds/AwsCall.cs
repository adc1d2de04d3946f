namespace DrillRunner.Core.Kinds;

/// <summary>
/// One AWS API call the state machine makes itself (an aws-sdk integration): the service and action
/// as Step Functions names them, the parameter that takes the scratch resource's id, and the IAM
/// action it needs.
/// </summary>
/// <param name="Service">The aws-sdk service name, e.g. <c>rds</c>.</param>
/// <param name="Action">The camel-case API action, e.g. <c>deleteDBInstance</c>.</param>
/// <param name="IdParameter">The request member that names the resource, e.g. <c>DBInstanceIdentifier</c>.</param>
/// <param name="IdIsList">True when the member is a list of ids (EC2's <c>VolumeIds</c>).</param>
/// <param name="IamAction">The IAM action the call needs, e.g. <c>rds:DeleteDBInstance</c>.</param>
public sealed record AwsCall(string Service, string Action, string IdParameter, bool IdIsList, string IamAction)
{
    /// <summary>Fixed request members sent with every call (e.g. no final snapshot).</summary>
    public IReadOnlyDictionary<string, bool> Switches { get; init; } = new Dictionary<string, bool>();
}
