using System.Text.Json.Nodes;
using DrillRunner.Local.Processes;

namespace DrillFunctions.Tests.Iam;

/// <summary>One role as IAM would hold it after deployment: its identity policies and its permissions boundary.</summary>
internal sealed record DeployedRole(string Name, IReadOnlyList<JsonObject> Identity, IReadOnlyList<JsonObject> Boundary);

/// <summary>
/// Every role template.yaml creates, with the policies SAM would give it: SAM policy templates
/// expanded from their published definitions, inline statements and role policies resolved with
/// <see cref="TestStack"/>'s values, the permissions boundary attached. An AWS managed policy or a
/// policy template this class does not know fails loudly: a role is never simulated with less than it has.
/// </summary>
internal static class DeployedRoles
{
    private static readonly JsonObject SamTemplates = (JsonObject)JsonNode.Parse(File.ReadAllText(
        Path.Combine(RepoPaths.Root, "tests", "DrillFunctions.Tests", "Iam", "sam-policy-templates.json")))!;

    public static IReadOnlyDictionary<string, DeployedRole> Of(TestStack stack)
    {
        var roles = new Dictionary<string, DeployedRole>(StringComparer.Ordinal);
        var globals = TemplateDocument.Map(TemplateDocument.Map(stack.Template["Globals"])["Function"]);
        foreach (var (name, properties) in TemplateDocument.OfType(stack.Template, "AWS::Serverless::Function"))
        {
            var identity = SamPolicies(stack, properties).Prepend(Policy("AWSLambdaBasicExecutionRole", (JsonArray)SamTemplates["FunctionManagedPolicy"]!["Statement"]!.DeepClone())).ToList();
            roles[$"{name}Role"] = new DeployedRole($"{name}Role", identity, Boundary(stack, properties, globals));
        }

        foreach (var (name, properties) in TemplateDocument.OfType(stack.Template, "AWS::Serverless::StateMachine"))
        {
            roles[$"{name}Role"] = new DeployedRole($"{name}Role", SamPolicies(stack, properties).ToList(), Boundary(stack, properties, null));
        }

        foreach (var (name, properties) in TemplateDocument.OfType(stack.Template, "AWS::IAM::Role"))
        {
            if (properties.ContainsKey("ManagedPolicyArns"))
            {
                throw new InvalidOperationException($"{name} attaches managed policies the simulation cannot see; write its permissions inline.");
            }

            var identity = TemplateDocument.List(properties["Policies"]).Cast<Dictionary<object, object>>()
                .Select(p => Policy((string)p["PolicyName"], (JsonArray)stack.Resolve(TemplateDocument.Map(p["PolicyDocument"])["Statement"])))
                .ToList();
            roles[name] = new DeployedRole(name, identity, Boundary(stack, properties, null));
        }

        return roles;
    }

    private static IEnumerable<JsonObject> SamPolicies(TestStack stack, Dictionary<object, object> properties)
    {
        var index = 0;
        foreach (var entry in TemplateDocument.List(properties["Policies"]).Cast<Dictionary<object, object>>())
        {
            var (kind, value) = entry.Single();
            index++;
            if ((string)kind == "Statement")
            {
                yield return Policy($"Inline{index}", (JsonArray)stack.Resolve(value));
                continue;
            }

            var template = SamTemplates["Templates"]![(string)kind]
                ?? throw new InvalidOperationException($"SAM policy template {kind} is not in sam-policy-templates.json; add its published definition.");
            var parameter = stack.Resolve(TemplateDocument.Map(value)[template["Parameter"]!.GetValue<string>()]).GetValue<string>();
            var statements = (JsonArray)template["Statement"]!.DeepClone();
            foreach (var statement in statements.Cast<JsonObject>())
            {
                statement["Resource"] = new JsonArray(statement["Resource"]!.AsArray()
                    .Select(r => (JsonNode?)JsonValue.Create(stack.Sub(r!.GetValue<string>(), new Dictionary<string, string> { ["parameter"] = parameter })))
                    .ToArray());
            }

            yield return Policy($"{kind}{index}", statements);
        }
    }

    private static List<JsonObject> Boundary(TestStack stack, Dictionary<object, object> properties, Dictionary<object, object>? globals)
    {
        var reference = properties.GetValueOrDefault("PermissionsBoundary") ?? globals?.GetValueOrDefault("PermissionsBoundary");
        if (reference is null)
        {
            return [];
        }

        var logicalId = (string)TemplateDocument.Map(reference)["Ref"];
        var policy = TemplateDocument.Map(TemplateDocument.Map(TemplateDocument.Map(TemplateDocument.Resources(stack.Template)[logicalId])["Properties"])["PolicyDocument"]);
        return [Policy(logicalId, (JsonArray)stack.Resolve(policy["Statement"]))];
    }

    private static JsonObject Policy(string name, JsonArray statements) => new()
    {
        ["name"] = name,
        ["policy"] = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = statements },
    };
}
