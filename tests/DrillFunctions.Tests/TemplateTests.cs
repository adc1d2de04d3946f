using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using DrillRunner.Core.Coverage;
using DrillRunner.Local.Processes;

namespace DrillFunctions.Tests;

public sealed partial class TemplateTests
{
    private const string ScratchArn = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${ScratchPrefix}*";
    private const string ScratchBucketArn = "arn:${AWS::Partition}:s3:::${ScratchPrefix}*";
    private const string ScratchObjectArn = "arn:${AWS::Partition}:s3:::${ScratchPrefix}*/*";

    /// <summary>Actions that delete a resource or its data, outside DynamoDB.</summary>
    private static readonly string[] DeletingActions =
    [
        "s3:DeleteBucket", "s3:DeleteObject", "s3:DeleteObjectVersion", "rds:DeleteDBInstance", "rds:DeleteDBCluster", "ec2:DeleteVolume", "elasticfilesystem:DeleteFileSystem",
    ];

    /// <summary>Actions that change or delete a table or its data; granted only on scratch tables (or the runner's own runs table via its policy template).</summary>
    private static readonly string[] MutatingActions =
    [
        "dynamodb:DeleteTable", "dynamodb:UpdateTable", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
        "dynamodb:BatchWriteItem", "dynamodb:CreateTable", "dynamodb:DeleteBackup", "dynamodb:UpdateContinuousBackups",
        "dynamodb:UpdateTimeToLive", "dynamodb:TagResource", "dynamodb:UntagResource", "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete",
    ];

    private readonly Dictionary<object, object> _template = TemplateDocument.Load();

    [Fact]
    public void Template_UsesNoShortFormIntrinsics()
    {
        Assert.DoesNotMatch(new Regex(@":\s*!\w+"), TemplateDocument.Text);
    }

    [Theory]
    [InlineData("RestoreDrillStateMachine")]
    [InlineData("ScratchJanitorStateMachine")]
    public void EverySubstitutionInTheAsl_IsProvidedByTheStateMachine_AndNoneIsUnused(string name)
    {
        var machine = TemplateDocument.StateMachine(_template, name);
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, (string)machine["DefinitionUri"]));
        var used = Substitution().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();
        var provided = TemplateDocument.Map(machine["DefinitionSubstitutions"]).Keys.Cast<string>().ToHashSet();

        Assert.Equal(used.Order(), provided.Order());
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, (string)machine["DefinitionUri"])));
    }

    [Fact]
    public void EveryFunctionHandler_ResolvesToAPublicStreamHandlerWithAParameterlessConstructor()
    {
        var functions = TemplateDocument.OfType(_template, "AWS::Serverless::Function").ToList();
        Assert.Equal(DrillFunctionCatalog.Functions.Count + DrillFunctionCatalog.Scheduled.Count, functions.Count);

        foreach (var (name, properties) in functions)
        {
            var parts = ((string)properties["Handler"]).Split("::");
            Assert.Equal(3, parts.Length);
            var assembly = Assembly.Load(parts[0]);
            var type = assembly.GetType(parts[1]);
            Assert.True(type is { IsPublic: true }, $"{name}: type {parts[1]} not found or not public");
            Assert.NotNull(type!.GetConstructor(Type.EmptyTypes));
            var method = type.GetMethod(parts[2], BindingFlags.Public | BindingFlags.Instance, [typeof(Stream)]);
            Assert.True(method is not null && method.ReturnType == typeof(Task<Stream>), $"{name}: {parts[2]} is not a public Task<Stream> (Stream)");
            Assert.Contains(name[..^"Function".Length], DrillFunctionCatalog.Functions.Keys.Concat(DrillFunctionCatalog.Scheduled));
        }
    }

    [Fact]
    public void Functions_RunOnManagedDotnet10OnArm64()
    {
        var function = TemplateDocument.Map(TemplateDocument.Map(_template["Globals"])["Function"]);

        Assert.Equal("dotnet10", function["Runtime"]);
        Assert.Equal(["arm64"], TemplateDocument.List(function["Architectures"]).Cast<string>());
    }

    [Fact]
    public void Functions_HaveTheMemoryTheCostEstimateAssumes()
    {
        var function = TemplateDocument.Map(TemplateDocument.Map(_template["Globals"])["Function"]);

        Assert.Equal(DrillRunner.Core.Capacity.DrillCost.FunctionMemoryMb, Convert.ToInt32(function["MemorySize"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(TemplateDocument.OfType(_template, "AWS::Serverless::Function"), f => Assert.False(f.Properties.ContainsKey("MemorySize"), $"{f.Name} sets its own MemorySize; the cost estimate assumes the Globals' for every function"));
    }

    [Fact]
    public void Functions_HaveTheTimeoutTheirBudgetsAndTasksAssume()
    {
        var function = TemplateDocument.Map(TemplateDocument.Map(_template["Globals"])["Function"]);

        Assert.Equal(DrillRunner.Core.LambdaLimits.TimeoutSeconds, Convert.ToInt32(function["Timeout"], CultureInfo.InvariantCulture));
        Assert.All(
            TemplateDocument.OfType(_template, "AWS::Serverless::Function").Where(f => f.Properties.ContainsKey("Timeout")),
            f => Assert.True(Convert.ToInt32(f.Properties["Timeout"], CultureInfo.InvariantCulture) <= DrillRunner.Core.LambdaLimits.TimeoutSeconds, $"{f.Name} may run longer than Lambda allows"));
    }

    [Fact]
    public void NoFunction_MayChangeOrDeleteAnythingOutsideTheScratchPrefix()
    {
        foreach (var (name, properties) in TemplateDocument.OfType(_template, "AWS::Serverless::Function"))
        {
            foreach (var (actions, resources) in TemplateDocument.Grants(properties))
            {
                Assert.DoesNotContain(actions, a => a.EndsWith('*'));
                if (actions.Any(MutatingActions.Contains))
                {
                    Assert.True(resources.All(r => r == ScratchArn), $"{name} may change or delete {string.Join(", ", resources)}");
                }

                if (actions.Any(DeletingActions.Contains))
                {
                    Assert.True(resources.All(r => r is ScratchBucketArn or ScratchObjectArn), $"{name} may delete {string.Join(", ", resources)}");
                }
            }
        }
    }

    [Fact]
    public void SourcesAreOnlyReadAndRestoredFrom()
    {
        var allowedOnSources = new HashSet<string> { "dynamodb:DescribeTable", "dynamodb:DescribeContinuousBackups", "dynamodb:DescribeTimeToLive", "dynamodb:ListTagsOfResource", "dynamodb:Scan", "dynamodb:GetItem", "dynamodb:RestoreTableToPointInTime", "dynamodb:RestoreTableFromBackup" };

        foreach (var (name, properties) in TemplateDocument.OfType(_template, "AWS::Serverless::Function"))
        {
            foreach (var (actions, resources) in TemplateDocument.Grants(properties).Where(s => s.Resources.Any(r => r.Contains("${SourceTableNamePattern}", StringComparison.Ordinal))))
            {
                Assert.True(actions.All(allowedOnSources.Contains), $"{name} is granted {string.Join(", ", actions.Except(allowedOnSources))} on source tables");
            }
        }
    }

    [Fact]
    public void RunsTable_IsOnDemandWithPitrDeletionProtectionAndTtl()
    {
        var (_, table) = Assert.Single(TemplateDocument.OfType(_template, "AWS::DynamoDB::Table"));

        Assert.Equal("PAY_PER_REQUEST", table["BillingMode"]);
        Assert.Equal("true", TemplateDocument.Map(table["PointInTimeRecoverySpecification"])["PointInTimeRecoveryEnabled"]);
        Assert.Equal("true", table["DeletionProtectionEnabled"]);
        Assert.Equal("ttl", TemplateDocument.Map(table["TimeToLiveSpecification"])["AttributeName"]);
    }

    [Fact]
    public void WeeklySchedule_StartsTheMachineWithThePlanParameter()
    {
        var machine = TemplateDocument.StateMachine(_template, "RestoreDrillStateMachine");
        var schedule = TemplateDocument.Map(TemplateDocument.Map(TemplateDocument.Map(machine["Events"])["WeeklyDrill"]));
        var properties = TemplateDocument.Map(schedule["Properties"]);

        Assert.Equal("ScheduleV2", schedule["Type"]);
        Assert.Equal("ScheduleExpression", TemplateDocument.Map(properties["ScheduleExpression"])["Ref"]);
        Assert.Contains("\"planName\": \"${PlanName}\"", (string)TemplateDocument.Map(properties["Input"])["Fn::Sub"], StringComparison.Ordinal);
    }

    [Fact]
    public void StateMachine_MayInvokeEveryFunctionAndPublishToTheTopic()
    {
        var machine = TemplateDocument.StateMachine(_template, "RestoreDrillStateMachine");
        var policies = TemplateDocument.List(machine["Policies"]).Cast<Dictionary<object, object>>().ToList();
        var invokable = policies.Where(p => p.ContainsKey("LambdaInvokePolicy"))
            .Select(p => (string)TemplateDocument.Map(TemplateDocument.Map(p["LambdaInvokePolicy"])["FunctionName"])["Ref"]);

        // The functions of the drill, and the plans' verifiers: only those named by the VerifierFunctionPattern parameter.
        Assert.Equal(DrillFunctionCatalog.Functions.Keys.Select(k => k + "Function").Append("VerifierFunctionPattern").Order(), invokable.Order());
        Assert.Contains("VerifierFunctionPattern", TemplateDocument.Map(_template["Parameters"]).Keys.Cast<string>());
        Assert.Contains(policies, p => p.ContainsKey("SNSPublishMessagePolicy"));
    }

    [Fact]
    public void Janitor_RunsOnAScheduleWithTheScratchPrefixAndMayDeleteOnlyScratchTables()
    {
        var (_, janitor) = Assert.Single(TemplateDocument.OfType(_template, "AWS::Serverless::Function"), f => f.Name == "JanitorFunction");
        var variables = TemplateDocument.EnvironmentOf(_template, janitor);
        var machine = TemplateDocument.StateMachine(_template, "ScratchJanitorStateMachine");
        var schedule = TemplateDocument.Map(TemplateDocument.Map(machine["Events"]).Values.Single());

        Assert.Equal("ScratchPrefix", TemplateDocument.Map(variables[DrillRunner.Core.EnvironmentVariables.ScratchPrefix])["Ref"]);
        Assert.Equal("ScheduleV2", schedule["Type"]);
        Assert.Equal("{}", TemplateDocument.Map(schedule["Properties"])["Input"]);
        Assert.False(janitor.ContainsKey("Events"), "the janitor's state machine starts the function; a second schedule would sweep twice");
        var deletes = TemplateDocument.Grants(janitor).Where(s => s.Actions.Contains("dynamodb:DeleteTable")).SelectMany(s => s.Resources);
        Assert.Equal([ScratchArn], deletes);
    }

    [Fact]
    public void RequestPipe_ReadsTheRunsTableStreamAndStartsTheDrill()
    {
        var resources = TemplateDocument.Resources(_template);
        var pipe = TemplateDocument.Map(TemplateDocument.Map(resources["DrillRequestPipe"])["Properties"]);
        var table = TemplateDocument.Map(TemplateDocument.Map(resources["RunsTable"])["Properties"]);

        Assert.Equal("NEW_IMAGE", TemplateDocument.Map(table["StreamSpecification"])["StreamViewType"]);
        Assert.Equal(["RunsTable", "StreamArn"], TemplateDocument.List(TemplateDocument.Map(pipe["Source"])["Fn::GetAtt"]).Cast<string>());
        Assert.Equal("RestoreDrillStateMachine", TemplateDocument.Map(pipe["Target"])["Ref"]);
        var target = TemplateDocument.Map(pipe["TargetParameters"]);
        Assert.Equal("FIRE_AND_FORGET", TemplateDocument.Map(target["StepFunctionStateMachineParameters"])["InvocationType"]);
        var role = TemplateDocument.Map(TemplateDocument.Map(resources["DrillRequestPipeRole"])["Properties"]);
        var statements = TemplateDocument.List(TemplateDocument.Map(TemplateDocument.Map(TemplateDocument.List(role["Policies"])[0])["PolicyDocument"])["Statement"]).Cast<Dictionary<object, object>>().ToList();
        var start = Assert.Single(statements, s => TemplateDocument.List(s["Action"]).Contains("states:StartExecution"));
        Assert.Equal("RestoreDrillStateMachine", TemplateDocument.Map(TemplateDocument.List(start["Resource"])[0])["Ref"]);
    }

    [Fact]
    public void RequestPipe_InputTemplate_ProducesWhatBeginDrillReads()
    {
        var pipe = TemplateDocument.Map(TemplateDocument.Map(TemplateDocument.Resources(_template)["DrillRequestPipe"])["Properties"]);
        var template = (string)TemplateDocument.Map(pipe["TargetParameters"])["InputTemplate"];
        var fields = Regex.Matches(template, "\"(\\w+)\":").Select(m => m.Groups[1].Value).ToHashSet();
        var begin = typeof(DrillRunner.Core.Drills.Contracts.BeginRequest).GetProperties().Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]).ToHashSet();

        Assert.Subset(begin, fields);
        Assert.Contains("planName", fields);
        Assert.Contains("requestId", fields);
    }

    [Fact]
    public void StateMachine_MayStartItsOwnChildExecutions_ForTheDistributedMap()
    {
        var machine = TemplateDocument.StateMachine(_template, "RestoreDrillStateMachine");
        var name = (string)TemplateDocument.Map(machine["Name"])["Fn::Sub"];
        var ownArn = $"arn:${{AWS::Partition}}:states:${{AWS::Region}}:${{AWS::AccountId}}:stateMachine:{name}";

        var starts = TemplateDocument.Grants(machine).Where(s => s.Actions.Contains("states:StartExecution")).SelectMany(s => s.Resources);
        Assert.Equal([ownArn], starts);
        Assert.Contains(TemplateDocument.Grants(machine), s => s.Actions.Contains("states:DescribeExecution") && s.Resources.All(r => r.Contains($"execution:{name}/", StringComparison.Ordinal)));
    }

    [Fact]
    public void Alarms_WatchMetricsTheFunctionsEmit_ForThePlan_AndNotifyTheTopic()
    {
        var emitted = JsonDocument.Parse(ConcludeDrillFunction.MetricsLine(
                new DrillRunner.Core.Drills.Contracts.Conclusion("r", "prod", "PASS", "", 1, 1, 2, 2, false, null, "", ""),
                DateTimeOffset.UnixEpoch))
            .RootElement.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Metrics").EnumerateArray()
            .Select(m => m.GetProperty("Name").GetString()!)
            .Append("HoursSinceLastPass")
            .ToHashSet();
        var all = TemplateDocument.OfType(_template, "AWS::CloudWatch::Alarm").ToDictionary(a => a.Name, a => a.Properties);
        var coverage = all["UnprotectedResourcesAlarm"];
        var alarms = all.Where(a => a.Key != "UnprotectedResourcesAlarm").ToDictionary();

        // The coverage audit's alarm is the account's, not a plan's: no dimension, on the metric the audit's function emits.
        Assert.Equal(CoverageAuditFunction.UnprotectedMetric, coverage["MetricName"]);
        Assert.Equal(EmbeddedMetrics.Namespace, coverage["Namespace"]);
        Assert.False(coverage.ContainsKey("Dimensions"));
        Assert.Equal("0", coverage["Threshold"]);
        Assert.Equal("GreaterThanThreshold", coverage["ComparisonOperator"]);
        Assert.Equal("NotificationsTopic", TemplateDocument.Map(Assert.Single(TemplateDocument.List(coverage["AlarmActions"])))["Ref"]);

        Assert.Equal(["DrillDidNotPassAlarm", "NoPassInEightDaysAlarm", "RpoOverObjectiveAlarm"], alarms.Keys.Order());
        foreach (var (name, alarm) in alarms)
        {
            Assert.Equal(EmbeddedMetrics.Namespace, alarm["Namespace"]);
            Assert.Contains((string)alarm["MetricName"], emitted);
            var dimension = TemplateDocument.Map(Assert.Single(TemplateDocument.List(alarm["Dimensions"])));
            Assert.Equal("Plan", dimension["Name"]);
            Assert.Equal("PlanName", TemplateDocument.Map(dimension["Value"])["Ref"]);
            Assert.Equal("NotificationsTopic", TemplateDocument.Map(Assert.Single(TemplateDocument.List(alarm["AlarmActions"])))["Ref"]);
            Assert.True(int.Parse((string)alarm["Period"], CultureInfo.InvariantCulture) * int.Parse((string)alarm["EvaluationPeriods"], CultureInfo.InvariantCulture) <= 604_800, $"{name} looks back further than CloudWatch allows");
        }

        var stale = alarms["NoPassInEightDaysAlarm"];
        Assert.Equal("breaching", stale["TreatMissingData"]);
        Assert.Equal("192", stale["Threshold"]);
    }

    [Fact]
    public void Dashboard_IsValidJsonShowingRtoRpoPassesAndTheAlarms()
    {
        var (_, dashboard) = Assert.Single(TemplateDocument.OfType(_template, "AWS::CloudWatch::Dashboard"));
        var body = (string)TemplateDocument.Map(dashboard["DashboardBody"])["Fn::Sub"];

        using var json = JsonDocument.Parse(SubstitutionWithAttributes().Replace(body, "x"));
        var text = json.RootElement.GetRawText();
        foreach (var metric in new[] { "RtoSeconds", "RpoSeconds", "DrillPassed", "HoursSinceLastPass", CoverageAuditFunction.UnprotectedMetric, "CoverageFindings" })
        {
            Assert.Contains($"\"{metric}\"", text, StringComparison.Ordinal);
        }

        // The coverage widget names each finding (but NOT_PROTECTED, which has its own metric) as FindingNames spells it.
        var findings = Regex.Matches(text, "\"Finding\",\\s*\"([A-Z_]+)\"").Select(m => m.Groups[1].Value).Order().ToList();
        Assert.Equal(FindingNames.BySeverity.Where(k => k != FindingKind.NotProtected).Select(FindingNames.Of).Order(), findings);

        foreach (var reference in SubstitutionWithAttributes().Matches(body).Select(m => m.Groups[1].Value))
        {
            Assert.True(reference is "AWS::Region" or "PlanName" || TemplateDocument.Resources(_template).ContainsKey(reference.Split('.')[0]), $"dashboard names unknown ${{{reference}}}");
        }
    }

    [Fact]
    public void NotificationsTopic_HasAnOptionalEmailSubscription_AndIsTheFunctionsDefault()
    {
        var resources = TemplateDocument.Resources(_template);
        var subscription = TemplateDocument.Map(resources["NotificationsEmailSubscription"]);
        var variables = TemplateDocument.Map(TemplateDocument.Map(TemplateDocument.Map(TemplateDocument.Map(_template["Globals"])["Function"])["Environment"])["Variables"]);

        Assert.Equal("HasNotificationEmail", subscription["Condition"]);
        Assert.Equal("NotificationsTopic", TemplateDocument.Map(TemplateDocument.Map(subscription["Properties"])["TopicArn"])["Ref"]);
        Assert.Equal("NotificationsTopic", TemplateDocument.Map(variables[DrillRunner.Core.EnvironmentVariables.NotificationsTopicArn])["Ref"]);
    }

    [Fact]
    public void EveryEnvironmentVariableTheTemplateSets_IsOneTheCodeNames()
    {
        var named = typeof(DrillRunner.Core.EnvironmentVariables).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);
        var globals = TemplateDocument.Map(TemplateDocument.Map(_template["Globals"])["Function"]);
        var environments = TemplateDocument.OfType(_template, "AWS::Serverless::Function").Select(f => f.Properties).Append(globals)
            .Where(p => p.ContainsKey("Environment"))
            .Select(p => TemplateDocument.Map(TemplateDocument.Map(p["Environment"])["Variables"]))
            .ToList();

        Assert.NotEmpty(environments.SelectMany(v => v.Keys.Cast<string>()));
        Assert.All(environments.SelectMany(v => v.Keys.Cast<string>()), name => Assert.Contains(name, named));
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9:.]+)\}")]
    private static partial Regex SubstitutionWithAttributes();

    [GeneratedRegex(@"\$\{([A-Za-z0-9]+)\}")]
    private static partial Regex Substitution();

}
