using Amazon.DynamoDBv2.Model;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Runs;
using DrillRunner.Local.Hosting;

namespace DrillRunner.Local.Tests;

/// <summary>Counting that outlasts one invocation goes on in the next one, through the real state machine's loop.</summary>
public sealed class CheckpointedVerificationTests
{
    [Fact]
    public async Task Verification_OutOfBudgetEveryPage_LoopsUntilTheCountIsExact()
    {
        await using var local = await LocalDrillEnvironment.StartAsync(TimeProvider.System, CancellationToken.None, verificationBudget: TimeSpan.Zero);
        var db = local.DynamoDb;
        await db.CreateTableAsync(new CreateTableRequest
        {
            TableName = "big-events",
            BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", Amazon.DynamoDBv2.KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", Amazon.DynamoDBv2.ScalarAttributeType.S)],
        });
        await TableWaits.UntilActiveAsync(db, "big-events", default);
        var padding = new string('x', 1_500);
        var items = Enumerable.Range(0, 3_000).Select(n => new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue { S = $"e{n:D5}" }, ["pad"] = new AttributeValue { S = padding } });
        await DrillRunner.Aws.DynamoDb.BatchPuts.PutAllAsync(db, "big-events", items, parallelism: 1, default);

        await db.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest { TableName = "big-events", PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true } });
        await local.ApplyPlanAsync(
            """
            { "name": "big", "objectives": { "rtoMinutes": 5, "rpoMinutes": 5 }, "scratchPrefix": "drill-",
              "targets": [ { "id": "events", "type": "dynamodb", "tableName": "big-events", "restoreFrom": "pitr",
                             "verification": { "tolerancePercentOfSource": 0, "scanSegments": 1 } } ] }
            """,
            TimeProvider.System,
            default);

        var execution = await local.RunDrillAsync(new BeginRequest("big", "test", null, null, null), null, default);
        var runId = Assert.IsType<string>(execution.RunId);
        var run = await local.Services.Runs.GetAsync(runId, default);
        var target = Assert.Single(await local.Services.Runs.GetTargetsAsync(runId, default));

        Assert.Equal(Verdict.Pass, run.Verdict);
        Assert.Equal(3_000, target.Verification!.ItemCount);
        Assert.Equal(3_000, target.Verification.SourceItemCount);
        Assert.True(local.Functions.Invocations.Count(f => f == "VerifyTarget") > 2, "each 1 MB page should have needed its own invocation");
        // Both counts ran side by side, across the same invocations: the skew between them is recorded, and small.
        Assert.NotNull(target.Verification.CountSkewSeconds);
        Assert.True(target.Verification.CountSkewSeconds < 30, $"skew {target.Verification.CountSkewSeconds} s");
        Assert.True(target.SourceCount!.Invocations > 1 && target.RestoredCount!.Invocations > 1, $"{target.SourceCount.Invocations} and {target.RestoredCount!.Invocations} invocations");
        Assert.True(target.Verification.RestoredReadUnits > 0 && target.Verification.SourceReadUnits > 0, "read units reported by ConsumedCapacity");
    }
}
