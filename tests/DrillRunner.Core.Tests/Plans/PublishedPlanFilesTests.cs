using System.Text.Json;
using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Tests.Plans;

/// <summary>The example plan and the published JSON Schema must say what the reader accepts, no more, no less.</summary>
public sealed class PublishedPlanFilesTests
{
    private static readonly string PlansFolder = FindPlansFolder();

    [Fact]
    public void ExamplePlan_IsValid()
    {
        var result = PlanReader.Read(File.ReadAllText(Path.Combine(PlansFolder, "example-plan.json")));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
    }

    [Theory]
    [InlineData("$", "")]
    [InlineData("$.objectives", "objectives")]
    [InlineData("$.targets[0]", "$defs.dynamoDbTarget")]
    [InlineData("$.targets[0].restore", "$defs.dynamoDbTarget.restore")]
    [InlineData("$.targets[0].restore.sse", "$defs.dynamoDbTarget.restore.sse")]
    [InlineData("$.targets[0].verification", "$defs.dynamoDbTarget.verification")]
    [InlineData("$.healthChecks[0]", "$defs.httpHealthCheck")]
    [InlineData("$.notifications", "notifications")]
    public void Schema_ListsExactlyTheFieldsTheReaderKnows(string planPath, string schemaPath)
    {
        var known = KnownFieldsAt(planPath);
        var schemaFields = SchemaObject(schemaPath).GetProperty("properties").EnumerateObject().Select(p => p.Name).Where(n => n != "$schema").Order();

        Assert.Equal(known, schemaFields);
    }

    /// <summary>Asks the reader itself: put an unknown field at the path and read the fix it suggests.</summary>
    private static IEnumerable<string> KnownFieldsAt(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(PlansFolder, "example-plan.json")));
        var node = System.Text.Json.Nodes.JsonNode.Parse(document.RootElement.GetRawText())!;
        var target = node;
        foreach (var step in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = step.Split('[')[0];
            target = target[name] ?? (target[name] = new System.Text.Json.Nodes.JsonObject());
            if (step.Contains('['))
            {
                target = target[0]!;
            }
        }

        if (path.EndsWith(".sse", StringComparison.Ordinal) && target["type"] is null)
        {
            target["type"] = "AES256";
        }

        target["zzUnknown"] = 1;
        var problem = Assert.Single(PlanReader.Read(node.ToJsonString()).Problems, p => p.Path.EndsWith("zzUnknown", StringComparison.Ordinal));
        return problem.Fix[(problem.Fix.IndexOf("known fields here: ", StringComparison.Ordinal) + "known fields here: ".Length)..].TrimEnd('.').Split(", ").Order();
    }

    private static JsonElement SchemaObject(string path)
    {
        var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(PlansFolder, "drill-plan.schema.json"))).RootElement;
        var current = schema;
        foreach (var step in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            current = step == "$defs" ? current.GetProperty("$defs") : current.TryGetProperty("properties", out var properties) && properties.TryGetProperty(step, out var property) ? property : current.GetProperty(step);
        }

        return current;
    }

    private static string FindPlansFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "plans", "drill-plan.schema.json")))
            {
                return Path.Combine(dir.FullName, "plans");
            }
        }

        throw new InvalidOperationException("plans/ not found above the test binaries.");
    }
}
