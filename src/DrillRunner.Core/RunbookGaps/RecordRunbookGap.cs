using System.Text.Json;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.RunbookGaps;

/// <summary>The state machine's handle on a runbook gap step: whether to read the source's auto scaling, and for which Application Auto Scaling resource id.</summary>
public sealed record RunbookGapStep(string RunId, string TargetId, bool ReadScaling, string ResourceId);

/// <summary>The state machine's input: "compare" the verified restore with its source, or add the source's "scaling" policies (Application Auto Scaling's answer, or the error it gave).</summary>
public sealed record RunbookGapInput(string RunId, string TargetId)
{
    public const string Compare = "compare";
    public const string Scaling = "scaling";

    public string Mode { get; init; } = Compare;

    public JsonElement? Answer { get; init; }
}

/// <summary>
/// After a target is verified: records what its restore lacks that its source has (tables: TTL,
/// stream, PITR, deletion protection, tags, then auto scaling) and what AWS documents such a restore
/// never carries. Reads the source, never writes it; a source it cannot read makes the gap
/// incomplete, not the target failed.
/// </summary>
public sealed class RecordRunbookGap(IRunStore runs, ITableInspector inspector, TimeProvider time)
{
    /// <summary>Application Auto Scaling's id of a DynamoDB table.</summary>
    public static string ScalingResourceId(string table) => $"table/{table}";

    public async Task<RunbookGapStep> CompareAsync(string runId, string targetId, CancellationToken cancellationToken)
    {
        var target = await runs.GetTargetAsync(runId, targetId, cancellationToken);
        var kind = RestoreKinds.OfScratchKind(target.Scratch?.Kind ?? ScratchKinds.DynamoDbTable) ?? RestoreKinds.DynamoDbTable;
        var items = new List<GapItem>();
        string? incomplete = null;

        // A copy of another account's or region's resource: its source is out of this stack's reach, so it is not read.
        if (target.Backup?.SourceNotRead is { } skipped)
        {
            incomplete = $"the source was not compared: {skipped}";
        }

        var isTable = kind == RestoreKinds.DynamoDbTable && target.Scratch is not null && incomplete is null;
        if (isTable)
        {
            try
            {
                var source = await inspector.RecoverySettingsAsync(target.SourceName, cancellationToken);
                var restored = await inspector.RecoverySettingsAsync(target.Scratch!.Name, cancellationToken);
                items.AddRange(CompareWithSource.Tables(source, restored));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                incomplete = $"the tables' settings could not be read: {ex.Message}";
            }
        }

        items.AddRange(CompareWithSource.Documented(kind));
        await runs.SaveTargetAsync(target with { RunbookGap = new RunbookGap(target.SourceName, items, time.GetUtcNow()) { Incomplete = incomplete } }, cancellationToken);
        return new RunbookGapStep(runId, targetId, isTable, isTable ? ScalingResourceId(target.SourceName) : string.Empty);
    }

    /// <summary>Adds the source's auto scaling policies (before the documented steps), or notes why they could not be read.</summary>
    public async Task RecordScalingAsync(string runId, string targetId, JsonElement? answer, CancellationToken cancellationToken)
    {
        var target = await runs.GetTargetAsync(runId, targetId, cancellationToken);
        var gap = target.RunbookGap ?? new RunbookGap(target.SourceName, [], time.GetUtcNow());
        if (answer is { ValueKind: JsonValueKind.Object } error && error.TryGetProperty("Error", out var name))
        {
            var why = $"auto scaling could not be read: {name.GetString()}";
            gap = gap with { Incomplete = gap.Incomplete is { } earlier ? $"{earlier}; {why}" : why };
        }
        else if (answer is { } policies && CompareWithSource.Scaling(policies) is { } scaling)
        {
            gap = gap with { Items = [.. gap.Items.Where(i => i.Compared), scaling, .. gap.Items.Where(i => !i.Compared)] };
        }

        await runs.SaveTargetAsync(target with { RunbookGap = gap }, cancellationToken);
    }
}
