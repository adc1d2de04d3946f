using System.Text.Json.Nodes;
using DrillRunner.Aws.RunStore;
using DrillRunner.Cli.Tests.Reports;
using DrillRunner.Core.Coverage;
using DrillRunner.Core.Coverage.Survival;
using DrillRunner.Core.Plans;
using DrillRunner.Local;

namespace DrillRunner.Cli.Tests;

/// <summary>
/// `drill coverage --fail-on STACK_DELETE_LOSES_DATA` on a stored audit read from a runs table by endpoint, as in
/// AWS: exit 1 when a resource required to survive its stack's deletion would not; 0 when that finding is advisory.
/// </summary>
public sealed class CoverageFailOnSurvivalTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Judged = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private LocalDrillEnvironment _local = null!;

    public async Task InitializeAsync() => _local = await LocalDrillEnvironment.StartAsync(TimeProvider.System, CancellationToken.None);

    public async Task DisposeAsync() => await _local.DisposeAsync();

    [Fact]
    public async Task FailOnStackDeleteLosesData_ExitsOneWhenRequired_AndZeroWhenOnlyAdvisory()
    {
        var store = new DynamoDbCoverageStore(_local.DynamoDb, LocalDrillEnvironment.RunsTableName, TimeProvider.System);
        string[] command = ["coverage", "--fail-on", "STACK_DELETE_LOSES_DATA", "--table", LocalDrillEnvironment.RunsTableName, "--endpoint", _local.StandIn.Url.ToString()];

        await store.SaveAsync(OnlyTheStackLoss(Judged, [SurvivalEvent.Stack]), default);
        var required = await CliHarness.RunAsync(command);
        var json = await CliHarness.RunAsync([.. command, "--json"]);
        await store.SaveAsync(OnlyTheStackLoss(Judged.AddHours(1), [SurvivalEvent.Account]), default);
        var advisory = await CliHarness.RunAsync(command);

        Assert.Equal(1, required.ExitCode);
        Assert.Contains("1 Aurora cluster would be lost for good if stack shop were deleted: shop-db;", required.Out, StringComparison.Ordinal);
        Assert.Contains("Would we survive?", required.Out, StringComparison.Ordinal);
        Assert.Contains("no (required)", required.Out, StringComparison.Ordinal);
        Assert.Contains("Fails (exit 1) because of: STACK_DELETE_LOSES_DATA ×1.", required.Out, StringComparison.Ordinal);
        var document = JsonNode.Parse(json.Out)!;
        Assert.Equal(1, json.ExitCode);
        Assert.Equal(1, document["counts"]!["STACK_DELETE_LOSES_DATA"]!.GetValue<int>());
        var survival = document["resources"]![0]!["survival"]!;
        Assert.Equal("no", survival["stackDeleted"]!["answer"]!.GetValue<string>());
        Assert.Equal("shop", survival["owner"]!["stack"]!["stackName"]!.GetValue<string>());
        Assert.Equal(["stack"], survival["required"]!.AsArray().Select(n => n!.GetValue<string>()));

        Assert.Equal(0, advisory.ExitCode);
        Assert.Contains("Nothing at or above STACK_DELETE_LOSES_DATA: passes (exit 0).", advisory.Out, StringComparison.Ordinal);
        Assert.Contains("(advisory) Deleting stack shop would delete Aurora cluster shop-db", advisory.Out, StringComparison.Ordinal);
    }

    /// <summary>An Aurora cluster with automated backups only, DeletionPolicy Delete in stack shop, no deletion protection, in a plan that passes.</summary>
    private static CoverageAudit OnlyTheStackLoss(DateTimeOffset at, IReadOnlyList<SurvivalEvent> required)
    {
        var scope = new AuditScope("aws", SampleAudit.Region, SampleAudit.Account);
        var cluster = new CoverageEntry($"arn:aws:rds:{SampleAudit.Region}:{SampleAudit.Account}:cluster:shop-db", Core.Kinds.ScratchKinds.RdsCluster, "shop-db")
        {
            Protections = [new Protection(Protection.AutomatedBackups, at.AddMinutes(-5))],
            Plans = ["shop"],
            LastPassAt = at.AddDays(-1),
        };
        EstateObservation[] seen = [new(cluster.Arn) { Owner = new StackOwner("shop", null, "Database", "AWS::RDS::DBCluster") { DeletionPolicy = DeletionPolicies.Delete }, DeletionProtection = false }];
        var survival = JudgeSurvival.Of(cluster, seen, new Dictionary<string, string>(), new Dictionary<string, VaultSeen>(), scope, at) with { Required = required };
        var judged = cluster with { Survival = survival };
        judged = judged with { Findings = [.. JudgeCoverage.Judge(judged, at, CoverageThresholds.Default), .. JudgeSurvival.Findings(judged, survival, scope)] };
        return new CoverageAudit($"audit-{at:HHmm}", scope.Account, scope.Region, at, at, CoverageThresholds.Default, [judged]);
    }
}
