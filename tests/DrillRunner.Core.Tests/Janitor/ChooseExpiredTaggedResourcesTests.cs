using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Janitor;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Safety;
using DrillRunner.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DrillRunner.Core.Tests.Janitor;

/// <summary>Safety rule 5 beyond tables: leaked buckets, databases, volumes and file systems of stopped runs are deleted, and only those.</summary>
public sealed class ChooseExpiredTaggedResourcesTests
{
    private const string Db = "arn:aws:rds:eu-west-1:123456789012:db:drill-run-1-db";
    private const string Volume = "arn:aws:ec2:eu-west-1:123456789012:volume/vol-0abc";
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(T0.AddHours(7));
    private readonly InMemoryRunStore _runs = new();

    [Fact]
    public async Task Choose_ExpiredRecordedTaggedDatabase_IsHandedOver_WithItsRun()
    {
        await RecordAsync("run-1", ("db", Db, "drill-run-1-db", ScratchKinds.RdsInstance));

        var choice = await Choose((Db, Tags("run-1", T0.AddHours(6))));

        var deletion = Assert.Single(choice.Deletions);
        Assert.Equal(("run-1", "db", ScratchKinds.RdsInstance, "drill-run-1-db"), (deletion.RunId, deletion.TargetId, deletion.Kind, deletion.ResourceId));
        Assert.Empty(choice.Refused);
    }

    [Fact]
    public async Task Choose_NotExpired_NoRecord_OrNoNameTag_IsNeverHandedOver()
    {
        await RecordAsync("run-1", ("db", Db, "drill-run-1-db", ScratchKinds.RdsInstance), ("volume", Volume, "drill-run-1-volume", ScratchKinds.EbsVolume));
        var unrecorded = "arn:aws:rds:eu-west-1:123456789012:db:drill-run-9-db";

        var choice = await Choose(
            (Db, Tags("run-1", T0.AddHours(8))),
            (unrecorded, Tags("run-9", T0.AddHours(6))),
            (Volume, Tags("run-1", T0.AddHours(6))),
            ("arn:aws:s3:::drill-run-1-bucket", Tags("run-1", T0.AddHours(6))));

        Assert.Empty(choice.Deletions);
        Assert.Equal(1, choice.StillInUse);
        Assert.Contains(choice.Refused, r => r.Resource == unrecorded && r.Detail.Contains("no run record", StringComparison.Ordinal));
        Assert.Contains(choice.Refused, r => r.Resource == Volume && r.Detail.Contains("Name tag", StringComparison.Ordinal));
        Assert.Equal(2, choice.Refused.Count);
    }

    [Fact]
    public async Task Record_MarksDeletedLeaksTornDown_AndReportsFailedDeletes()
    {
        await RecordAsync("run-1", ("db", Db, "drill-run-1-db", ScratchKinds.RdsInstance), ("volume", Volume, "drill-run-1-volume", ScratchKinds.EbsVolume));
        var sweep = new ChooseExpiredTaggedResources(_runs, _clock, "drill-");

        var report = await sweep.RecordAsync(
            [new ScratchDeletion("db", ScratchKinds.RdsInstance, "drill-run-1-db", Db) { RunId = "run-1" }, new ScratchDeletion("volume", ScratchKinds.EbsVolume, "vol-0abc", Volume) { RunId = "run-1" }],
            [new DeletionResult("db", true, null) { Arn = Db }, new DeletionResult("volume", false, new TaskError("Ec2.VolumeInUse", "attached")) { Arn = Volume }],
            default);

        Assert.Equal(Db, Assert.Single(report.Deleted).Resource);
        Assert.Contains("Ec2.VolumeInUse", Assert.Single(report.Refused).Detail, StringComparison.Ordinal);
        Assert.True((await _runs.GetTargetAsync("run-1", "db", default)).Scratch!.TornDown);
        Assert.False((await _runs.GetTargetAsync("run-1", "volume", default)).Scratch!.TornDown);
    }

    [Fact]
    public async Task Sweep_ExpiredScratchBucketOfAStoppedRun_IsEmptiedAndDeleted_ButATableOfTheSameNameIsNotTakenForIt()
    {
        await _runs.CreateAsync(
            new DrillRun("run-1", "prod", 1, "{}", "schedule", T0),
            [new TargetRun("run-1", "invoices", "invoices-prod") { Scratch = new ScratchResource("drill-run-1-invoices", "arn:aws:s3:::drill-run-1-invoices", CreatedByRun: true) { Kind = ScratchKinds.S3Bucket } }],
            default);
        var buckets = new FakeScratchBuckets();
        buckets.Buckets["drill-run-1-invoices"] = Tags("run-1", T0.AddHours(6));
        var tables = new FakeScratchTables();
        tables.States["drill-run-1-invoices"] = ScratchTableState.Active;
        tables.Tags[FakeScratchTables.Arn("drill-run-1-invoices")] = Tags("run-1", T0.AddHours(6));

        var report = await new SweepScratchByPrefix(_runs, tables, _clock, "drill-", buckets).ExecuteAsync(default);

        Assert.Equal(["drill-run-1-invoices"], buckets.Deleted);
        Assert.Empty(tables.Deleted);
        Assert.Contains(report.Refused, r => r.Resource == "drill-run-1-invoices" && r.Detail.Contains("no run record", StringComparison.Ordinal));
        Assert.True((await _runs.GetTargetAsync("run-1", "invoices", default)).Scratch!.TornDown);
    }

    private Task<JanitorChoice> Choose(params (string Arn, Dictionary<string, string> Tags)[] tagged) =>
        new ChooseExpiredTaggedResources(_runs, _clock, "drill-").ChooseAsync(TaggedResources.Answer(tagged), default);

    private static Dictionary<string, string> Tags(string runId, DateTimeOffset expiresAt) => new()
    {
        [TeardownGuard.RunIdTag] = runId,
        [TeardownGuard.ExpiresAtTag] = expiresAt.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
    };

    private Task RecordAsync(string runId, params (string TargetId, string Arn, string Name, string Kind)[] scratch) =>
        _runs.CreateAsync(
            new DrillRun(runId, "prod", 1, "{}", "schedule", T0),
            scratch.Select(s => new TargetRun(runId, s.TargetId, "source") { Scratch = new ScratchResource(s.Name, s.Arn, CreatedByRun: true) { Kind = s.Kind, Tagged = true } }).ToList(),
            default);

    private sealed class FakeScratchBuckets : IScratchBuckets
    {
        public Dictionary<string, Dictionary<string, string>> Buckets { get; } = new(StringComparer.Ordinal);

        public List<string> Deleted { get; } = [];

        public Task<IReadOnlyDictionary<string, string>> GetTagsAsync(string bucket, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, string>>(Buckets.TryGetValue(bucket, out var tags) ? tags : new Dictionary<string, string>());

        public Task<IReadOnlyList<ScratchListing>> ListAsync(string scratchPrefix, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ScratchListing>>(Buckets.Where(b => b.Key.StartsWith(scratchPrefix, StringComparison.Ordinal)).Select(b => new ScratchListing(b.Key, $"arn:aws:s3:::{b.Key}", b.Value)).ToList());

        public Task<DeleteOutcome> DeleteAsync(string bucket, CancellationToken cancellationToken)
        {
            Deleted.Add(bucket);
            return Task.FromResult(Buckets.Remove(bucket) ? DeleteOutcome.Deleted : DeleteOutcome.AlreadyGone);
        }
    }
}
