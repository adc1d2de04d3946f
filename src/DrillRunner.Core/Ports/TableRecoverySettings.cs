namespace DrillRunner.Core.Ports;

/// <summary>What a DynamoDB table has that a restore does not bring (DescribeTable, DescribeTimeToLive, DescribeContinuousBackups, ListTagsOfResource).</summary>
/// <param name="TtlAttribute">The TTL attribute when TTL is enabled (or being enabled); null when off.</param>
/// <param name="StreamViewType">NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES or KEYS_ONLY when a stream is enabled; null when off.</param>
public sealed record TableRecoverySettings(string? TtlAttribute, string? StreamViewType, bool PitrEnabled, bool DeletionProtection, IReadOnlyDictionary<string, string> Tags);
