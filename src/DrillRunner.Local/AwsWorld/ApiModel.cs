using System.Text.Json.Nodes;
using DrillRunner.Local.Processes;

namespace DrillRunner.Local.AwsWorld;

/// <summary>
/// An AWS API model from the npm package aws-sdk v2 (node_modules/aws-sdk/apis/*.min.json): the
/// operations, their input members (which Step Functions' Parameters must use, PascalCase) and
/// their output shapes (which local answers must have). Test infrastructure.
/// </summary>
public sealed class ApiModel
{
    /// <summary>Step Functions' service names in aws-sdk resources, and their model files.</summary>
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["backup"] = "backup-2018-11-15",
        ["resourcegroupstaggingapi"] = "resourcegroupstaggingapi-2017-01-26",
        ["rds"] = "rds-2014-10-31",
        ["ec2"] = "ec2-2016-11-15",
        ["efs"] = "elasticfilesystem-2015-02-01",
        ["sns"] = "sns-2010-03-31",
        ["s3"] = "s3-2006-03-01",
        ["dynamodb"] = "dynamodb-2012-08-10",
        ["applicationautoscaling"] = "application-autoscaling-2016-02-06",
        ["cloudformation"] = "cloudformation-2010-05-15",
    };

    private readonly JsonObject _model;

    private ApiModel(string service, JsonObject model)
    {
        Service = service;
        _model = model;
    }

    public string Service { get; }

    /// <summary>The IAM action prefix of the service (elasticfilesystem for efs, tag for the tagging API).</summary>
    public string IamPrefix => Service switch
    {
        "efs" => "elasticfilesystem",
        "applicationautoscaling" => "application-autoscaling",
        "resourcegroupstaggingapi" => "tag",
        _ => Service,
    };

    /// <summary>
    /// The IAM action an operation needs: the service prefix and the operation's name, except where
    /// AWS named the permission otherwise (S3's ListBuckets needs s3:ListAllMyBuckets).
    /// </summary>
    public string IamAction(string operation) => $"{IamPrefix}:{operation}" switch
    {
        "s3:ListBuckets" => "s3:ListAllMyBuckets",
        var same => same,
    };

    public static ApiModel For(string service) =>
        Files.TryGetValue(service, out var file)
            ? new ApiModel(service, JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "node_modules", "aws-sdk", "apis", file + ".min.json")))!.AsObject())
            : throw new ArgumentException($"No API model is mapped for Step Functions service '{service}'.", nameof(service));

    /// <summary>The operation a camelCase Step Functions action names, or null if the action is misspelt or mis-cased.</summary>
    public string? Operation(string action)
    {
        if (action.Length == 0 || !char.IsLower(action[0]))
        {
            return null;
        }

        var operation = char.ToUpperInvariant(action[0]) + action[1..];
        return _model["operations"]!.AsObject().ContainsKey(operation) ? operation : null;
    }

    /// <summary>Problems with a task's Parameters: names the input shape does not have, required members missing, wrong literal types.</summary>
    public IReadOnlyList<string> CheckInput(string operation, JsonObject parameters)
    {
        var problems = new List<string>();
        var input = Resolve(_model["operations"]![operation]!["input"]);
        CheckParameters(input, parameters, $"{Service}:{operation}", problems);
        return problems;
    }

    /// <summary>Problems with an answer: members the output shape does not have, or values of the wrong type.</summary>
    public IReadOnlyList<string> CheckOutput(string operation, JsonNode? output)
    {
        var problems = new List<string>();
        var shape = Resolve(_model["operations"]![operation]!["output"]);
        CheckValue(shape, output, $"{Service}:{operation}", problems);
        return problems;
    }

    private JsonObject Resolve(JsonNode? node)
    {
        var shape = node?.AsObject() ?? new JsonObject { ["type"] = "structure", ["members"] = new JsonObject() };
        while (shape["shape"]?.GetValue<string>() is { } reference)
        {
            shape = _model["shapes"]![reference]!.AsObject();
        }

        return shape;
    }

    private static string TypeOf(JsonObject shape) => shape["type"]?.GetValue<string>() ?? "string";

    private void CheckParameters(JsonObject shape, JsonObject parameters, string path, List<string> problems)
    {
        var members = shape["members"]?.AsObject() ?? [];
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in parameters)
        {
            var dynamic = key.EndsWith(".$", StringComparison.Ordinal);
            var name = dynamic ? key[..^2] : key;
            given.Add(name);
            if (!members.ContainsKey(name))
            {
                problems.Add($"{path}: '{name}' is not a member of the input (members: {string.Join(", ", members.Select(m => m.Key))})");
                continue;
            }

            if (!dynamic)
            {
                CheckLiteral(Resolve(members[name]), value, $"{path}.{name}", problems);
            }
        }

        foreach (var required in shape["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
        {
            if (!given.Contains(required))
            {
                problems.Add($"{path}: required member '{required}' is missing");
            }
        }
    }

    private void CheckLiteral(JsonObject shape, JsonNode? value, string path, List<string> problems)
    {
        switch (TypeOf(shape))
        {
            case "structure" when value is JsonObject structure:
                CheckParameters(shape, structure, path, problems);
                break;
            case "list" when value is JsonArray list:
                foreach (var item in list)
                {
                    CheckLiteral(Resolve(shape["member"]), item, $"{path}[]", problems);
                }

                break;
            default:
                CheckValue(shape, value, path, problems);
                break;
        }
    }

    private void CheckValue(JsonObject shape, JsonNode? value, string path, List<string> problems)
    {
        if (value is null)
        {
            return;
        }

        var type = TypeOf(shape);
        var kind = value.GetValueKind();
        switch (type)
        {
            case "structure":
                if (value is not JsonObject structure)
                {
                    problems.Add($"{path}: expected an object, got {kind}");
                    return;
                }

                var members = shape["members"]?.AsObject() ?? [];
                foreach (var (name, member) in structure)
                {
                    if (!members.ContainsKey(name))
                    {
                        problems.Add($"{path}: '{name}' is not a member of the shape (members: {string.Join(", ", members.Select(m => m.Key))})");
                        continue;
                    }

                    CheckValue(Resolve(members[name]), member, $"{path}.{name}", problems);
                }

                break;
            case "list":
                if (value is not JsonArray list)
                {
                    problems.Add($"{path}: expected an array, got {kind}");
                    return;
                }

                foreach (var item in list)
                {
                    CheckValue(Resolve(shape["member"]), item, $"{path}[]", problems);
                }

                break;
            case "map":
                if (value is not JsonObject map)
                {
                    problems.Add($"{path}: expected a map object, got {kind}");
                    return;
                }

                foreach (var (key, item) in map)
                {
                    CheckValue(Resolve(shape["value"]), item, $"{path}[{key}]", problems);
                }

                break;
            case "integer" or "long" or "double" or "float":
                if (kind != System.Text.Json.JsonValueKind.Number)
                {
                    problems.Add($"{path}: expected a number ({type}), got {kind}");
                }

                break;
            case "boolean":
                if (kind is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
                {
                    problems.Add($"{path}: expected a boolean, got {kind}");
                }

                break;
            case "timestamp":
                // Step Functions hands SDK timestamps over as ISO 8601 strings.
                if (kind != System.Text.Json.JsonValueKind.String || !DateTimeOffset.TryParse(value.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out _))
                {
                    problems.Add($"{path}: expected an ISO 8601 timestamp string, got {value.ToJsonString()}");
                }

                break;
            default:
                if (kind != System.Text.Json.JsonValueKind.String)
                {
                    problems.Add($"{path}: expected a string, got {kind}");
                }

                break;
        }
    }
}
