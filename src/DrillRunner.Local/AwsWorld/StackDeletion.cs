namespace DrillRunner.Local.AwsWorld;

/// <summary>What a stack deletion did to one resource.</summary>
public enum ResourceFate
{
    /// <summary>Retained (DeletionPolicy Retain or RetainExceptOnCreate): CloudFormation leaves it as it is.</summary>
    Kept = 1,

    /// <summary>Deleted with nothing kept by the deletion (DynamoDB may still keep its system backup: see <see cref="ResourceDeleted.Kept"/>).</summary>
    Deleted = 2,

    /// <summary>DeletionPolicy Snapshot: a final snapshot was kept, then the resource was deleted.</summary>
    SnapshotKept = 3,

    /// <summary>The deletion failed (deletion protection, a non-empty bucket): the resource stays and the stack ends DELETE_FAILED.</summary>
    DeletionFailed = 4,
}

/// <summary>One resource's fate in a local stack deletion.</summary>
/// <param name="Kept">What survives it, when something does: the final snapshot's id, or the ARN of the system backup DynamoDB kept.</param>
/// <param name="Why">The rule that decided it, in words.</param>
public sealed record ResourceDeleted(string LogicalId, string Type, string PhysicalId, string Policy, ResourceFate Fate, string? Kept, string Why);

/// <summary>What a local stack deletion did: the stack's end status and each resource's fate, in the order they were handled (reverse creation order).</summary>
public sealed record StackDeletion(string StackName, string Status, IReadOnlyList<ResourceDeleted> Resources);
