using Amazon.DynamoDBv2.Model;
using DrillRunner.Cli.Infrastructure;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Ports;
using DrillRunner.Local;
using DrillRunner.Local.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;
using Spectre.Console.Testing;

namespace DrillRunner.Cli.Tests;

/// <summary>`drill plan validate FILE --resolve`: the selection a drill beginning now would make, by the code BeginDrill runs.</summary>
public sealed class PlanValidateResolveTests
{
    /// <summary>An explicit "orders", a coverage exclusion, a rule by tag and a second rule by name after it.</summary>
    private const string Selecting = """
        { "name": "prod", "objectives": { "rtoMinutes": 60, "rpoMinutes": 15 }, "scratchPrefix": "drill-",
          "targets": [ { "id": "orders", "type": "dynamodb", "tableName": "orders-prod" } ],
          "select": [
            { "id": "shop", "type": "dynamodb", "tags": [ { "key": "app", "equals": "shop" } ] },
            { "id": "named", "type": "dynamodb", "namePattern": "shop*" } ],
          "coverage": { "exclude": [ { "resource": "shop-cache", "reason": "rebuilt from orders" } ] } }
        """;

    [Fact]
    public async Task Resolve_ShowsRuleByRuleWhatIsSelectedAsWhichTargetAndWhatIsLeftOutAndWhy()
    {
        var account = new Account()
            .Table("orders-prod", ("app", "shop"))
            .Table("shop-customers", ("app", "shop"))
            .Table("shop.items", ("app", "shop"))
            .Table("drill-orders-1", ("app", "shop"))
            .Table("DrillRuns", ("app", "shop"))
            .Table("shop-cache", ("app", "shop"))
            .Table("shopfront", ("app", "web"));
        var opener = new Opener(account);

        var (exitCode, output, diagnostics) = await RunAsync(opener, "plan", "validate", CliHarness.PlanFile(Selecting), "--resolve", "--table", "DrillRuns");

        Assert.True(exitCode == 0, diagnostics + output);
        Assert.Equal(("DrillRuns", StoreAccess.Shared), (opener.Table, opener.Access));
        var lines = Lines(output);
        Assert.Contains("rule 'shop' (dynamodb; tags app=shop): selects 2, leaves out 4", lines);
        Assert.Contains("  selects shop-customers → target shop-customers", lines);
        Assert.Contains("  selects shop.items → target shop-items (id differs from the name: a target id holds 1–40 of A-Z a-z 0-9 _ -)", lines);
        Assert.Contains("  leaves out orders-prod: explicit-target (drilled as explicit target 'orders' with its own settings)", lines);
        Assert.Contains("  leaves out drill-orders-1: scratch-resource (its name starts with the scratch prefix 'drill-')", lines);
        Assert.Contains("  leaves out DrillRuns: runner-resource (the runner's own runs table)", lines);
        Assert.Contains("  leaves out shop-cache: coverage-exclude (coverage.exclude: rebuilt from orders)", lines);
        Assert.Contains("rule 'named' (dynamodb; name shop*): selects 1, leaves out 3", lines);
        Assert.Contains("  leaves out shop-customers: earlier-rule (selected by rule 'shop')", lines);
        Assert.Contains("  selects shopfront → target shopfront", lines);
        Assert.Contains("explicit target orders → orders-prod", lines);
        Assert.Contains("would drill 4 target(s): orders, shop-customers, shop-items, shopfront", lines);
    }

    [Fact]
    public async Task Resolve_ARuleThatFindsNothing_ExitsOneWithTheSentenceTheRunWouldRecord()
    {
        var account = new Account().Table("drill-shop-1", ("app", "shop")).Table("web", ("app", "web"));

        var (exitCode, output, _) = await RunAsync(new Opener(account), "plan", "validate", CliHarness.PlanFile(Selecting), "--resolve", "--table", "DrillRuns");

        Assert.Equal(ExitCodes.NotPass, exitCode);
        Assert.Contains(
            "ERROR a drill beginning now would end at once, recording: plan 'prod': the selection found nothing for rule 'shop' (dynamodb; tags app=shop) matched no resource to drill (1 matched but left out: drill-shop-1 (scratch-resource)); rule 'named' (dynamodb; name shop*) matched no resource to drill: a drill of nothing proves nothing. Fix: correct the rule's tags or name pattern, tag the resources, or remove the rule" + Environment.NewLine,
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_ASelectionPastTheTargetLimit_ExitsOneNamingTheRule()
    {
        var account = new Account();
        for (var i = 0; i < Core.Plans.PlanRules.MaxTargets; i++)
        {
            account.Table($"shop-{i:D3}", ("app", "shop"));
        }

        var (exitCode, output, _) = await RunAsync(new Opener(account), "plan", "validate", CliHarness.PlanFile(Selecting), "--resolve", "--table", "DrillRuns");

        Assert.Equal(ExitCodes.NotPass, exitCode);
        Assert.Contains($"recording: plan 'prod': the selection gives {Core.Plans.PlanRules.MaxTargets + 1} target(s) (1 explicit; rule 'shop' selected {Core.Plans.PlanRules.MaxTargets}) and the resolved plan is refused", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_APlanWithoutRules_ListsItsTargetsAndOpensNoStore()
    {
        var opener = new Opener(new Account());

        var (exitCode, output, _) = await RunAsync(opener, "plan", "validate", CliHarness.PlanFile(PlanValidateCommandTests.Valid), "--resolve", "--table", "DrillRuns");

        Assert.Equal(0, exitCode);
        Assert.Null(opener.Access);
        var lines = Lines(output);
        Assert.Contains("explicit target orders → orders-prod", lines);
        Assert.Contains("nothing to resolve: plan 'prod' has no \"select\" rules, so every drill drills these 1 explicit target(s).", lines);
    }

    [Fact]
    public async Task Validate_StoreOptionsWithoutResolve_AreAUsageErrorWithTheFix()
    {
        var (exitCode, _, diagnostics) = await CliHarness.RunAsync("plan", "validate", CliHarness.PlanFile(Selecting), "--local");

        Assert.Equal(ExitCodes.UsageOrConfiguration, exitCode);
        Assert.Contains("--local, --data and --endpoint say where --resolve lists resources. Fix: add --resolve", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveLocal_ReadsTheLocalStoresTablesAndTags()
    {
        var data = Path.Combine(Path.GetTempPath(), $"drill-resolve-{Guid.NewGuid():N}");
        try
        {
            await using (var local = await LocalStore.OpenAsync(data, TimeProvider.System, "a test", CancellationToken.None))
            {
                var db = local.Environment.DynamoDb;
                foreach (var (table, app) in new[] { ("shop-customers", "shop"), ("web-sessions", "web") })
                {
                    await TableWaits.CreateKeyedTableAsync(db, table, CancellationToken.None);
                    var arn = (await db.DescribeTableAsync(table)).Table.TableArn;
                    await db.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag { Key = "app", Value = app }] });
                }
            }

            var plan = Selecting.Replace("shop*", "nothing-*", StringComparison.Ordinal);
            var (exitCode, output, diagnostics) = await CliHarness.RunAsync("plan", "validate", CliHarness.PlanFile(plan), "--resolve", "--local", "--data", data);

            // The tagged table is found through the stand-in's tags; the name rule finds nothing there, so a drill would end in ERROR.
            Assert.True(exitCode == ExitCodes.NotPass, diagnostics + output);
            Assert.Contains($"resolved now (local store {data})", output, StringComparison.Ordinal);
            Assert.Contains("  selects shop-customers → target shop-customers", Lines(output));
            Assert.DoesNotContain("web-sessions", output, StringComparison.Ordinal);
            Assert.Contains("the selection found nothing for rule 'named' (dynamodb; name nothing-*) matched no resource to drill", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static string[] Lines(string output) => output.Split(Environment.NewLine);

    private static async Task<(int ExitCode, string Out, string Diagnostics)> RunAsync(IStoreOpener opener, params string[] args)
    {
        var output = new TestConsole().Width(400);
        var diagnostics = new TestConsole().Width(400);
        var exitCode = await DrillApp.RunAsync(args, output, diagnostics, TimeProvider.System, validateExamples: false, CancellationToken.None, services => services.AddSingleton(opener));
        return (exitCode, output.Output, diagnostics.Output);
    }

    /// <summary>Hands out a store of fakes whose only working port is the account's resources.</summary>
    private sealed class Opener(Account account) : IStoreOpener
    {
        public StoreAccess? Access { get; private set; }

        public string? Table { get; private set; }

        public Task<DrillStore> OpenAsync(StoreSettings settings, CommandContext context, StoreAccess access, CancellationToken cancellationToken)
        {
            (Access, Table) = (access, settings.ResolvedTable);
            return Task.FromResult(new DrillStore(null!, null!, null!, null!, null, null, $"runs table {settings.ResolvedTable}", null!, null, null!, selectable: account, runsTableName: settings.ResolvedTable));
        }
    }

    /// <summary>An account's tables and their tags.</summary>
    private sealed class Account : ISelectableResources
    {
        private readonly Dictionary<string, Dictionary<string, string>> _tables = [];

        public Account Table(string name, params (string Key, string Value)[] tags)
        {
            _tables[name] = tags.ToDictionary(t => t.Key, t => t.Value);
            return this;
        }

        public Task<IReadOnlyList<string>> ListNamesAsync(RestoreKind kind, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(kind == RestoreKinds.DynamoDbTable ? [.. _tables.Keys] : []);

        public Task<SelectableResource?> DescribeAsync(RestoreKind kind, string name, CancellationToken cancellationToken) =>
            Task.FromResult(_tables.TryGetValue(name, out var tags) ? new SelectableResource(name, $"arn:aws:dynamodb:eu-west-1:111122223333:table/{name}", tags) : null);
    }
}
