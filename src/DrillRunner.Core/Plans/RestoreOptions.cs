namespace DrillRunner.Core.Plans;

/// <summary>Overrides applied to the scratch table at restore time.</summary>
/// <param name="BillingMode">PAY_PER_REQUEST, or null to keep the source's mode.</param>
/// <param name="WithoutSecondaryIndexes">Restore base data only: faster and cheaper.</param>
/// <param name="SseType">null (keep the source's), AES256 or KMS.</param>
/// <param name="KmsKeyArn">Key for SseType KMS; null for the AWS managed key.</param>
public sealed record RestoreOptions(
    string? BillingMode,
    bool WithoutSecondaryIndexes,
    string? SseType,
    string? KmsKeyArn)
{
    public static RestoreOptions Default { get; } = new(null, false, null, null);
}
