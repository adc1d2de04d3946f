using System.Text;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using DrillRunner.Aws.Http;
using DrillRunner.Core.Coverage;

namespace DrillFunctions.Tests;

/// <summary>The multi-step functions refuse a step they do not have with a typed error, before touching anything.</summary>
public sealed class StepRouterTests
{
    // Nothing listens there: a function that tried to work instead of refusing would fail with another error.
    private static readonly DrillServices Services = new(
        new AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"), new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:9", AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 }),
        new DrillSettings("runs", "drill-", null, CoverageThresholds.Default),
        TimeProvider.System,
        HealthProbeOptions.LocalMode,
        TextWriter.Null);

    public static TheoryData<string, string> UnknownSteps => new()
    {
        { nameof(BackupStepFunction), """{ "step": "DeleteSource" }""" },
        { nameof(JanitorFunction), """{ "mode": "sweep-everything" }""" },
        { nameof(RecordRunbookGapFunction), """{ "mode": "fix", "runId": "r", "targetId": "t" }""" },
        { nameof(CoverageAuditFunction), """{ "mode": "delete", "auditId": "a", "execution": "x" }""" },
    };

    [Theory]
    [MemberData(nameof(UnknownSteps))]
    public async Task AnUnknownStep_IsATypedErrorNamingTheStepsThereAre(string function, string input)
    {
        var handler = Create(function);

        var error = await Assert.ThrowsAsync<UnknownStep>(() => handler.Handle(Payload(input)));

        Assert.Contains("\"", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Step);
        Assert.Contains(error.Step, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABackupStepWithoutAStep_IsAnUnknownStepListingThem()
    {
        var error = await Assert.ThrowsAsync<UnknownStep>(() => new BackupStepFunction(Services).Handle(Payload("""{ "runId": "r" }""")));

        Assert.Null(error.Step);
        Assert.Contains("\"ChooseRecoveryPoint\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBackupSteps_AreTheOnesTheStateMachineMayPass()
    {
        Assert.Equal(
            typeof(DrillRunner.Core.Drills.Contracts.BackupStep).GetFields().Select(f => (string)f.GetRawConstantValue()!).Order(),
            new BackupStepFunction(Services).Steps.Order());
    }

    private static IDrillFunction Create(string function) =>
        (DrillFunctionCatalog.Functions.GetValueOrDefault(function[..^"Function".Length]) ?? DrillFunctionCatalog.ScheduledFunctions[function[..^"Function".Length]])(Services);

    private static MemoryStream Payload(string json) => new(Encoding.UTF8.GetBytes(json));
}
