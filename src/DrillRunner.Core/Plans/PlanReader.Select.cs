using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DrillRunner.Core.Kinds;

namespace DrillRunner.Core.Plans;

/// <summary>
/// Reading "select" rules: what a rule selects (type, resourceType, tags, namePattern) is read here;
/// the defaults its targets get are read by the target readers themselves, so a rule accepts exactly
/// the fields a target of its type takes.
/// </summary>
public static partial class PlanReader
{
    /// <summary>The most rules a plan may have: each one lists a kind at every drill.</summary>
    public const int MaxSelectionRules = 20;

    /// <summary>The most tag conditions of one rule.</summary>
    public const int MaxTagConditions = 10;

    /// <summary>AWS's limits for a tag key and value (DynamoDB and S3 alike).</summary>
    public const int MaxTagKeyLength = 128;

    public const int MaxTagValueLength = 256;

    private const string TagCharacters = "letters, digits, spaces and _ . : / = + - @ (AWS's tag characters)";

    private static List<SelectionRule> ReadSelection(JsonObjectReader root)
    {
        var rules = new List<SelectionRule>();
        foreach (var (item, path) in root.Array("select", false, "write \"select\" as an array of rules, e.g. [ { \"id\": \"shop-tables\", \"type\": \"dynamodb\", \"tags\": [ { \"key\": \"app\", \"equals\": \"shop\" } ] } ]."))
        {
            if (rules.Count == MaxSelectionRules)
            {
                root.Problem(root.At("select"), $"has more than {MaxSelectionRules} rules.", "combine rules (tag conditions and a name pattern narrow one rule) or split the plan.");
                break;
            }

            if (ReadRule(item, path, root) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return rules;
    }

    private static SelectionRule? ReadRule(JsonElement item, string path, JsonObjectReader parent)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            parent.Problem(path, "must be an object.", "describe the rule as { \"id\": …, \"type\": \"dynamodb\", \"tags\": [ … ], \"namePattern\": … }.");
            return null;
        }

        var rule = new JsonObjectReader(item, path, parent.Problems);
        var id = rule.String("id", true, "give the rule a short id such as \"shop-tables\"; run records name it.");
        if (id is not null && !TargetIdPattern().IsMatch(id))
        {
            rule.Problem(rule.At("id"), "may hold only letters, digits, '-' and '_' (1–40 characters).", "shorten or rename the id.");
        }

        var type = rule.String("type", true, "set \"type\": \"dynamodb\" (tables, drilled natively) or \"aws-backup\" (with \"resourceType\").");
        RestoreKind? kind = null;
        switch (type)
        {
            case null:
                break;
            case DynamoDbTarget.TypeName:
                kind = RestoreKinds.DynamoDbTable;
                ReadDynamoDbDefaults(rule);
                break;
            case AwsBackupTarget.TypeName:
                kind = ReadResourceType(rule);
                ReadBackupDefaults(rule, kind);
                break;
            default:
                rule.Problem(rule.At("type"), $"'{type}' is not a supported target type.", "use \"dynamodb\" or \"aws-backup\".");
                break;
        }

        var tags = ReadTagConditions(rule);
        var pattern = rule.String("namePattern", false, "give a glob such as \"shop-*\" ('*' any run of characters, '?' one character), or leave it out.");
        if (pattern is not null && NameGlob.Problem(pattern) is { } patternProblem)
        {
            rule.Problem(rule.At("namePattern"), patternProblem, "write a glob such as \"shop-*\" or \"orders-202?\"; for a literal name just write the name.");
            pattern = null;
        }

        rule.RejectUnknownFields();
        var wroteTags = item.TryGetProperty("tags", out var written) && written.ValueKind == JsonValueKind.Array && written.GetArrayLength() > 0;
        if (!wroteTags && !item.TryGetProperty("namePattern", out _))
        {
            rule.Problem(path, "has neither \"tags\" nor \"namePattern\", so it would select every resource of its kind.", "narrow it with tag conditions and/or a name pattern, e.g. \"namePattern\": \"*\" if every one is really meant.");
        }

        return id is null || kind is null || type is null
            ? null
            : new SelectionRule(id, type, kind, tags, pattern is null ? null : new NameGlob(pattern), Defaults(item));
    }

    private static RestoreKind? ReadResourceType(JsonObjectReader rule)
    {
        var selectable = string.Join(", ", SelectionRule.SelectableKinds.Select(k => $"\"{k.AwsBackupName}\""));
        var name = rule.String("resourceType", true, $"set the AWS Backup resource type to select: {selectable}.");
        if (name is null)
        {
            return null;
        }

        if (SelectionRule.SelectableKinds.FirstOrDefault(k => k.AwsBackupName == name) is { } kind)
        {
            return kind;
        }

        var known = RestoreKinds.All.FirstOrDefault(k => k.AwsBackupName == name);
        rule.Problem(
            rule.At("resourceType"),
            known is null
                ? $"'{name}' is not an AWS Backup resource type this runner restores."
                : $"{known.DisplayName}s cannot be selected: the runner lists only {selectable} with the SDKs it is built with.",
            known is null ? $"use one of: {selectable}." : $"list each {known.Noun} as an explicit aws-backup target under \"targets\".");
        return null;
    }

    private static List<TagCondition> ReadTagConditions(JsonObjectReader rule)
    {
        var conditions = new List<TagCondition>();
        foreach (var (item, path) in rule.Array("tags", false, "write \"tags\" as an array such as [ { \"key\": \"app\", \"equals\": \"shop\" } ]."))
        {
            if (conditions.Count == MaxTagConditions)
            {
                rule.Problem(rule.At("tags"), $"has more than {MaxTagConditions} conditions.", "keep the conditions that really tell the resources apart.");
                break;
            }

            if (item.ValueKind != JsonValueKind.Object)
            {
                rule.Problem(path, "must be an object.", "write { \"key\": \"app\", \"equals\": \"shop\" } or { \"key\": \"env\", \"notEquals\": \"dev\" }.");
                continue;
            }

            var condition = new JsonObjectReader(item, path, rule.Problems);
            var key = condition.String("key", true, "name the tag key, e.g. \"app\".");
            if (key is not null && TagProblem(key, MaxTagKeyLength) is { } keyProblem)
            {
                condition.Problem(condition.At("key"), keyProblem, $"use the tag key exactly as it is set: 1–{MaxTagKeyLength} {TagCharacters}.");
                key = null;
            }

            var equals = TagValue(condition, "equals");
            var notEquals = TagValue(condition, "notEquals");
            condition.RejectUnknownFields();
            if (equals.Present == notEquals.Present)
            {
                condition.Problem(path, equals.Present ? "has both \"equals\" and \"notEquals\"." : "has neither \"equals\" nor \"notEquals\".", "give exactly one of them; write two conditions for two tests.");
                continue;
            }

            var value = equals.Present ? equals.Value : notEquals.Value;
            if (key is not null && value is not null)
            {
                conditions.Add(new TagCondition(key, value, notEquals.Present));
            }
        }

        return conditions;
    }

    /// <summary>A tag value may be empty (AWS allows it), unlike the reader's other strings.</summary>
    private static (bool Present, string? Value) TagValue(JsonObjectReader condition, string field)
    {
        if (!condition.TryGet(field, out var element))
        {
            return (false, null);
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            condition.Problem(condition.At(field), "must be a string.", "write the tag value as a string, e.g. \"shop\" (\"\" for an empty value).");
            return (true, null);
        }

        var value = element.GetString()!;
        if (TagProblem(value, MaxTagValueLength, allowEmpty: true) is { } problem)
        {
            condition.Problem(condition.At(field), problem, $"use the tag value exactly as it is set: 0–{MaxTagValueLength} {TagCharacters}.");
            return (true, null);
        }

        return (true, value);
    }

    private static string? TagProblem(string text, int maxLength, bool allowEmpty = false)
    {
        if (text.Length == 0 && !allowEmpty)
        {
            return "is empty.";
        }

        if (text.Length > maxLength)
        {
            return $"is {text.Length} characters; AWS allows at most {maxLength}.";
        }

        return TagText().IsMatch(text) ? null : "holds a character AWS does not allow in tags.";
    }

    /// <summary>The rule's object without the fields that say what it selects: exactly the fields its targets get.</summary>
    private static string Defaults(JsonElement rule)
    {
        var defaults = JsonNode.Parse(rule.GetRawText())!.AsObject();
        foreach (var field in SelectionRule.RuleFields)
        {
            defaults.Remove(field);
        }

        defaults.Remove("$schema");
        return defaults.ToJsonString();
    }

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex TagText();
}
