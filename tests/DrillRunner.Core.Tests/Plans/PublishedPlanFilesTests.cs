using System.Text.Json;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Tests.Plans;

/// <summary>The example plan and the published JSON Schema must say what the reader accepts, no more, no less.</summary>
public sealed class PublishedPlanFilesTests
{
    private static readonly string PlansFolder = FindPlansFolder();

    [Theory]
    [InlineData("example-plan.json")]
    [InlineData("example-mixed-plan.json")]
    [InlineData("example-select-plan.json")]
    [InlineData("example-recovery-account-plan.json")]
    public void ExamplePlan_IsValid(string file)
    {
        var result = PlanReader.Read(File.ReadAllText(Path.Combine(PlansFolder, file)));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
    }

    [Fact]
    public void MixedExamplePlan_DrillsTablesABucketADatabaseAndAFileSystem()
    {
        var plan = PlanReader.Read(File.ReadAllText(Path.Combine(PlansFolder, "example-mixed-plan.json"))).PlanOrThrow();

        Assert.Equal(
            [RestoreKinds.DynamoDbTable, RestoreKinds.S3Bucket, RestoreKinds.RdsInstance, RestoreKinds.EfsFileSystem],
            plan.Targets.OfType<AwsBackupTarget>().Select(t => t.Kind));
        Assert.Single(plan.Targets.OfType<DynamoDbTarget>());
    }

    [Fact]
    public void Schema_LimitsTargetsAsTheReaderDoes()
    {
        Assert.Equal(PlanRules.MaxTargets, SchemaObject("targets").GetProperty("maxItems").GetInt32());
        Assert.Equal(DrillRunner.Core.Kinds.DynamoDbCapacity.ConcurrentRestores, SchemaObject("maxConcurrentRestores").GetProperty("maximum").GetInt32());
    }

    [Fact]
    public void Schema_LimitsSelectionAsTheReaderDoes()
    {
        Assert.Equal(PlanReader.MaxSelectionRules, SchemaObject("select").GetProperty("maxItems").GetInt32());
        Assert.Equal(PlanReader.MaxTagConditions, SchemaObject("$defs.dynamoDbSelectionRule.tags").GetProperty("maxItems").GetInt32());
        Assert.Equal(PlanReader.MaxTagKeyLength, SchemaObject("$defs.tagCondition.key").GetProperty("maxLength").GetInt32());
        Assert.Equal(PlanReader.MaxTagValueLength, SchemaObject("$defs.tagCondition.equals").GetProperty("maxLength").GetInt32());
        Assert.Equal(NameGlob.MaxLength, SchemaObject("$defs.dynamoDbSelectionRule.namePattern").GetProperty("maxLength").GetInt32());
        Assert.Equal(
            SelectionRule.SelectableKinds.Select(k => k.AwsBackupName).Order(),
            SchemaObject("$defs.awsBackupSelectionRule.resourceType").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).Order());
    }

    [Fact]
    public void Schema_StatesTheProbesRedirectLimit()
    {
        var description = SchemaObject("$defs.httpHealthCheck.followRedirects").GetProperty("description").GetString()!;

        Assert.Contains($"up to {HttpHealthCheck.MaxRedirects} redirects", description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Schema_AcceptsTheArnOfEveryRestoreKind_AndNoOtherService()
    {
        var pattern = SchemaObject("$defs.awsBackupTarget").GetProperty("properties").GetProperty("resourceArn").GetProperty("pattern").GetString()!;
        var services = System.Text.RegularExpressions.Regex.Match(pattern, @"\(([a-z0-9|-]+)\)").Groups[1].Value.Split('|').Order();

        Assert.Equal(RestoreKinds.All.Select(k => k.ArnService).Distinct().Order(), services);
        Assert.All(RestoreKinds.All, k => Assert.Matches(pattern, k.ArnOf("eu-west-1", "111122223333", "drill-x")));
    }

    [Fact]
    public void Schema_ListsExactlyTheVerificationFieldsOfEveryRestoreKind()
    {
        var known = new[] { "$.targets[1].verification", "$.targets[2].verification", "$.targets[3].verification" }
            .SelectMany(path => KnownFieldsAt(path, "example-mixed-plan.json"))
            .Distinct()
            .Order();
        var schemaFields = SchemaObject("$defs.awsBackupTarget.verification").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order();

        Assert.Equal(known, schemaFields);
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
    [InlineData("$.targets[3]", "$defs.awsBackupTarget", "example-mixed-plan.json")]
    [InlineData("$.relations[0]", "$defs.relation", "example-mixed-plan.json")]
    [InlineData("$.relations[0].from", "$defs.relation.from", "example-mixed-plan.json")]
    [InlineData("$.relations[0].to", "$defs.relation.to", "example-mixed-plan.json")]
    [InlineData("$.relations[2].countRatio", "$defs.relation.countRatio", "example-mixed-plan.json")]
    [InlineData("$.select[0]", "$defs.dynamoDbSelectionRule", "example-select-plan.json")]
    [InlineData("$.select[1]", "$defs.awsBackupSelectionRule", "example-select-plan.json")]
    [InlineData("$.select[0].tags[0]", "$defs.tagCondition", "example-select-plan.json")]
    [InlineData("$.targets[0].recoveryPoint", "$defs.backupRecoveryPoint", "example-recovery-account-plan.json")]
    [InlineData("$.targets[0]", "$defs.awsBackupTarget", "example-recovery-account-plan.json")]
    public void Schema_ListsExactlyTheFieldsTheReaderKnows(string planPath, string schemaPath, string file = "example-plan.json")
    {
        var known = KnownFieldsAt(planPath, file);
        var schemaFields = SchemaObject(schemaPath).GetProperty("properties").EnumerateObject().Select(p => p.Name).Where(n => n != "$schema").Order();

        Assert.Equal(known, schemaFields);
    }

    /// <summary>Asks the reader itself: put an unknown field at the path and read the fix it suggests.</summary>
    private static IEnumerable<string> KnownFieldsAt(string path, string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(PlansFolder, file)));
        var node = System.Text.Json.Nodes.JsonNode.Parse(document.RootElement.GetRawText())!;
        var target = node;
        foreach (var step in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = step.Split('[')[0];
            target = target[name] ?? (target[name] = new System.Text.Json.Nodes.JsonObject());
            if (step.Contains('['))
            {
                target = target[int.Parse(step.Split('[')[1].TrimEnd(']'), System.Globalization.CultureInfo.InvariantCulture)]!;
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
