using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DrillFunctions.Tests.Iam;

/// <summary>
/// template.yaml deployed on paper: fixed account, region and parameter values (a stack name that
/// starts with the scratch prefix, the worst case), CloudFormation's physical names, and the
/// intrinsics the template uses resolved to plain strings.
/// </summary>
internal sealed partial class TestStack
{
    public const string Partition = "aws";
    public const string Region = "eu-west-1";
    public const string Account = "111122223333";

    /// <summary>Starts with <see cref="ScratchPrefix"/>: the runs table's name then matches table/&lt;prefix&gt;*.</summary>
    public const string StackName = "drill-runner";

    public const string ScratchPrefix = "drill-";

    /// <summary>CloudFormation's random part of a generated physical name.</summary>
    private const string Suffix = "1A2B3C4D5E6F";

    private readonly Dictionary<object, object> _template;
    private readonly Dictionary<string, string> _parameters;

    public TestStack(Dictionary<object, object> template)
    {
        _template = template;
        _parameters = TemplateDocument.Map(template["Parameters"])
            .ToDictionary(p => (string)p.Key, p => TemplateDocument.Map(p.Value).TryGetValue("Default", out var d) ? d.ToString()! : "", StringComparer.Ordinal);
        _parameters["ScratchPrefix"] = ScratchPrefix;
        _parameters["SourceTableNamePattern"] = "prod-*";
        _parameters["SourceBucketNamePattern"] = "prod-*";
    }

    public Dictionary<object, object> Template => _template;

    public static string TableArn(string name) => $"arn:{Partition}:dynamodb:{Region}:{Account}:table/{name}";

    public static string RdsArn(string kind, string name) => $"arn:{Partition}:rds:{Region}:{Account}:{kind}:{name}";

    public static string Arn(string service, string resource) => $"arn:{Partition}:{service}:{Region}:{Account}:{resource}";

    /// <summary>The physical name CloudFormation gives a resource (its own Name property when it sets one).</summary>
    public string PhysicalName(string logicalId)
    {
        var properties = Properties(logicalId);
        foreach (var nameProperty in new[] { "Name", "TableName", "FunctionName", "RoleName", "TopicName" })
        {
            if (properties.TryGetValue(nameProperty, out var name))
            {
                return Resolve(name).GetValue<string>();
            }
        }

        return $"{StackName}-{logicalId}-{Suffix}";
    }

    /// <summary>Ref of a resource, as CloudFormation answers it for its type.</summary>
    public string Ref(string logicalId) => Type(logicalId) switch
    {
        "AWS::SNS::Topic" or "AWS::Serverless::StateMachine" or "AWS::IAM::ManagedPolicy" => Attribute(logicalId, "Arn"),
        _ => PhysicalName(logicalId),
    };

    public string Attribute(string logicalId, string attribute)
    {
        var name = PhysicalName(logicalId);
        return (Type(logicalId), attribute) switch
        {
            ("AWS::DynamoDB::Table", "Arn") => TableArn(name),
            ("AWS::DynamoDB::Table", "StreamArn") => $"{TableArn(name)}/stream/2026-01-01T00:00:00.000",
            ("AWS::Serverless::Function", "Arn") => Arn("lambda", $"function:{name}"),
            ("AWS::SNS::Topic", "Arn") => Arn("sns", name),
            ("AWS::SNS::Topic", "TopicName") => name,
            ("AWS::Serverless::StateMachine", "Arn") => Arn("states", $"stateMachine:{name}"),
            ("AWS::IAM::Role", "Arn") => $"arn:{Partition}:iam::{Account}:role/{name}",
            ("AWS::IAM::ManagedPolicy", "Arn") => $"arn:{Partition}:iam::{Account}:policy/{name}",
            var unknown => throw new InvalidOperationException($"TestStack does not know the attribute {unknown} of {logicalId}; teach it."),
        };
    }

    /// <summary>A template value with every intrinsic resolved (Ref, Fn::GetAtt, Fn::Sub in both forms).</summary>
    public JsonNode Resolve(object node) => node switch
    {
        string text => JsonValue.Create(text),
        List<object> list => new JsonArray(list.Select(Resolve).ToArray()),
        Dictionary<object, object> { Count: 1 } map when map.ContainsKey("Ref") => JsonValue.Create(RefOrParameter((string)map["Ref"])),
        Dictionary<object, object> { Count: 1 } map when map.ContainsKey("Fn::GetAtt") => JsonValue.Create(GetAtt(TemplateDocument.List(map["Fn::GetAtt"]).Cast<string>().ToList())),
        Dictionary<object, object> { Count: 1 } map when map.ContainsKey("Fn::Sub") => JsonValue.Create(Sub(map["Fn::Sub"])),
        Dictionary<object, object> map => new JsonObject(map.Select(p => KeyValuePair.Create((string)p.Key, (JsonNode?)Resolve(p.Value)))),
        _ => JsonValue.Create(Convert.ToString(node, CultureInfo.InvariantCulture)!),
    };

    public string Sub(object sub, IReadOnlyDictionary<string, string>? variables = null)
    {
        var (text, local) = sub switch
        {
            string s => (s, new Dictionary<string, string>(StringComparer.Ordinal)),
            List<object> { Count: 2 } form => ((string)form[0], TemplateDocument.Map(form[1]).ToDictionary(v => (string)v.Key, v => Resolve(v.Value).GetValue<string>(), StringComparer.Ordinal)),
            _ => throw new InvalidOperationException($"Unexpected Fn::Sub form: {sub}"),
        };
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            local[name] = value;
        }

        return SubVariable().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            if (local.TryGetValue(name, out var value))
            {
                return value;
            }

            var parts = name.Split('.');
            return parts.Length == 2 ? Attribute(parts[0], parts[1]) : RefOrParameter(name);
        });
    }

    private string RefOrParameter(string name) => name switch
    {
        "AWS::Partition" => Partition,
        "AWS::Region" => Region,
        "AWS::AccountId" => Account,
        "AWS::StackName" => StackName,
        _ when _parameters.TryGetValue(name, out var value) => value,
        _ => Ref(name),
    };

    private string GetAtt(List<string> parts) => Attribute(parts[0], parts[1]);

    private Dictionary<object, object> Resource(string logicalId) =>
        TemplateDocument.Resources(_template).TryGetValue(logicalId, out var resource)
            ? TemplateDocument.Map(resource)
            : throw new InvalidOperationException($"template.yaml has no resource {logicalId}");

    private string Type(string logicalId) => (string)Resource(logicalId)["Type"];

    private Dictionary<object, object> Properties(string logicalId) => TemplateDocument.Map(Resource(logicalId)["Properties"]);

    [GeneratedRegex(@"\$\{([A-Za-z0-9:.]+)\}")]
    private static partial Regex SubVariable();
}
