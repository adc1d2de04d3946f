using System.Globalization;
using System.Text.Json;

namespace DrillRunner.Core.AwsBackup;

/// <summary>
/// Reads what an AWS SDK integration answered, as Step Functions hands it over: the API's own
/// PascalCase member names; timestamps as ISO 8601 strings (epoch seconds also accepted).
/// </summary>
internal static class AwsAnswer
{
    public static string? String(JsonElement element, string member) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static long? Long(JsonElement element, string member) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;

    public static DateTimeOffset? Time(JsonElement element, string member)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(member, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String when DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed.ToUniversalTime(),
            JsonValueKind.Number => DateTimeOffset.FromUnixTimeMilliseconds((long)(value.GetDouble() * 1000)),
            _ => null,
        };
    }

    public static IEnumerable<JsonElement> Array(JsonElement element, string member) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    public static JsonElement Required(JsonElement? element, string what) =>
        element is { ValueKind: JsonValueKind.Object } present
            ? present
            : throw new InvalidOperationException($"The state machine passed no {what}; the definition and the function disagree.");
}
