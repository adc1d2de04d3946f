using System.Reflection;
using System.Text.Json.Nodes;
using DrillRunner.Core.Errors;
using DrillRunner.Local.AwsWorld;

namespace DrillFunctions.Tests;

/// <summary>What asl-validator cannot see: retries, catches, error names, local handlers, API field names.</summary>
public sealed class StateMachineDefinitionTests
{
    private static readonly string[] LambdaRetryErrors = ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"];
    private const string AwsSdk = "arn:aws:states:::aws-sdk:";
    private static readonly string[] SupportedResources = ["arn:aws:states:::lambda:invoke", "arn:aws:states:::sns:publish"];
    private readonly JsonObject _machine = AslDocument.Load();

    [Fact]
    public async Task AslValidator_AcceptsTheDefinition()
    {
        var (valid, output) = await AslDocument.ValidateAsync(AslDocument.Load());

        Assert.True(valid, output);
    }

    [Fact]
    public void Machine_HasATimeout()
    {
        Assert.True(_machine["TimeoutSeconds"]!.GetValue<int>() > 0);
    }

    [Fact]
    public void EveryTask_UsesAResourceTheLocalRunnerAnswers()
    {
        // Otherwise aws-local-stepfunctions calls real AWS, fails, and a States.ALL Catch hides it.
        var tasks = AslDocument.States(_machine).Where(s => s.State["Type"]!.GetValue<string>() == "Task").ToList();

        Assert.True(tasks.Count >= 10);
        Assert.All(tasks, t =>
        {
            var resource = t.State["Resource"]!.GetValue<string>();
            if (resource.StartsWith(AwsSdk, StringComparison.Ordinal))
            {
                Assert.Contains(resource[AwsSdk.Length..], LocalAwsWorld.Answers);
            }
            else
            {
                Assert.Contains(resource, SupportedResources);
            }
        });
    }

    [Fact]
    public void EveryLambdaTask_NamesAFunctionOfTheCatalog_AndHasTheStandardRetry()
    {
        var invokes = AslDocument.States(_machine).Where(s => s.State["Resource"]?.GetValue<string>() == SupportedResources[0]).ToList();

        // The plan's own verifier is the one function named at run time; it gets the standard retry too.
        var verifier = Assert.Single(invokes, t => t.State["Parameters"]!["FunctionName.$"] is not null);
        Assert.Equal("$.poll.value.resource.verifierFunction", verifier.State["Parameters"]!["FunctionName.$"]!.GetValue<string>());
        var lambdaTasks = invokes.Where(t => t.State["Parameters"]!["FunctionName"] is not null).ToList();
        Assert.All(invokes, t =>
        {
            Assert.True(t.Name == verifier.Name || DrillFunctionCatalog.Functions.ContainsKey(t.State["Parameters"]!["FunctionName"]!.GetValue<string>()), $"{t.Name} names no function of the catalog");
            var retried = t.State["Retry"]!.AsArray().SelectMany(r => r!["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>())).ToHashSet();
            Assert.True(LambdaRetryErrors.All(retried.Contains), $"{t.Name} lacks the standard Lambda retry");
            Assert.True(t.State["TimeoutSeconds"]!.GetValue<int>() <= DrillRunner.Core.LambdaLimits.TimeoutSeconds, $"{t.Name} may wait longer than Lambda can run");
        });
        Assert.Equal(DrillFunctionCatalog.Functions.Keys.Order(), lambdaTasks.Select(t => t.State["Parameters"]!["FunctionName"]!.GetValue<string>()).Distinct().Order());
    }

    [Fact]
    public void EveryRetrier_HasSaneBackoff()
    {
        var retriers = AslDocument.States(_machine).SelectMany(s => s.State["Retry"]?.AsArray() ?? []).ToList();

        Assert.All(retriers, r =>
        {
            Assert.True((r!["BackoffRate"]?.GetValue<double>() ?? 2) >= 1);
            Assert.InRange(r["MaxAttempts"]?.GetValue<int>() ?? 3, 1, 99);
        });
    }

    [Fact]
    public void EveryErrorName_IsOneThatCanActuallyBeRaised()
    {
        // Service errors of aws-sdk tasks ("Backup.…Exception") are not matched by name: the aws-sdk v2
        // models carry no exception shapes to check such names against, so those tasks retry States.TaskFailed.
        var ours = typeof(DrillException).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(DrillException)) && !t.IsAbstract).Select(t => t.Name).ToHashSet();
        var names = AslDocument.States(_machine).Concat(AslDocument.States(AslDocument.LoadJanitor()))
            .SelectMany(s => (s.State["Retry"]?.AsArray() ?? []).Concat(s.State["Catch"]?.AsArray() ?? []))
            .SelectMany(r => r!["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>()))
            .Distinct();

        Assert.All(names, name => Assert.True(
            name.StartsWith("States.", StringComparison.Ordinal) && name is "States.ALL" or "States.TaskFailed" or "States.Timeout"
            || LambdaRetryErrors.Contains(name)
            || ours.Contains(name),
            $"'{name}' is neither a States.* error, a Lambda service error, nor a typed error our functions throw"));
    }

    [Fact]
    public void EveryCatch_PutsStatesAllLastAndKeepsTheInput()
    {
        var catchers = AslDocument.States(_machine).SelectMany(s => (s.State["Catch"]?.AsArray() ?? []).Select(c => (s.Name, Catch: c!.AsObject(), Last: c == s.State["Catch"]!.AsArray()[^1]))).ToList();

        Assert.All(catchers, c =>
        {
            var errors = c.Catch["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
            if (errors.Contains("States.ALL"))
            {
                Assert.True(c.Last && errors.Count == 1, $"{c.Name}: States.ALL must stand alone in the last Catch");
            }

            Assert.StartsWith("$.", c.Catch["ResultPath"]!.GetValue<string>(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void EveryFailingStateAtTopLevel_CatchesIntoAPathThatReachesTeardown()
    {
        var top = _machine["States"]!.AsObject();
        foreach (var (name, node) in top)
        {
            var state = node!.AsObject();
            var type = state["Type"]!.GetValue<string>();
            if (type is not ("Task" or "Map") || name == "Teardown")
            {
                continue;
            }

            var catchers = state["Catch"]?.AsArray();
            Assert.True(catchers is { Count: > 0 }, $"{name} can fail but has no Catch");
            foreach (var catcher in catchers!)
            {
                Assert.Contains("Teardown", AslDocument.ReachableFrom(catcher!["Next"]!.GetValue<string>(), top));
            }
        }

        Assert.Contains("Teardown", AslDocument.ReachableFrom("DrillTargets", top));
    }

    [Fact]
    public void EveryTargetStep_CatchesIntoRecordTargetFailure_SoOneTargetCannotStopTheOthers()
    {
        var map = _machine["States"]!["DrillTargets"]!["ItemProcessor"]!["States"]!.AsObject();

        // Where a Catch leads elsewhere, it is on purpose: the target's outcome is already decided or still to be.
        var deliberately = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TagRestoredResource"] = "DescribeRestoredResource", // untagged is recorded, and the guard then refuses teardown
            ["InvokeVerifier"] = "VerifierFailed",                // which records the target's failure, naming the verifier
            ["ReportValidation"] = "RecordValidation",            // AWS Backup not taking a result changes no verdict
            ["RecordValidation"] = "TargetDone",
            ["ReadSourceScaling"] = "RecordScalingGap",           // an unreadable auto scaling makes the runbook gap incomplete, not the target failed
        };
        foreach (var (name, node) in map)
        {
            if (node!["Type"]!.GetValue<string>() != "Task" || name == "RecordTargetFailure")
            {
                continue;
            }

            var catcher = Assert.Single(node["Catch"]!.AsArray());
            Assert.Equal(deliberately.GetValueOrDefault(name, "RecordTargetFailure"), catcher!["Next"]!.GetValue<string>());
        }

        Assert.Equal("RecordTargetFailure", map["VerifierFailed"]!["Next"]!.GetValue<string>());

        Assert.Equal("Succeed", map["TargetFailed"]!["Type"]!.GetValue<string>());
        Assert.Equal("$.maxConcurrency", _machine["States"]!["DrillTargets"]!["MaxConcurrencyPath"]!.GetValue<string>());
    }

    [Fact]
    public void TargetsRunAsChildExecutions_SoHistoryLimitsHoldForHundredsOfTargets()
    {
        // Inline, every poll of every target lands in one 25,000-event history: ~300 events for one
        // target's hour-long restore caps a plan at ~80 targets. Distributed, each target has its own.
        var config = _machine["States"]!["DrillTargets"]!["ItemProcessor"]!["ProcessorConfig"]!;

        Assert.Equal("DISTRIBUTED", config["Mode"]!.GetValue<string>());
        Assert.Equal("STANDARD", config["ExecutionType"]!.GetValue<string>());
    }

    [Fact]
    public void PollingLoop_WaitsAsLongAsCheckRestoreSays()
    {
        var map = _machine["States"]!["DrillTargets"]!["ItemProcessor"]!["States"]!.AsObject();

        Assert.Equal("$.waitSeconds", map["WaitForRestore"]!["SecondsPath"]!.GetValue<string>());
        Assert.Equal("CheckRestore", map["WaitForRestore"]!["Next"]!.GetValue<string>());
        Assert.Equal("WaitForRestore", map["IsRestored"]!["Default"]!.GetValue<string>());
        Assert.Equal("IsVerified", map["VerifyTarget"]!["Next"]!.GetValue<string>());
        Assert.Equal("VerifyTarget", map["IsVerified"]!["Default"]!.GetValue<string>());
        Assert.Contains("RestoreCapacityBusy", map["StartRestore"]!["Retry"]!.AsArray().SelectMany(r => r!["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>())));
    }

    [Fact]
    public void SnsPublish_UsesFieldNamesOfTheApiModel()
    {
        var publish = AslDocument.States(_machine).Single(s => s.State["Resource"]?.GetValue<string>() == SupportedResources[1]);

        Assert.Empty(ApiModel.For("sns").CheckInput("Publish", publish.State["Parameters"]!.AsObject()));
    }

    [Fact]
    public void Handlers_ThrowTypedErrors_WhoseNamesTheMachineMatches()
    {
        var thrown = typeof(DrillException).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(DrillException)) && !t.IsAbstract).Select(t => t.Name);
        var retriedByName = AslDocument.States(_machine).SelectMany(s => s.State["Retry"]?.AsArray() ?? []).SelectMany(r => r!["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>()));

        Assert.Contains(nameof(ScratchTableBusy), retriedByName);
        Assert.Subset(thrown.ToHashSet(), DrillException.DrillFindings.ToHashSet());
        Assert.NotNull(typeof(DrillException).GetProperty(nameof(DrillException.DrillFindings), BindingFlags.Public | BindingFlags.Static));
    }
}
