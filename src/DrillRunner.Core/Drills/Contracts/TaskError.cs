using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrillRunner.Core.Drills.Contracts;

/// <summary>The error a Catch puts at its ResultPath: Step Functions' own field names.</summary>
public sealed record TaskError(
    [property: JsonPropertyName("Error")] string? Error,
    [property: JsonPropertyName("Cause")] string? Cause)
{
    /// <summary>For VerifierFailed: the error the user's verifier Lambda raised, as the Catch caught it.</summary>
    [JsonPropertyName("Verifier")]
    public TaskError? Verifier { get; init; }

    /// <summary>The human part of the cause: a Lambda's errorMessage when the cause is its error JSON.</summary>
    public string Message()
    {
        if (string.IsNullOrWhiteSpace(Cause))
        {
            return Error ?? "unknown error";
        }

        try
        {
            using var document = JsonDocument.Parse(Cause);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errorMessage", out var message)
                && message.ValueKind == JsonValueKind.String)
            {
                return message.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the cause is already plain text.
        }

        return Cause;
    }
}
