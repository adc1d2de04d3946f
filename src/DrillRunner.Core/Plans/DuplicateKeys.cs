using System.Text.Json;

namespace DrillRunner.Core.Plans;

/// <summary>
/// Finds keys written more than once in the same JSON object, anywhere in a plan. JsonDocument
/// keeps every occurrence but its look-ups answer the last one, so a plan whose first "tableName"
/// a reviewer approved could drill its second. JsonDocumentOptions.AllowDuplicateProperties = false
/// would refuse such a plan too, but with neither path nor line and only the first duplicate; this
/// walk names each one with its JSON path, as every other plan problem does.
/// </summary>
internal static class DuplicateKeys
{
    /// <summary>A hostile key may be megabytes long; the message names enough of it to find it.</summary>
    private const int ShownKeyLength = 60;

    public static void Report(JsonElement element, string path, List<PlanProblem> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    // Names are compared unescaped: "n\u0061me" is the same key as "name".
                    counts[property.Name] = counts.GetValueOrDefault(property.Name) + 1;
                    Report(property.Value, $"{path}.{property.Name}", problems);
                }

                foreach (var (key, count) in counts.Where(c => c.Value > 1))
                {
                    var shown = key.Length <= ShownKeyLength ? key : $"{key[..ShownKeyLength]}…";
                    problems.Add(new PlanProblem(
                        $"{path}.{key}",
                        $"\"{shown}\" appears {count} times in the same object; JSON readers keep only the last value, so the plan would not mean what its first \"{shown}\" says.",
                        "keep one of them, with the value you mean, and delete the others."));
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Report(item, $"{path}[{index++}]", problems);
                }

                break;
        }
    }
}
