using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Local.Processes;
using YamlDotNet.Serialization;

namespace DrillRunner.Local.Requests;

/// <summary>
/// What the EventBridge Pipe in template.yaml does with a new request item, done locally from the
/// Pipe's own FilterCriteria and InputTemplate (read from template.yaml), so the two cannot drift.
/// </summary>
public sealed partial class LocalPipe
{
    private readonly IReadOnlyList<JsonObject> _filters;
    private readonly string _inputTemplate;

    private LocalPipe(IReadOnlyList<JsonObject> filters, string inputTemplate)
    {
        _filters = filters;
        _inputTemplate = inputTemplate;
    }

    /// <summary>The Pipe that starts manual drills.</summary>
    public const string DrillPipe = "DrillRequestPipe";

    /// <summary>The Pipe that starts coverage audits.</summary>
    public const string CoveragePipe = "CoverageRequestPipe";

    public static LocalPipe FromTemplate(string? templatePath = null, string pipeName = DrillPipe)
    {
        var yaml = File.ReadAllText(templatePath ?? Path.Combine(RepoPaths.Root, "template.yaml"));
        var template = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(yaml);
        var pipe = Map(Map(Map(template["Resources"])[pipeName])["Properties"]);
        var filters = ((List<object>)Map(Map(Map(pipe["SourceParameters"])["FilterCriteria"]))["Filters"])
            .Select(f => JsonNode.Parse((string)Map(f)["Pattern"])!.AsObject())
            .ToList();
        var inputTemplate = (string)Map(pipe["TargetParameters"])["InputTemplate"];
        return new LocalPipe(filters, inputTemplate);
    }

    /// <summary>The stream record DynamoDB emits for an inserted item.</summary>
    public static JsonObject InsertRecord(Dictionary<string, AttributeValue> newImage) => new()
    {
        ["eventName"] = "INSERT",
        ["eventSource"] = "aws:dynamodb",
        ["dynamodb"] = new JsonObject { ["NewImage"] = Image(newImage) },
    };

    /// <summary>The execution input the Pipe would start the state machine with, or null if its filter drops the record.</summary>
    public JsonNode? InputFor(JsonObject record)
    {
        if (!_filters.Any(f => Matches(f, record)))
        {
            return null;
        }

        var quoted = QuotedPlaceholder().Replace(_inputTemplate, m => JsonSerializer.Serialize(Resolve(record, m.Groups["path"].Value)?.ToString() ?? string.Empty));
        var text = Placeholder().Replace(quoted, m => Resolve(record, m.Groups["path"].Value)?.ToJsonString() ?? "null");
        return JsonNode.Parse(text);
    }

    /// <summary>EventBridge event patterns: every key must match; arrays list allowed scalar values.</summary>
    private static bool Matches(JsonObject pattern, JsonNode? node) =>
        pattern.All(entry => entry.Value switch
        {
            JsonArray allowed => node?[entry.Key] is JsonValue value && allowed.Any(a => a!.ToJsonString() == value.ToJsonString()),
            JsonObject nested => Matches(nested, node?[entry.Key]),
            _ => false,
        });

    private static JsonNode? Resolve(JsonNode record, string path)
    {
        JsonNode? current = record;
        foreach (var step in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current?[step];
        }

        return current;
    }

    private static JsonObject Image(Dictionary<string, AttributeValue> item)
    {
        var image = new JsonObject();
        foreach (var (name, value) in item)
        {
            image[name] = value.S is not null ? new JsonObject { ["S"] = value.S }
                : value.N is not null ? new JsonObject { ["N"] = value.N }
                : throw new NotSupportedException($"Request attribute '{name}' is neither S nor N.");
        }

        return image;
    }

    private static Dictionary<object, object> Map(object node) => (Dictionary<object, object>)node;

    [GeneratedRegex("\"<(?<path>\\$[A-Za-z0-9_.\\-]*)>\"")]
    private static partial Regex QuotedPlaceholder();

    [GeneratedRegex("<(?<path>\\$[A-Za-z0-9_.\\-]*)>")]
    private static partial Regex Placeholder();
}
