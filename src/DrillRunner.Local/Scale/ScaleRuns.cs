using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Aws.DynamoDb;
using DrillRunner.Core.Capacity;
using DrillRunner.Core.DataVerification;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Runs;
using DrillRunner.Local.Hosting;
using DrillRunner.Local.Processes;
using DrillRunner.Local.StandIn;
using DrillRunner.Local.Workflow;

namespace DrillRunner.Local.Scale;

/// <summary>What counting one modelled table measured.</summary>
public sealed record CountFigure(long SizeBytes, long Items, long Counted, int Segments, int Invocations, double ReadUnits, double ExpectedReadUnits, double Efficiency, TimeSpan Modelled, TimeSpan Real, double TimeScale);

/// <summary>
/// A restored table and its live source counted side by side as VerifyTarget counts them for a
/// tolerance: the restored one with segments from its size, the source (production) with the plan's.
/// </summary>
public sealed record SkewFigure(long SizeBytes, int RestoredSegments, int SourceSegments, TimeSpan RestoredSpan, TimeSpan SourceSpan, TimeSpan Skew);

/// <summary>What one many-target drill through the real state machine measured.</summary>
public sealed record DrillFigure(
    int Targets,
    string Verdict,
    TimeSpan Wall,
    int LargestPayloadBytes,
    string? LargestPayloadState,
    int LargestRunsItemBytes,
    double InvocationsPerTarget,
    int MostStatesInOneTarget,
    int MostHistoryEventsInOneTarget,
    double RtoSeconds,
    double MeanRestoreSeconds,
    double MeanCountSeconds,
    double MeanTargetOverheadSeconds,
    IReadOnlyList<TargetFigure> PerTarget,
    RunCost? Cost,
    IReadOnlyDictionary<string, FunctionMeasure> Functions);

/// <summary>One target's states entered in its execution, against what its record counted.</summary>
public sealed record TargetFigure(string TargetId, int StatesEntered, long EstimatedStates, int Polls, int Verifications, double? RestoreSeconds, double? RtoPartSeconds);

/// <summary>What one coverage audit of a seeded estate measured.</summary>
public sealed record AuditFigure(int Tables, int OtherResources, int Judged, int Excluded, IReadOnlyDictionary<string, int> Findings, TimeSpan Seeding, TimeSpan Wall, int AwsCalls, int PagesKept, int StatesEntered, int LargestPayloadBytes, string? LargestPayloadState, int LargestRunsItemBytes)
{
    /// <summary>Findings shown but not failed (events no plan and not the stack require a resource to survive), by finding.</summary>
    public IReadOnlyDictionary<string, int> Advisory { get; init; } = new Dictionary<string, int>();
}

/// <summary>The scale runs behind docs/benchmarks.md; the tests run a small version of each.</summary>
public static class ScaleRuns
{
    /// <summary>
    /// Seeds an estate of <paramref name="tables"/> DynamoDB tables (PITR on two in three, an on-demand
    /// backup on one in five, the first fifth in a plan with a PASS yesterday) and
    /// <paramref name="others"/> other resources (databases, clusters, buckets, volumes and file
    /// systems in turn, half of them in AWS Backup, some with a stale backup), then runs the coverage
    /// audit's state machine over it with AWS's page sizes and measures it.
    /// </summary>
    public static async Task<AuditFigure> AuditEstateAsync(int tables, int others, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        await using var environment = await LocalDrillEnvironment.StartAsync(time, cancellationToken);
        var seeding = System.Diagnostics.Stopwatch.StartNew();
        var db = environment.DynamoDb;
        var names = Enumerable.Range(0, tables).Select(i => $"estate-{i:D4}").ToList();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (name, ct) =>
        {
            await TableWaits.CreateKeyedTableAsync(db, name, ct);
            var i = int.Parse(name[7..], System.Globalization.CultureInfo.InvariantCulture);
            if (i % 3 != 2)
            {
                await db.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest { TableName = name, PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true } }, ct);
            }

            if (i % 5 == 0)
            {
                await db.CreateBackupAsync(new CreateBackupRequest { TableName = name, BackupName = $"{name}-nightly" }, ct);
            }
        });

        var drilled = names.Take(Math.Max(1, tables / 5)).ToList();
        var plan = new JsonObject
        {
            ["name"] = "estate",
            ["objectives"] = new JsonObject { ["rtoMinutes"] = 120, ["rpoMinutes"] = 1440 },
            ["scratchPrefix"] = "drill-",
            ["maxConcurrentRestores"] = Core.Coverage.SuggestPlan.ConcurrentRestores(drilled.Count),
            ["targets"] = new JsonArray([.. drilled.Select(n => (JsonNode)new JsonObject { ["id"] = n, ["type"] = "dynamodb", ["tableName"] = n })]),
        };
        await environment.ApplyPlanAsync(plan.ToJsonString(), time, cancellationToken);
        await Demo.HistorySeeder.WriteRunAsync(environment.Services.Runs, "estate", "estate-pass", time.GetUtcNow().AddDays(-1), Verdict.Pass, new Random(5), cancellationToken);

        var kinds = new[] { Core.Kinds.ScratchKinds.RdsInstance, Core.Kinds.ScratchKinds.RdsCluster, Core.Kinds.ScratchKinds.S3Bucket, Core.Kinds.ScratchKinds.EbsVolume, Core.Kinds.ScratchKinds.EfsFileSystem };
        // Each AWS Backup point is also copied to a locked vault here and to another account's vault in another region: the copy listings at scale.
        var lockedCopies = environment.Aws.AddVault("estate-copies", vaultLock: new AwsWorld.LocalVaultLock(30, null, time.GetUtcNow().AddDays(-1)));
        var farCopies = environment.Aws.AddVault("estate-dr", AwsWorld.LocalAwsWorld.SecondAccount, AwsWorld.LocalAwsWorld.SecondRegion);
        for (var i = 0; i < others; i++)
        {
            var kind = kinds[i % kinds.Length];
            var id = kind switch
            {
                Core.Kinds.ScratchKinds.EbsVolume => $"vol-{i:x17}",
                Core.Kinds.ScratchKinds.EfsFileSystem => $"fs-{i:x17}",
                _ => $"estate-{kind[..3]}-{i:D3}",
            };
            string arn;
            if (kind == Core.Kinds.ScratchKinds.S3Bucket)
            {
                environment.S3.CreateBucket(id);
                arn = $"arn:aws:s3:::{id}";
            }
            else
            {
                arn = environment.Aws.AddSource(kind, id);
            }

            if (i % 2 == 0)
            {
                var point = environment.Aws.AddRecoveryPoint(arn, time.GetUtcNow().AddHours(i % 4 == 0 ? -2 : -50));
                environment.Aws.CopyRecoveryPoint(point, lockedCopies.Arn);
                environment.Aws.CopyRecoveryPoint(point, farCopies.Arn);
            }
        }

        // The tables belong to stacks of 20 (YAML templates, one in three tables Retain), as an estate deployed by CloudFormation does.
        foreach (var stack in names.Chunk(20).Select((chunk, n) => (Name: $"estate-stack-{n:D2}", Tables: chunk)))
        {
            var template = new System.Text.StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n");
            foreach (var (table, i) in stack.Tables.Select((t, i) => (t, i)))
            {
                template.Append(System.Globalization.CultureInfo.InvariantCulture, $"  T{i}:\n    Type: AWS::DynamoDB::Table\n{(i % 3 == 0 ? "    DeletionPolicy: Retain\n" : string.Empty)}    Properties:\n      TableName: !Sub '{table}'\n");
            }

            environment.Aws.AddStack(stack.Name, template.ToString(), [.. stack.Tables.Select((t, i) => new AwsWorld.LocalStackResource($"T{i}", "AWS::DynamoDB::Table", t))]);
        }

        seeding.Stop();
        var before = environment.Aws.Calls.Count;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var execution = await environment.RunCoverageAuditAsync("drill-", new JsonObject(), time, cancellationToken, auditId: "estate-audit");
        clock.Stop();
        if (!execution.Succeeded)
        {
            throw new InvalidOperationException($"The coverage audit failed: {execution.Error}: {execution.Cause}");
        }

        var audit = await environment.Services.Coverage.GetAsync("estate-audit", cancellationToken) ?? throw new InvalidOperationException("The audit recorded nothing.");
        return new AuditFigure(
            tables,
            others,
            audit.Judged.Count(),
            audit.Excluded.Count(),
            Core.Coverage.FindingNames.BySeverity.ToDictionary(Core.Coverage.FindingNames.Of, audit.Count),
            seeding.Elapsed,
            clock.Elapsed,
            environment.Aws.Calls.Count - before,
            execution.Events.Count(e => e.Type == "StateEntered" && e.State?.StartsWith("Keep", StringComparison.Ordinal) == true),
            execution.Events.Count(e => e.Type == "StateEntered"),
            execution.LargestPayload.Bytes,
            execution.LargestPayload.State,
            await LargestItemAsync(environment.DynamoDb, LocalDrillEnvironment.RunsTableName, cancellationToken))
        {
            Advisory = Core.Coverage.FindingNames.BySeverity.ToDictionary(Core.Coverage.FindingNames.Of, audit.CountAdvisory),
        };
    }

    /// <summary>About this many modelled pages are served per real second on a small machine; the time scale is chosen from it.</summary>
    public const double PagesPerRealSecond = 500;

    /// <summary>
    /// Counts a modelled table of <paramref name="sizeBytes"/> as VerifyTarget does (segments from its
    /// size, a checkpoint whenever an invocation's budget is spent), in modelled time.
    /// </summary>
    public static async Task<CountFigure> CountModelledTableAsync(long sizeBytes, int planSegments, CancellationToken cancellationToken)
    {
        var rate = DynamoDbCapacity.ReadUnitsPerSecond(sizeBytes);
        var clock = new ScaledTimeProvider(Math.Max(1, PagesPerRealSecond * DynamoDbCapacity.ScanPageReadUnits / rate));
        await using var dynalite = await DynaliteProcess.StartAsync(null, cancellationToken);
        await using var standIn = await LocalDynamoDbStandIn.StartAsync(dynalite.Url, clock, cancellationToken);
        using var client = standIn.CreateClient();
        const string table = "modelled-count";
        var items = sizeBytes / 400;
        await standIn.CreateModelledTableAsync(table, sizeBytes, items, cancellationToken);

        var inspector = new DynamoDbTableInspector(client);
        var segments = DynamoDbCapacity.ScanSegments(await inspector.SizeBytesAsync(table, cancellationToken) ?? 0, planSegments);
        var checkpoint = ScanCheckpoint.Start(segments);
        var invocations = 0;
        var real = System.Diagnostics.Stopwatch.StartNew();
        while (!checkpoint.IsComplete)
        {
            var invocationStart = clock.GetUtcNow();
            checkpoint = await inspector.ContinueCountAsync(table, checkpoint, () => clock.GetUtcNow() - invocationStart >= Core.LambdaLimits.VerificationBudget, cancellationToken);
            invocations++;
        }

        var modelled = standIn.Modelled.Get(table)!;
        return new CountFigure(
            sizeBytes,
            items,
            checkpoint.Count,
            segments,
            invocations,
            checkpoint.ReadUnits,
            DynamoDbCapacity.CountScanReadUnits(sizeBytes),
            modelled.Efficiency,
            modelled.LastPageServedAt!.Value - modelled.FirstPageAskedAt!.Value,
            real.Elapsed,
            clock.Scale);
    }

    /// <summary>
    /// Counts a modelled restored table and its modelled live source at once, as VerifyTarget does for a
    /// tolerance, and measures how far apart the moments the two counts stand for are.
    /// </summary>
    /// <remarks>
    /// The two counts share the machine's <see cref="PagesPerRealSecond"/>, so the time scale gives each
    /// half of it. Scaled as if one table were counted (it once multiplied by two), the pages asked for
    /// outran what the machine serves, the machine rather than the modelled read rate set the pace, and
    /// the same 10 GB table's skew came out as 9 s in one run and 44 s in another.
    /// </remarks>
    public static async Task<SkewFigure> CountSideBySideAsync(long sizeBytes, int planSegments, CancellationToken cancellationToken)
    {
        const int tablesCountedAtOnce = 2;
        var clock = new ScaledTimeProvider(Math.Max(1, PagesPerRealSecond / tablesCountedAtOnce * DynamoDbCapacity.ScanPageReadUnits / DynamoDbCapacity.ReadUnitsPerSecond(sizeBytes)));
        await using var dynalite = await DynaliteProcess.StartAsync(null, cancellationToken);
        await using var standIn = await LocalDynamoDbStandIn.StartAsync(dynalite.Url, clock, cancellationToken);
        using var client = standIn.CreateClient();
        await standIn.CreateModelledTableAsync("source", sizeBytes, sizeBytes / 400, cancellationToken);
        await standIn.CreateModelledTableAsync("restored", sizeBytes, sizeBytes / 400, cancellationToken);
        var inspector = new DynamoDbTableInspector(client);
        var restoredSegments = DynamoDbCapacity.ScanSegments(sizeBytes, planSegments);

        async Task<(DateTimeOffset Start, DateTimeOffset End)> CountAsync(string table, int segments)
        {
            var start = clock.GetUtcNow();
            var checkpoint = ScanCheckpoint.Start(segments);
            while (!checkpoint.IsComplete)
            {
                checkpoint = await inspector.ContinueCountAsync(table, checkpoint, () => false, cancellationToken);
            }

            return (start, clock.GetUtcNow());
        }

        var counts = await Task.WhenAll(CountAsync("restored", restoredSegments), CountAsync("source", planSegments));
        var (restored, source) = (counts[0], counts[1]);
        var skew = ((source.Start + ((source.End - source.Start) / 2)) - (restored.Start + ((restored.End - restored.Start) / 2))).Duration();
        return new SkewFigure(sizeBytes, restoredSegments, planSegments, restored.End - restored.Start, source.End - source.Start, skew);
    }

    /// <summary>
    /// One drill of <paramref name="targets"/> small DynamoDB tables (or, with <paramref name="awsBackupBuckets"/>,
    /// S3 buckets restored by AWS Backup) through the real state machine on the local engine (restores
    /// take <paramref name="restore"/>), measured as the benchmark reports it.
    /// </summary>
    /// <param name="measureFunctions">Invoke functions one at a time and measure each (slower).</param>
    public static Task<DrillFigure> DrillManyAsync(int targets, TimeSpan restore, CancellationToken cancellationToken, int itemsPerTable = 20, bool awsBackupBuckets = false, bool measureFunctions = false) =>
        DrillAsync(new DrillShape(targets, restore, itemsPerTable, awsBackupBuckets, measureFunctions), cancellationToken);

    /// <summary>
    /// The drill <paramref name="shape"/> describes, through the real state machine, measured as the benchmark
    /// reports it. <paramref name="prepare"/> sees the local world just before the drill starts, <paramref name="inspect"/>
    /// reads what else the caller measures after it ends, before the local world stops.
    /// </summary>
    internal static async Task<DrillFigure> DrillAsync(DrillShape shape, CancellationToken cancellationToken, Action<LocalDrillEnvironment>? prepare = null, Func<LocalDrillEnvironment, DrillRun, Task>? inspect = null)
    {
        var (targets, restore, itemsPerTable, awsBackupBuckets, measureFunctions) = (shape.Targets, shape.Restore, shape.ItemsPerTable, shape.AwsBackupBuckets, shape.MeasureFunctions);
        await using var environment = await LocalDrillEnvironment.StartAsync(TimeProvider.System, cancellationToken);
        environment.Functions.MeasureOneAtATime = measureFunctions;
        environment.StandIn.Faults.RestoreDuration = restore;
        environment.Aws.RestoreDuration = restore;
        environment.WaitMilliseconds = 100;
        var names = Enumerable.Range(1, targets).Select(i => $"scale-{i:D3}").ToList();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (name, ct) =>
        {
            if (awsBackupBuckets)
            {
                var bucket = environment.S3.CreateBucket(name);
                for (var i = 0; i < itemsPerTable; i++)
                {
                    bucket.Put($"data/{i:D4}.json", 100);
                }

                environment.Aws.AddRecoveryPoint($"arn:aws:s3:::{name}", TimeProvider.System.GetUtcNow().AddMinutes(-30));
            }
            else if (shape.IsBackupOnly(name))
            {
                await CreateBackedUpTableAsync(environment.DynamoDb, name, itemsPerTable, ct);
            }
            else
            {
                await CreateTableAsync(environment.DynamoDb, name, itemsPerTable, ct);
            }
        });

        if (shape.CommonInstant)
        {
            // T is a whole second no later than any table's latest restorable time (now − the PITR lag), and every PITR
            // here was just turned on: the drill waits until the first whole second after seeding is restorable, so one
            // T can follow every window's start and every backup, as for an application whose PITR has been on a while.
            await Task.Delay(TimeSpan.FromMilliseconds(1000 - TimeProvider.System.GetUtcNow().Millisecond) + environment.StandIn.Faults.PitrLag, cancellationToken);
        }

        var plan = new JsonObject
        {
            ["name"] = $"scale-{targets}",
            ["objectives"] = new JsonObject { ["rtoMinutes"] = 240, ["rpoMinutes"] = 60 },
            ["scratchPrefix"] = "drill-scale-",
            ["maxConcurrentRestores"] = DynamoDbCapacity.ConcurrentRestores,
            ["targets"] = new JsonArray(names.Select(n => (JsonNode)(awsBackupBuckets
                ? new JsonObject
                {
                    ["id"] = n,
                    ["type"] = "aws-backup",
                    ["resourceArn"] = $"arn:aws:s3:::{n}",
                    ["verification"] = new JsonObject { ["minObjectCount"] = itemsPerTable },
                }
                : new JsonObject
                {
                    ["id"] = n,
                    ["type"] = "dynamodb",
                    ["tableName"] = n,
                    ["restoreFrom"] = shape.IsBackupOnly(n) ? "backup" : "pitr",
                    ["verification"] = new JsonObject { ["minItemCount"] = itemsPerTable, ["sampleSize"] = 5 },
                })).ToArray()),
        };
        if (shape.CommonInstant)
        {
            plan["recoveryInstant"] = "common";
        }

        await environment.ApplyPlanAsync(plan.ToJsonString(), TimeProvider.System, cancellationToken);
        prepare?.Invoke(environment);
        var invocationsBefore = environment.Functions.Invocations.Count;
        var events = new System.Collections.Concurrent.ConcurrentQueue<ExecutionEvent>();
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var result = await environment.RunDrillAsync(new BeginRequest(plan["name"]!.GetValue<string>(), "scale run", null, null, null), events.Enqueue, cancellationToken);
        wall.Stop();

        var run = await environment.Services.Runs.GetAsync(result.RunId ?? throw new InvalidOperationException($"The drill did not begin: {result.Error} {result.Cause}"), cancellationToken);
        var records = await environment.Services.Runs.GetTargetsAsync(run.RunId, cancellationToken);
        var stateTypes = StateTypes(JsonNode.Parse(await File.ReadAllTextAsync(RepoPaths.StateMachineDefinition, cancellationToken))!.AsObject());
        var enteredByTarget = events.Where(e => e.Type == "StateEntered" && e.TargetId is not null).GroupBy(e => e.TargetId!).ToList();
        var perTarget = enteredByTarget.ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var historyPerTarget = enteredByTarget
            .Select(g => 2 + g.Sum(e => stateTypes.GetValueOrDefault(e.State ?? string.Empty) == "Task" ? 5 : 2))
            .DefaultIfEmpty(0)
            .Max();

        if (inspect is not null)
        {
            await inspect(environment, run);
        }

        return new DrillFigure(
            targets,
            run.Verdict is { } verdict ? Core.Runs.VerdictNames.Of(verdict) : "(none)",
            wall.Elapsed,
            result.LargestPayload.Bytes,
            result.LargestPayload.State,
            await LargestItemAsync(environment.DynamoDb, LocalDrillEnvironment.RunsTableName, cancellationToken),
            (environment.Functions.Invocations.Count - invocationsBefore) / (double)targets,
            perTarget.Values.DefaultIfEmpty(0).Max(),
            historyPerTarget,
            run.RtoSeconds ?? double.NaN,
            records.Select(r => ForecastRestore.Measured(r) ?? double.NaN).Average(),
            records.Select(CountSeconds).Average(),
            records.Select(r => r is { RestoreRequestedAt: { } requested, VerifiedAt: { } verified }
                ? (verified - requested).TotalSeconds - (ForecastRestore.Measured(r) ?? 0) - CountSeconds(r)
                : double.NaN).Average(),
            records.Select(r => new TargetFigure(
                r.TargetId,
                perTarget.GetValueOrDefault(r.TargetId),
                DrillCost.StatesOf(r, awsBackupBuckets, r.Polls),
                r.Polls,
                Math.Max(r.RestoredCount?.Invocations ?? 0, r.SourceCount?.Invocations ?? 0),
                ForecastRestore.Measured(r),
                r.VerifiedAt is { } verified ? (verified - run.StartedAt).TotalSeconds : null)).ToList(),
            run.Cost,
            environment.Functions.Measures.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal));
    }

    private static double CountSeconds(TargetRun target) =>
        target.RestoredCount is { StartedAt: { } s, CompletedAt: { } c } ? (c - s).TotalSeconds : 0;

    /// <summary>DynamoDB's size of an item: attribute names and values in UTF-8, numbers about one byte per two digits.</summary>
    public static int ItemBytes(IReadOnlyDictionary<string, AttributeValue> item) => item.Sum(a => Encoding.UTF8.GetByteCount(a.Key) + ValueBytes(a.Value));

    private static int ValueBytes(AttributeValue value) => value switch
    {
        { S: { } s } => Encoding.UTF8.GetByteCount(s),
        { N: { } n } => (n.Length / 2) + 1,
        { B: { } b } => (int)b.Length,
        { M: { Count: > 0 } m } => 3 + m.Sum(p => Encoding.UTF8.GetByteCount(p.Key) + ValueBytes(p.Value) + 1),
        { L: { Count: > 0 } l } => 3 + l.Sum(v => ValueBytes(v) + 1),
        { SS: { Count: > 0 } ss } => ss.Sum(Encoding.UTF8.GetByteCount),
        _ => 1,
    };

    private static async Task<int> LargestItemAsync(IAmazonDynamoDB dynamoDb, string table, CancellationToken cancellationToken)
    {
        var largest = 0;
        await foreach (var page in dynamoDb.Paginators.Scan(new ScanRequest { TableName = table }).Responses.WithCancellation(cancellationToken))
        {
            foreach (var item in page.Items ?? [])
            {
                largest = Math.Max(largest, ItemBytes(item));
            }
        }

        return largest;
    }

    private static Dictionary<string, string> StateTypes(JsonObject definition)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonObject? states)
        {
            foreach (var (name, state) in states ?? [])
            {
                types[name] = state?["Type"]?.GetValue<string>() ?? string.Empty;
                Walk(state?["ItemProcessor"]?["States"] as JsonObject ?? state?["Iterator"]?["States"] as JsonObject);
                foreach (var branch in state?["Branches"] as JsonArray ?? [])
                {
                    Walk(branch?["States"] as JsonObject);
                }
            }
        }

        Walk(definition["States"] as JsonObject);
        return types;
    }

    private static async Task CreateTableAsync(IAmazonDynamoDB dynamoDb, string table, int items, CancellationToken cancellationToken)
    {
        await CreateFilledTableAsync(dynamoDb, table, items, cancellationToken);
        await dynamoDb.UpdateContinuousBackupsAsync(
            new UpdateContinuousBackupsRequest { TableName = table, PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true } },
            cancellationToken);
    }

    /// <summary>A table with PITR off and two on-demand backups, one after the other: a drill to an instant must take the newer.</summary>
    private static async Task CreateBackedUpTableAsync(IAmazonDynamoDB dynamoDb, string table, int items, CancellationToken cancellationToken)
    {
        await CreateFilledTableAsync(dynamoDb, table, items, cancellationToken);
        foreach (var backup in new[] { "older", "newer" })
        {
            await dynamoDb.CreateBackupAsync(new CreateBackupRequest { TableName = table, BackupName = $"{table}-{backup}" }, cancellationToken);
        }
    }

    private static async Task CreateFilledTableAsync(IAmazonDynamoDB dynamoDb, string table, int items, CancellationToken cancellationToken)
    {
        await TableWaits.CreateKeyedTableAsync(dynamoDb, table, cancellationToken);
        await BatchPuts.PutAllAsync(dynamoDb, table, Enumerable.Range(0, items).Select(n => new Dictionary<string, AttributeValue> { [TableWaits.KeyAttribute] = new() { S = $"item#{n:D6}" } }), parallelism: 1, cancellationToken);
    }
}
