using DrillRunner.Core.Kinds;
using DrillRunner.Core.Capacity;
using DrillRunner.Core.Runs;
using DrillRunner.Local.Scale;
using Xunit.Abstractions;

namespace DrillRunner.Local.Tests;

/// <summary>Small versions of the benchmark's scale runs (docs/benchmarks.md), so their code paths cannot rot.</summary>
public sealed class ScaleRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ModelledTable_IsCountedExactly_UsingWhatTheTableAllows()
    {
        var figure = await ScaleRuns.CountModelledTableAsync(DynamoDbCapacity.GiB, planSegments: 1, CancellationToken.None);
        output.WriteLine(figure.ToString());

        Assert.Equal(figure.Items, figure.Counted);
        // Pages that end mid-4 KB round up, as DynamoDB's do.
        Assert.InRange(figure.ReadUnits, figure.ExpectedReadUnits, figure.ExpectedReadUnits * 1.001);
        // 1 GB is one partition (3,000 units/s): the segments chosen from its size can keep it busy. How busy they
        // kept it is a speed, measured by the benchmark (docs/benchmarks.md), not here: on a shared machine a
        // scaled clock turns every stall of the process into lost modelled time.
        Assert.True(figure.Segments >= 6, $"{figure.Segments} segments");
        Assert.True(figure.Segments * DynamoDbCapacity.SegmentReadUnitsPerSecond >= DynamoDbCapacity.ReadUnitsPerSecond(DynamoDbCapacity.GiB), $"{figure.Segments} segments cannot read at the table's rate");
    }

    [Fact]
    public async Task ManyTargets_GoThroughTheRealStateMachine_WithinStepFunctionsAndDynamoDbLimits()
    {
        var figure = await ScaleRuns.DrillManyAsync(20, TimeSpan.FromSeconds(1), CancellationToken.None);
        output.WriteLine(figure.ToString());

        Assert.Equal("PASS", figure.Verdict);
        Assert.True(figure.LargestPayloadBytes <= 64 * 1024, $"{figure.LargestPayloadBytes} bytes at {figure.LargestPayloadState}");
        Assert.True(figure.LargestRunsItemBytes <= 100 * 1024, $"{figure.LargestRunsItemBytes} bytes");
        Assert.True(figure.MostHistoryEventsInOneTarget <= 5000, $"{figure.MostHistoryEventsInOneTarget} events");
        Assert.Equal(20, figure.PerTarget.Count);
        // The cost estimate's count of states is the local engine's, target by target.
        Assert.All(figure.PerTarget, t => Assert.Equal(t.StatesEntered, t.EstimatedStates));
        Assert.NotNull(figure.Cost);
        Assert.Equal(20, figure.Cost.Targets);
        Assert.True(figure.Cost.RunnerUsdPerTarget is > 0 and <= 0.01, $"runner cost ${figure.Cost.RunnerUsdPerTarget:F5} per target");
        // The estimate counts looks at restores at AWS's pace; at the local engine's pace (one invocation a look) it is the engine's count.
        var atLocalPace = figure.Cost.LambdaInvocations - figure.Cost.RestoreLooks + figure.PerTarget.Sum(t => t.Polls);
        Assert.InRange(figure.InvocationsPerTarget * 20, atLocalPace * 0.9, atLocalPace * 1.1);
        Assert.InRange(figure.Cost.RestoreLooks, 20, figure.PerTarget.Sum(t => t.Polls));

        Assert.True(figure.InvocationsPerTarget is > 3 and < 20, $"{figure.InvocationsPerTarget} invocations per target");
    }

    [Fact]
    public async Task ManyAwsBackupTargets_AreDrilled_AndTheCostEstimateCountsTheirStates()
    {
        var figure = await ScaleRuns.DrillManyAsync(6, TimeSpan.FromMilliseconds(500), CancellationToken.None, awsBackupBuckets: true);
        output.WriteLine(figure.ToString());
        foreach (var t in figure.PerTarget)
        {
            output.WriteLine(t.ToString());
        }

        Assert.Equal("PASS", figure.Verdict);
        Assert.All(figure.PerTarget, t => Assert.Equal(t.StatesEntered, t.EstimatedStates));
        var atLocalPace = figure.Cost!.LambdaInvocations - figure.Cost.RestoreLooks + figure.PerTarget.Sum(t => t.Polls);
        Assert.InRange(figure.InvocationsPerTarget * 6, atLocalPace * 0.9, atLocalPace * 1.1);
        Assert.True(figure.LargestPayloadBytes <= 64 * 1024, $"{figure.LargestPayloadBytes} bytes at {figure.LargestPayloadState}");
    }

    [Fact]
    public async Task AnApplication_IsRestoredToOneInstant_PitrTargetsAtExactlyT_BackupOnlyAtTheirNewestBackupBeforeIt()
    {
        var figure = await InstantRuns.DrillToOneInstantAsync(targets: 6, backupOnlyEvery: 3, TimeSpan.FromMilliseconds(500), CancellationToken.None);
        output.WriteLine($"{figure.Instant} choice {figure.Instant.ChoiceSeconds:0.000} s, {figure.ContinuousBackupLooks} looks");
        foreach (var t in figure.Targets)
        {
            output.WriteLine(t.ToString());
        }

        Assert.Equal("PASS", figure.Drill.Verdict);
        Assert.Equal(6, figure.Targets.Count);
        Assert.All(figure.Targets, t => Assert.Equal(TargetStage.Verified, t.Stage));
        var pitr = figure.Targets.Where(t => !t.BackupOnly).ToList();
        var backupOnly = figure.Targets.Where(t => t.BackupOnly).ToList();
        Assert.Equal(2, backupOnly.Count);
        var at = figure.Instant.At;

        // T is read from every PITR window once, before any restore, and lies in each of them.
        Assert.Equal(pitr.Count, figure.Instant.ContinuousTargets);
        Assert.Equal(pitr.Count, figure.ContinuousBackupLooks);
        Assert.InRange(at, figure.Instant.WindowFrom, figure.Instant.WindowTo);
        Assert.All(pitr, t => Assert.InRange(at, t.Window!.Earliest, t.Window.Latest));

        // PITR targets: restored to exactly T, as the restore itself reported (RestoreSummary), so no skew.
        Assert.All(pitr, t =>
        {
            Assert.Equal(RecoveryPoint.Pitr, t.RestoredTo!.Kind);
            Assert.True(t.RestoredTo.ExactInstant);
            Assert.Equal(at, t.RestoredTo.CreatedAt);
            Assert.Equal(0, t.SkewSeconds);
        });

        // Backup-only targets: the newer of their two backups (both before T), with T minus its time recorded as the skew.
        Assert.All(backupOnly, t =>
        {
            Assert.Null(t.Window);
            Assert.Equal(2, t.Backups.Count);
            Assert.All(t.Backups, b => Assert.True(b <= at, $"backup {b:O} after T {at:O}"));
            Assert.Equal(RecoveryPoint.Backup, t.RestoredTo!.Kind);
            Assert.Equal(t.Backups.Max(), t.RestoredTo.CreatedAt);
            Assert.Equal((at - t.Backups.Max()).TotalSeconds, t.SkewSeconds);
        });

        Assert.Equal(backupOnly.Max(t => t.SkewSeconds), figure.LargestSkewSeconds);
        Assert.True(figure.LargestSkewSeconds > 0);
        Assert.Equal(pitr.Count, figure.AtT);
        Assert.True(figure.Drill.LargestPayloadBytes <= 64 * 1024, $"{figure.Drill.LargestPayloadBytes} bytes at {figure.Drill.LargestPayloadState}");
        Assert.True(figure.Drill.LargestRunsItemBytes <= 100 * 1024, $"{figure.Drill.LargestRunsItemBytes} bytes");
    }

    [Fact]
    public async Task AnEstate_IsAuditedThroughTheRealStateMachine_EveryResourceJudged()
    {
        var figure = await ScaleRuns.AuditEstateAsync(tables: 20, others: 5, CancellationToken.None);

        // 20 tables and 5 others, each judged; the runs table left out as the runner's own.
        Assert.Equal(25, figure.Judged);
        Assert.Equal(1, figure.Excluded);
        Assert.Equal(20 - (20 / 5) + 5, figure.Findings["NOT_DRILLED"]); // a fifth of the tables are in the plan
        Assert.True(figure.AwsCalls >= 20 + EstateListing.All.Count, $"{figure.AwsCalls} calls");
        Assert.True(figure.LargestPayloadBytes <= 64 * 1024, $"{figure.LargestPayloadBytes} bytes at {figure.LargestPayloadState}");
    }
}
