using System.Text.Json.Nodes;

namespace DrillRunner.Local.AwsWorld;

/// <summary>One AWS SDK integration call: its parameters and its answer, or the error it raised.</summary>
public sealed record LocalAwsCall(string Service, string Action, JsonObject Input, JsonNode? Output, string? Error);
