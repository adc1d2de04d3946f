using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrillFunctions;
using DrillRunner.Aws.DynamoDb;
using DrillRunner.Core.Runs;

namespace DrillRunner.Local.Scale;

/// <summary>The benchmark's drill of an application to one instant (docs/benchmarks.md); the tests run a small version.</summary>
public static class InstantRuns
{
    /// <summary>The call BeginDrill makes once per PITR target to read its window.</summary>
    public const string WindowCall = "DescribeContinuousBackups";

    /// <summary>
    /// One drill of <paramref name="targets"/> small DynamoDB tables with "recoveryInstant": "common" through the real
    /// state machine: every <paramref name="backupOnlyEvery"/>-th table (the first included) has PITR off and two
    /// backups and is restored from "backup", the others from PITR; restores take <paramref name="restore"/>.
    /// </summary>
    public static async Task<InstantFigure> DrillToOneInstantAsync(int targets, int backupOnlyEvery, TimeSpan restore, CancellationToken cancellationToken)
    {
        var shape = new DrillShape(targets, restore, ItemsPerTable: 20, AwsBackupBuckets: false, MeasureFunctions: false) { BackupOnlyEvery = backupOnlyEvery, CommonInstant = true };
        var beginName = DrillFunctionCatalog.NameOf<BeginDrillFunction>();
        CommonInstant? instant = null;
        var looks = -1;
        List<TargetInstant> perTarget = [];
        var drill = await ScaleRuns.DrillAsync(
            shape,
            cancellationToken,
            prepare: environment =>
            {
                // BeginDrill answers before the state machine invokes anything else, so the calls counted by then are its own.
                var before = environment.StandIn.CallsOf(WindowCall);
                environment.Functions.Invoking = name =>
                {
                    if (name != beginName)
                    {
                        Interlocked.CompareExchange(ref looks, environment.StandIn.CallsOf(WindowCall) - before, -1);
                    }
                };
            },
            inspect: async (environment, run) =>
            {
                instant = run.Instant ?? throw new InvalidOperationException($"The run recorded no common instant: {run.VerdictReason}");
                var catalog = new DynamoDbRecoveryPointCatalog(environment.DynamoDb);
                foreach (var target in await environment.Services.Runs.GetTargetsAsync(run.RunId, cancellationToken))
                {
                    var backups = await environment.DynamoDb.ListBackupsAsync(new ListBackupsRequest { TableName = target.SourceName, BackupType = BackupTypeFilter.ALL }, cancellationToken);
                    perTarget.Add(new TargetInstant(
                        target.TargetId,
                        shape.IsBackupOnly(target.SourceName),
                        target.Stage,
                        target.RecoveryPoint,
                        instant.SkewSeconds(target),
                        await catalog.ContinuousWindowAsync(target.SourceName, cancellationToken),
                        [.. (backups.BackupSummaries ?? []).Select(b => Utc(b.BackupCreationDateTime!.Value))]));
                }
            });

        return new InstantFigure(drill, instant!, looks, perTarget);
    }

    private static DateTimeOffset Utc(DateTime value) =>
        new(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);
}
