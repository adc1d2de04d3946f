using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DrillRunner.Core.Coverage.Survival;

/// <summary>
/// Reads, from a CloudFormation template (GetTemplate's TemplateBody: JSON, or YAML with short-form
/// intrinsic tags such as <c>!Ref</c>, <c>!GetAtt</c>, <c>!Sub</c>), each resource's Type,
/// DeletionPolicy and UpdateReplacePolicy, and nothing else. Tags are kept by the YAML parser as
/// node tags and never resolved, so a tag this reader has never heard of cannot fail it.
/// Source for the attributes: "DeletionPolicy attribute", AWS CloudFormation Template Reference,
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html
/// </summary>
public static class TemplatePolicies
{
    /// <summary>The resources of <paramref name="body"/> by logical id, or why the template could not be read.</summary>
    public static (IReadOnlyDictionary<string, ResourcePolicies>? Resources, string? Unreadable) Read(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, "GetTemplate returned no TemplateBody.");
        }

        try
        {
            return body.TrimStart().StartsWith('{') ? FromJson(body) : FromYaml(body);
        }
        catch (Exception e) when (e is JsonException or YamlException or ArgumentException)
        {
            // ArgumentException: a JSON object that gives a key twice.
            return (null, $"The template cannot be read as JSON or YAML: {e.Message}");
        }
    }

    private static (IReadOnlyDictionary<string, ResourcePolicies>?, string?) FromJson(string body)
    {
        if (JsonNode.Parse(body) is not JsonObject template)
        {
            return (null, "The template is not a JSON object.");
        }

        if (template["Resources"] is not JsonObject resources)
        {
            return (null, "The template has no Resources object.");
        }

        static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        return (resources.Where(r => r.Value is JsonObject).ToDictionary(
            r => r.Key,
            r => new ResourcePolicies(Text(r.Value!["Type"]), Text(r.Value!["DeletionPolicy"]), Text(r.Value!["UpdateReplacePolicy"])),
            StringComparer.Ordinal), null);
    }

    private static (IReadOnlyDictionary<string, ResourcePolicies>?, string?) FromYaml(string body)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(body))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode template)
        {
            return (null, "The template is not a YAML mapping.");
        }

        if (Member(template, "Resources") is not YamlMappingNode resources)
        {
            return (null, "The template has no Resources mapping.");
        }

        var read = new Dictionary<string, ResourcePolicies>(StringComparer.Ordinal);
        foreach (var (key, value) in resources.Children)
        {
            if (key is YamlScalarNode { Value: { } logicalId } && value is YamlMappingNode resource)
            {
                read[logicalId] = new ResourcePolicies(Scalar(Member(resource, "Type")), Scalar(Member(resource, "DeletionPolicy")), Scalar(Member(resource, "UpdateReplacePolicy")));
            }
        }

        return (read, null);
    }

    private static YamlNode? Member(YamlMappingNode mapping, string name) =>
        mapping.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: var key } && key == name).Value;

    /// <summary>A plain string; a tagged value (<c>!If</c>, <c>!Ref</c>…) is not a policy this reader can know.</summary>
    private static string? Scalar(YamlNode? node) =>
        node is YamlScalarNode scalar && (scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific) ? scalar.Value : null;
}
