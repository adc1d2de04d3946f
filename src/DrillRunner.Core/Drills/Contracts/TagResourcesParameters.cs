using System.Text.Json.Serialization;

namespace DrillRunner.Core.Drills.Contracts;

/// <summary>TagResources' request fields, PascalCase as Step Functions passes them to the tagging API.</summary>
public sealed record TagResourcesParameters(
    [property: JsonPropertyName("ResourceARNList")] IReadOnlyList<string> ResourceArnList,
    [property: JsonPropertyName("Tags")] IReadOnlyDictionary<string, string> Tags);
