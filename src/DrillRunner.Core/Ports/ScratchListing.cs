namespace DrillRunner.Core.Ports;

/// <summary>A table or bucket found under the scratch prefix, with its tags.</summary>
public sealed record ScratchListing(string Name, string Arn, IReadOnlyDictionary<string, string> Tags);
