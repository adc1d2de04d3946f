namespace DrillRunner.Core.Ports;

/// <summary>A table found under the scratch prefix, with its tags.</summary>
public sealed record ScratchTableListing(string Name, string Arn, IReadOnlyDictionary<string, string> Tags);
