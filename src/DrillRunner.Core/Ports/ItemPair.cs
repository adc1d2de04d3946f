namespace DrillRunner.Core.Ports;

/// <summary>A restored item and the source's item with the same key (null if the source no longer has it).</summary>
public sealed record ItemPair(string KeyText, ItemSnapshot Restored, ItemSnapshot? Source);
