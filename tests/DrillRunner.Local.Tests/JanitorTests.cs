using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using DrillFunctions;
using DrillRunner.Aws.Http;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Local.Demo;

namespace DrillRunner.Local.Tests;

/// <summary>An execution stopped after its restore (a stopped execution runs no Catch): the janitor cleans up, through the real SDK.</summary>
public sealed class JanitorTests
{
    [Fact]
    public async Task Janitor_DeletesTheAbortedRunsExpiredScratchTable_AndNothingElse()
    {
        await using var local = await LocalDrillEnvironment.StartAsync(TimeProvider.System, CancellationToken.None);
        await DemoData.CreateCustomersAsync(local.DynamoDb, default);
        await local.DynamoDb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "drill-handmade-by-someone",
            BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", Amazon.DynamoDBv2.KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", Amazon.DynamoDBv2.ScalarAttributeType.S)],
        });
        await local.ApplyPlanAsync(
            """{ "name": "p", "objectives": { "rtoMinutes": 1, "rpoMinutes": 5 }, "scratchPrefix": "drill-", "targets": [ { "id": "customers", "type": "dynamodb", "tableName": "shop-customers" } ] }""",
            TimeProvider.System,
            default);

        var begun = await Invoke<BeginResult>(new BeginDrillFunction(local.Services), """{ "input": { "planName": "p" } }""");
        var target = JsonSerializer.Serialize(new { runId = begun.RunId, targetId = "customers" });
        await Invoke<TargetRef>(new ResolveRecoveryPointFunction(local.Services), target);
        await Invoke<RestorePoll>(new StartRestoreFunction(local.Services), target);
        var scratch = (await local.Services.Runs.GetTargetAsync(begun.RunId, "customers", default)).Scratch!.Name;
        await WaitUntilActiveAsync(local, scratch);

        var sevenHoursLater = new DrillServices(local.StandIn.CreateClient(), LocalDrillEnvironment.Settings("drill-"), new ShiftedTime(TimeSpan.FromHours(7)), HealthProbeOptions.LocalMode);
        var report = await Invoke<JanitorReport>(new JanitorFunction(sevenHoursLater), "{}");

        Assert.Equal(scratch, Assert.Single(report.Deleted).Resource);
        Assert.Equal("drill-handmade-by-someone", Assert.Single(report.Refused).Resource);
        var left = await local.ScratchTablesLeftAsync("drill-", TimeSpan.FromSeconds(5), TimeProvider.System, default);
        Assert.Equal(["drill-handmade-by-someone"], left);
        Assert.True((await local.Services.Runs.GetTargetAsync(begun.RunId, "customers", default)).Scratch!.TornDown);
    }

    private static async Task<T> Invoke<T>(IDrillFunction function, string json)
    {
        await using var output = await function.Handle(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        return (await JsonSerializer.DeserializeAsync<T>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
    }

    private static async Task WaitUntilActiveAsync(LocalDrillEnvironment local, string table)
    {
        for (var i = 0; i < 200; i++)
        {
            var description = (await local.DynamoDb.DescribeTableAsync(table)).Table;
            if (description.TableStatus == Amazon.DynamoDBv2.TableStatus.ACTIVE && description.RestoreSummary?.RestoreInProgress != true)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{table} never became ACTIVE");
    }

    private sealed class ShiftedTime(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
    }
}
