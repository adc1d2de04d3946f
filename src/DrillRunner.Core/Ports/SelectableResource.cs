namespace DrillRunner.Core.Ports;

/// <summary>A resource a selection rule may match: its name, ARN and tags.</summary>
public sealed record SelectableResource(string Name, string Arn, IReadOnlyDictionary<string, string> Tags);
