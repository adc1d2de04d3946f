using System.ComponentModel;
using DrillRunner.Cli.Infrastructure;
using DrillRunner.Cli.Output;
using DrillRunner.Core.Coverage;
using DrillRunner.Aws.RunStore;
using DrillRunner.Local.Demo;
using DrillRunner.Local.Requests;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Commands;

/// <summary>
/// `drill coverage`: the latest coverage audit, or a new one (--now --wait). Exit 0 when nothing at
/// or above --fail-on was found, 1 otherwise (or when no audit exists), 2 for usage errors,
/// 3 when --wait gave up: a CI job can fail a release on an unprotected table.
/// </summary>
public sealed class CoverageCommand(OutputConsoles consoles, TimeProvider time, IStoreOpener stores) : AsyncCommand<CoverageCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--json")]
        [Description("Print the audit as one JSON document on stdout.")]
        public bool Json { get; init; }

        [CommandOption("--fail-on <FINDING>")]
        [Description("Exit 1 when a finding this severe or worse exists, most severe first: NOT_PROTECTED, STACK_DELETE_LOSES_DATA, BACKUP_STALE, DRILL_FAILING, NO_COPY_OUTSIDE_ACCOUNT, NO_COPY_OUTSIDE_REGION, NOT_DRILLED, NO_DELETION_GUARD, VAULT_NOT_LOCKED or DRILL_STALE (default: any finding). Advisory survival findings (events a resource is not required to survive) never fail.")]
        public string FailOn { get; init; } = FindingNames.Of(FindingKind.DrillStale);

        [CommandOption("--now")]
        [Description("Run an audit now (locally: in this command; in AWS: through the runs table, as `drill run` does) instead of reading the latest.")]
        public bool Now { get; init; }

        [CommandOption("--wait")]
        [Description("With --now in AWS: wait for the audit and judge it (locally the audit always completes in the command).")]
        public bool Wait { get; init; }

        [CommandOption("--timeout <DURATION>")]
        [Description("With --wait: give up after this long (90s, 45m, 2h). Default 30m.")]
        public string? Timeout { get; init; }

        public string WaitFor => Timeout ?? "30m";

        [CommandOption("--backup-stale-hours <HOURS>")]
        [Description("With --now, locally: BACKUP_STALE beyond this many hours (default 26; in AWS the stack's BackupStaleHours).")]
        public double? BackupStaleHours { get; init; }

        [CommandOption("--drill-stale-days <DAYS>")]
        [Description("With --now, locally: DRILL_STALE beyond this many days (default 8; in AWS the stack's DrillStaleDays).")]
        public double? DrillStaleDays { get; init; }

        public FindingKind FailOnKind => FindingNames.Parse(FailOn) ?? FindingKind.DrillStale;

        public override ValidationResult Validate()
        {
            if (FindingNames.Parse(FailOn) is null)
            {
                return ValidationResult.Error($"--fail-on '{FailOn}' is not a finding. Use one of: {FindingNames.List} (each fails on itself and everything before it).");
            }

            if (Wait && !Now)
            {
                return ValidationResult.Error("--wait goes with --now: without --now the latest audit is read at once.");
            }

            if (Timeout is not null && !Wait)
            {
                return ValidationResult.Error("--timeout goes with --now --wait: without --wait nothing is waited for.");
            }

            if (!Durations.TryParse(WaitFor, out _))
            {
                return ValidationResult.Error($"--timeout '{Timeout}' is not a duration. Use e.g. 90s, 45m or 2h.");
            }

            if ((BackupStaleHours is not null || DrillStaleDays is not null) && !(Now && Local))
            {
                return ValidationResult.Error("--backup-stale-hours and --drill-stale-days go with --now --local; in AWS the stack's BackupStaleHours and DrillStaleDays parameters set them.");
            }

            try
            {
                CoverageThresholds.From(BackupStaleHours, DrillStaleDays);
            }
            catch (ArgumentOutOfRangeException ex)
            {
                return ValidationResult.Error(ex.Message.Split(Environment.NewLine)[0].Replace("backupStaleHours", "--backup-stale-hours", StringComparison.Ordinal).Replace("drillStaleDays", "--drill-stale-days", StringComparison.Ordinal));
            }

            return base.Validate();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var log = consoles.Diagnostics;
        await using var store = await stores.OpenAsync(settings, context, settings.Now && settings.Local ? StoreAccess.Exclusive : StoreAccess.Shared, cancellationToken);
        CoverageAudit? audit;
        if (!settings.Now)
        {
            audit = await store.Coverage.LatestAsync(cancellationToken);
            if (audit is null)
            {
                log.MarkupLineInterpolated($"[yellow]no coverage audit recorded[/] in {store.Description}. Fix: run one with `drill coverage --now --wait{settings.StoreOptions}`{(settings.Local ? string.Empty : ", and check the weekly schedule (CoverageScheduleExpression) is enabled")}.");
                return ExitCodes.NotPass;
            }
        }
        else if (store.Local is { } local)
        {
            // Locally the command plays the CoverageRequestPipe: the same request item, mapped by the Pipe's own template.
            var requestId = RequestId();
            var item = DynamoDbCoverageRequests.Item(requestId, await store.Caller.WhoAsync(cancellationToken), time.GetUtcNow());
            var input = LocalPipe.FromTemplate(pipeName: LocalPipe.CoveragePipe).InputFor(LocalPipe.InsertRecord(item))!.AsObject();
            if (settings.BackupStaleHours is { } hours)
            {
                input["backupStaleHours"] = hours;
            }

            if (settings.DrillStaleDays is { } days)
            {
                input["drillStaleDays"] = days;
            }

            log.MarkupLine("auditing the local account: every table, backup, protected resource, database, bucket, volume and file system (read-only)…");
            var execution = await local.Environment.RunCoverageAuditAsync(DemoPlan.ScratchPrefix, input, time, cancellationToken, auditId: requestId);
            if (!execution.Succeeded)
            {
                log.MarkupLineInterpolated($"[red]the audit failed:[/] {execution.Error}: {execution.Cause}");
                return ExitCodes.NotPass;
            }

            audit = await store.Coverage.GetAsync(requestId, cancellationToken);
        }
        else
        {
            var requestId = RequestId();
            await store.CoverageRequests!.SubmitAsync(requestId, await store.Caller.WhoAsync(cancellationToken), time.GetUtcNow(), cancellationToken);
            log.MarkupLineInterpolated($"audit requested ({requestId}); the CoverageRequestPipe starts it within seconds.");
            if (!settings.Wait)
            {
                consoles.Out.MarkupLineInterpolated($"Read it when it is done with: drill coverage --table {settings.ResolvedTable}");
                return ExitCodes.Pass;
            }

            Durations.TryParse(settings.WaitFor, out var timeout);
            audit = await WaitForAsync(store, requestId, timeout, cancellationToken);
            if (audit is null)
            {
                log.MarkupLineInterpolated($"[yellow]gave up after {settings.WaitFor}:[/] audit {requestId} has not been judged. It goes on; read it later with `drill coverage`, or look at the CoverageAuditStateMachine's executions.");
                return ExitCodes.TimedOut;
            }
        }

        if (settings.Json)
        {
            consoles.Out.Profile.Out.Writer.WriteLine(CoveragePrinter.Json(audit!, settings.FailOnKind));
        }
        else
        {
            CoveragePrinter.Print(consoles.Out, audit!, settings.FailOnKind);
        }

        return audit!.Fails(settings.FailOnKind) ? ExitCodes.NotPass : ExitCodes.Pass;
    }

    private string RequestId() => $"coverage-{time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";

    private async Task<CoverageAudit?> WaitForAsync(DrillStore store, string requestId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + timeout;
        while (time.GetUtcNow() < until)
        {
            if (await store.Coverage.GetByRequestAsync(requestId, cancellationToken) is { } audit)
            {
                return audit;
            }

            await Task.Delay(TimeSpan.FromSeconds(10), time, cancellationToken);
        }

        return null;
    }
}
