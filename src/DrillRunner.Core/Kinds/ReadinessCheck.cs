namespace DrillRunner.Core.Kinds;

/// <summary>
/// How the state machine learns that a restored resource of a kind is usable: the describe call it
/// repeats, and where that call's answer keeps the resource's id, its status and, for databases, the
/// endpoint a TCP connection is tried on. The members are the API's own names.
/// </summary>
/// <param name="Describe">The call the state machine repeats until the resource is available.</param>
/// <param name="ListMember">The answer's list of resources (the first is the restored one), e.g. <c>DBInstances</c>.</param>
/// <param name="IdMember">The resource's id in it, e.g. <c>DBInstanceIdentifier</c>.</param>
/// <param name="StatusMember">Its status, "available" when usable, e.g. <c>DBInstanceStatus</c>.</param>
public sealed record ReadinessCheck(AwsCall Describe, string ListMember, string IdMember, string StatusMember)
{
    /// <summary>The member holding the endpoint's address and port; null when they sit on the resource itself.</summary>
    public string? EndpointMember { get; init; }

    /// <summary>The endpoint's address member; null for kinds without an endpoint.</summary>
    public string? AddressMember { get; init; }

    /// <summary>The endpoint's port member.</summary>
    public string? PortMember { get; init; }

    /// <summary>A list member that must not be empty for the endpoint to serve (an Aurora cluster's DB instances).</summary>
    public string? EndpointNeeds { get; init; }

    /// <summary>Said on the record when a TCP connection is asked for but the endpoint cannot serve yet.</summary>
    public string? NoEndpointNote { get; init; }
}
