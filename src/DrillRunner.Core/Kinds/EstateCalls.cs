namespace DrillRunner.Core.Kinds;

/// <summary>Read-only calls the drill's state machine makes about a source, beyond its kind's describe.</summary>
public static class EstateCalls
{
    /// <summary>A DynamoDB table's auto scaling policies (ResourceId table/NAME): a restore carries none.</summary>
    public static AwsCall ScalingPolicies { get; } = new("applicationautoscaling", "describeScalingPolicies", "ResourceId", IdIsList: false, "application-autoscaling:DescribeScalingPolicies");
}
