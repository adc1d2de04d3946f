using DrillRunner.Local.Processes;
using YamlDotNet.Serialization;

namespace DrillFunctions.Tests;

/// <summary>template.yaml as plain dictionaries and lists (it uses long-form intrinsics only, so any YAML parser reads it).</summary>
internal static class TemplateDocument
{
    public static string Text => File.ReadAllText(Path.Combine(RepoPaths.Root, "template.yaml"));

    public static Dictionary<object, object> Load() => new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(Text);

    public static Dictionary<object, object> Map(object node) => (Dictionary<object, object>)node;

    public static List<object> List(object node) => (List<object>)node;

    public static Dictionary<object, object> Resources(Dictionary<object, object> template) => Map(template["Resources"]);

    public static IEnumerable<(string Name, Dictionary<object, object> Properties)> OfType(Dictionary<object, object> template, string type) =>
        Resources(template)
            .Where(r => (string)Map(r.Value)["Type"] == type)
            .Select(r => ((string)r.Key, Map(Map(r.Value)["Properties"])));

    /// <summary>Every inline IAM statement of a function, with its actions and resources as written.</summary>
    public static IEnumerable<(List<string> Actions, List<string> Resources)> Statements(Dictionary<object, object> properties)
    {
        foreach (var policy in properties.TryGetValue("Policies", out var policies) ? List(policies) : [])
        {
            if (policy is Dictionary<object, object> map && map.TryGetValue("Statement", out var statements))
            {
                foreach (var statement in List(statements).Cast<Dictionary<object, object>>())
                {
                    var actions = List(statement["Action"]).Cast<string>().ToList();
                    var resources = List(statement["Resource"]).Select(r => r is string s ? s : (string)Map(r)["Fn::Sub"]).ToList();
                    yield return (actions, resources);
                }
            }
        }
    }
}
