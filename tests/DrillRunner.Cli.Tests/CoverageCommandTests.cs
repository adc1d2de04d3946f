using System.Text.Json.Nodes;
using DrillRunner.Core.Coverage;
using DrillRunner.Local.Demo;

namespace DrillRunner.Cli.Tests;

/// <summary>A local store set up as `drill local setup` does (the demo shop and the coverage estate), audited once.</summary>
public sealed class CoverageStoreFixture : IAsyncLifetime
{
    public string Data { get; } = Path.Combine(Path.GetTempPath(), $"drill-coverage-{Guid.NewGuid():N}");

    public (int ExitCode, string Out, string Diagnostics) Audit { get; private set; }

    public async Task InitializeAsync()
    {
        var setup = await CliHarness.RunAsync("local", "setup", "--data", Data);
        Assert.Equal(0, setup.ExitCode);
        Audit = await CliHarness.RunAsync("coverage", "--local", "--data", Data, "--now", "--wait", "--json");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Data, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class CoverageCommandTests(CoverageStoreFixture store) : IClassFixture<CoverageStoreFixture>
{
    [Fact]
    public void TheAudit_FindsEverySeededProblem_AsJson_AndExitsOne()
    {
        var (exitCode, output, _) = store.Audit;
        var audit = JsonNode.Parse(output)!;

        Assert.Equal(1, exitCode);
        Assert.StartsWith("coverage-", audit["requestId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(audit["requestId"]!.GetValue<string>(), audit["auditId"]!.GetValue<string>());
        Assert.True(audit["fails"]!.GetValue<bool>());
        Assert.Equal(FindingNames.Of(FindingKind.DrillStale), audit["failOn"]!.GetValue<string>());
        Assert.Equal(2, audit["counts"]![FindingNames.Of(FindingKind.NotProtected)]!.GetValue<int>());
        var findings = audit["resources"]!.AsArray().SelectMany(r => r!["findings"]!.AsArray().Select(f => (Name: r["name"]!.GetValue<string>(), Kind: f!["kind"]!.GetValue<string>(), Sentence: f["sentence"]!.GetValue<string>()))).ToList();
        Assert.Contains(findings, f => f.Name == CoverageEstate.UnprotectedTable && f.Kind == "NOT_PROTECTED" && f.Sentence.Contains("no point-in-time recovery", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Name == CoverageEstate.UnprotectedDatabase && f.Kind == "NOT_PROTECTED");
        Assert.Contains(findings, f => f.Name.Contains(CoverageEstate.StaleVolume, StringComparison.Ordinal) && f.Kind == "BACKUP_STALE");
        Assert.Contains(findings, f => f.Name == DemoPlan.InvoiceBucket && f.Kind == "NOT_DRILLED");
        Assert.Contains(findings, f => f.Name == DemoPlan.BillingDatabase && f.Kind == "DRILL_FAILING");
        Assert.Contains(audit["resources"]!.AsArray(), r => r!["name"]!.GetValue<string>() == CoverageEstate.ExcludedTable && r["excludedBecause"]!.GetValue<string>().Contains(CoverageEstate.ExcludedReason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheLatestAudit_IsPrinted_WithEachFindingAndWhatToDo_AndFailOnSetsTheExitCode()
    {
        var (exitCode, output, _) = await CliHarness.RunAsync("coverage", "--local", "--data", store.Data, "--fail-on", "NOT_PROTECTED");

        Assert.Equal(1, exitCode);
        Assert.Contains("3 of 8 resources are drilled; 2 have no backup of any kind: payments-ledger, reporting-db", output, StringComparison.Ordinal);
        Assert.Contains("→ Set a backup retention period", output, StringComparison.Ordinal);
        Assert.Contains("failing on NOT_PROTECTED or worse", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--fail-on STALE", "is not a finding. Use one of: NOT_PROTECTED, STACK_DELETE_LOSES_DATA, BACKUP_STALE, DRILL_FAILING, NO_COPY_OUTSIDE_ACCOUNT, NO_COPY_OUTSIDE_REGION, NOT_DRILLED, NO_DELETION_GUARD, VAULT_NOT_LOCKED, DRILL_STALE")]
    [InlineData("--wait", "--wait goes with --now")]
    [InlineData("--now --backup-stale-hours 0", "backup-stale-hours must be above 0")]
    [InlineData("--backup-stale-hours 30", "go with --now --local")]
    public async Task UsageErrors_ExitTwo_NamingTheFix(string arguments, string message)
    {
        var (exitCode, _, diagnostics) = await CliHarness.RunAsync(["coverage", "--local", "--data", store.Data, .. arguments.Split(' ')]);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASuggestedPlan_DraftsTheUndrilled_AndIsValid()
    {
        var file = Path.Combine(store.Data, "suggested.json");

        var (exitCode, _, diagnostics) = await CliHarness.RunAsync("plan", "suggest", "--from-coverage", "--local", "--data", store.Data, "--out", file);

        Assert.Equal(0, exitCode);
        Assert.Contains("will FAIL until protected", diagnostics, StringComparison.Ordinal);
        var plan = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        Assert.Equal([CoverageEstate.UnprotectedTable, CoverageEstate.UndrilledTable, CoverageEstate.StaleVolume, CoverageEstate.UnprotectedDatabase, DemoPlan.InvoiceBucket], plan["targets"]!.AsArray().Select(t => t!["id"]!.GetValue<string>().Replace(CoverageEstate.StaleVolumeName + "-", string.Empty, StringComparison.Ordinal)));
        Assert.Equal(0, (await CliHarness.RunAsync("plan", "validate", file)).ExitCode);
    }

    [Fact]
    public async Task TheReport_OpensWithCoverage()
    {
        var (exitCode, output, _) = await CliHarness.RunAsync("report", "--local", "--data", store.Data, "--format", "md");

        Assert.Equal(0, exitCode);
        var coverage = output.IndexOf("## Coverage", StringComparison.Ordinal);
        Assert.True(coverage > 0 && coverage < output.IndexOf("| Plan |", StringComparison.Ordinal), "the coverage section comes before the plans");
        Assert.Contains("| NOT_PROTECTED | DynamoDB table payments-ledger has no point-in-time recovery", output, StringComparison.Ordinal);
        Assert.Contains($"Left out: DynamoDB table `{CoverageEstate.ExcludedTable}`", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyAccount_ExitsZero_AndAStoreWithNoAuditExitsOne()
    {
        var empty = Path.Combine(Path.GetTempPath(), $"drill-coverage-empty-{Guid.NewGuid():N}");
        try
        {
            var none = await CliHarness.RunAsync("coverage", "--local", "--data", empty);
            var audited = await CliHarness.RunAsync("coverage", "--local", "--data", empty, "--now", "--wait");

            Assert.Equal(1, none.ExitCode);
            Assert.Contains("no coverage audit recorded", none.Diagnostics, StringComparison.Ordinal);
            Assert.Equal(0, audited.ExitCode);
            Assert.Contains("0 of 0 resources are drilled.", audited.Out, StringComparison.Ordinal);
            Assert.Contains("DrillRunner's own runs table", audited.Out, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
