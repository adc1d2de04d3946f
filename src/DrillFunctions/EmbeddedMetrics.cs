using System.Text.Json.Nodes;

namespace DrillFunctions;

/// <summary>
/// CloudWatch Embedded Metric Format: one JSON log line that CloudWatch turns into metrics, so the
/// functions need no CloudWatch SDK. Dimensions stay low-cardinality (plan, never run id).
/// </summary>
public static class EmbeddedMetrics
{
    public const string Namespace = "DrillRunner";

    public static string Line(IReadOnlyDictionary<string, string> dimensions, IReadOnlyDictionary<string, (double Value, MetricUnit Unit)> metrics, DateTimeOffset at)
    {
        var line = new JsonObject
        {
            ["_aws"] = new JsonObject
            {
                ["Timestamp"] = at.ToUnixTimeMilliseconds(),
                ["CloudWatchMetrics"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["Namespace"] = Namespace,
                        ["Dimensions"] = new JsonArray { new JsonArray(dimensions.Keys.Select(k => (JsonNode)JsonValue.Create(k)!).ToArray()) },
                        ["Metrics"] = new JsonArray(metrics.Select(m => (JsonNode)new JsonObject { ["Name"] = m.Key, ["Unit"] = m.Value.Unit.ToString() }).ToArray()),
                    },
                },
            },
        };
        foreach (var (name, value) in dimensions)
        {
            line[name] = value;
        }

        foreach (var (name, metric) in metrics)
        {
            line[name] = metric.Value;
        }

        return line.ToJsonString();
    }
}
