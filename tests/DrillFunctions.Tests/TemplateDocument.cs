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

    /// <summary>The properties of the state machine resource with this logical name.</summary>
    /// <summary>The environment a function runs with: the Globals' variables, overridden by its own.</summary>
    public static Dictionary<string, object> EnvironmentOf(Dictionary<object, object> template, Dictionary<object, object> function)
    {
        static IEnumerable<KeyValuePair<object, object>> Variables(Dictionary<object, object> properties) =>
            properties.TryGetValue("Environment", out var environment) ? Map(Map(environment)["Variables"]) : [];

        var merged = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in Variables(Map(Map(template["Globals"])["Function"])).Concat(Variables(function)))
        {
            merged[(string)name] = value;
        }

        return merged;
    }

    public static Dictionary<object, object> StateMachine(Dictionary<object, object> template, string name) =>
        OfType(template, "AWS::Serverless::StateMachine").Single(m => m.Name == name).Properties;

    /// <summary>
    /// The Allow statements of a function's or state machine's inline policies, with their actions,
    /// resources (GetAtt as "GetAtt:Name") and condition as written: what it is granted. Deny
    /// statements only narrow grants; what they refuse is judged by the IAM simulation (Iam/).
    /// </summary>
    public static IEnumerable<Statement> Grants(Dictionary<object, object> properties)
    {
        foreach (var policy in properties.TryGetValue("Policies", out var policies) ? List(policies) : [])
        {
            if (policy is Dictionary<object, object> map && map.TryGetValue("Statement", out var statements))
            {
                foreach (var statement in List(statements).Cast<Dictionary<object, object>>().Where(s => (string)s["Effect"] == "Allow"))
                {
                    var actions = List(statement["Action"]).Cast<string>().ToList();
                    var resources = List(statement["Resource"]).Select(ResourceText).ToList();
                    var condition = statement.TryGetValue("Condition", out var c) ? Map(c) : null;
                    yield return new Statement(actions, resources, condition);
                }
            }
        }
    }

    private static string ResourceText(object resource) => resource switch
    {
        string text => text,
        Dictionary<object, object> sub when sub.ContainsKey("Fn::Sub") => (string)sub["Fn::Sub"],
        Dictionary<object, object> getAtt when getAtt.ContainsKey("Fn::GetAtt") => "GetAtt:" + string.Join('.', List(getAtt["Fn::GetAtt"]).Cast<string>()),
        _ => throw new InvalidOperationException($"Unexpected IAM resource form: {resource}"),
    };
}
