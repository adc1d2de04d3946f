using System.Text.Json;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Drills;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.AwsBackup;

/// <summary>
/// Reads one listing page and keeps the COMPLETED recovery point the run wants (in the plan's vault, if it names
/// one) in the run record: the newest, a seeded draw or the oldest within the rule's window, or the newest at or
/// before a common instant. By default the pages are ListRecoveryPointsByResource's. A target whose plan says
/// where its point comes from (<see cref="AwsBackupTarget.Origin"/>) is listed vault by vault instead
/// (ListRecoveryPointsByBackupVault, ByResourceArn = its resource; for copyOf first ListBackupVaults, own and
/// shared, keeping only copies): this step says which call comes next. AWS Backup lists in no guaranteed order,
/// so the choice is made only after the last page of the last vault; then a missing or too old point fails the target.
/// </summary>
public sealed class ChooseRecoveryPoint(IRunStore runs, TimeProvider time)
{
    public const string Completed = "COMPLETED";

    /// <summary>ListRecoveryPointsByBackupVault's and ListBackupVaults' page size (the API model's MaxResults, at most 1000).</summary>
    public const int VaultPageSize = 100;

    public async Task<RecoveryPointChoice> ExecuteAsync(RecoveryPointPage input, CancellationToken cancellationToken)
    {
        var context = await RunContext.LoadAsync(runs, input.RunId, cancellationToken);
        DrillDeadline.ThrowIfPassed(context.Run, time.GetUtcNow(), $"target '{input.TargetId}' had not started");
        var target = context.Plan.BackupTarget(input.TargetId);
        var wanted = PointWanted.For(context.Run, context.Plan, target);
        var record = await runs.GetTargetAsync(input.RunId, input.TargetId, cancellationToken);

        // An answer to a listing the record has already moved past was taken before (a second delivery): say again what comes next.
        if (input.Answered is { } answered && record.Backup?.Listing is { } current && current != answered)
        {
            return new RecoveryPointChoice(MorePages: true, null, null, null) { Listing = current };
        }

        // The first page starts a new search: a retried listing must not add to an old one.
        var firstPage = input.FirstPage;
        var search = new Search(
            firstPage ? null : record.RecoveryPoint,
            firstPage || record.Backup is null ? new BackupRestore(0, 0, null) : record.Backup);
        string? nextToken = null;
        PointListing? next = null;
        switch (input.Call)
        {
            case PointListing.Start:
                next = target.Origin?.VaultArn is not null || target.BackupVaultName is not null
                    ? PointsOf(target, new VaultToRead(target.BackupVaultName!, target.Origin?.VaultArn ?? string.Empty, target.Origin?.VaultAccountId))
                    : new PointListing(PointListing.Vaults, new PointListingRequest { MaxResults = VaultPageSize });
                break;
            case PointListing.Vaults:
                next = AfterVaultPage(target, AwsAnswer.Required(input.Answer, "ListBackupVaults answer"), search);
                break;
            default:
                var page = AwsAnswer.Required(input.Answer, "recovery point listing answer");
                Read(page, target, wanted, search);
                nextToken = AwsAnswer.String(page, "NextToken");
                if (target.Origin is not null)
                {
                    next = !string.IsNullOrEmpty(nextToken)
                        ? search.Backup.Listing! with { Request = search.Backup.Listing.Request with { NextToken = nextToken } }
                        : NextVault(target, search);
                    nextToken = null;
                }

                break;
        }

        var backup = search.Backup with { Listing = next ?? search.Backup.Listing, SourceNotRead = target.SourceSkippedBecause };
        record = record with { RecoveryPoint = search.Best, Backup = backup };
        if (next is not null || !string.IsNullOrEmpty(nextToken))
        {
            await runs.SaveTargetAsync(record, cancellationToken);
            return new RecoveryPointChoice(MorePages: true, nextToken, null, null) { Listing = next };
        }

        var best = search.Best;
        if (best is null)
        {
            await runs.SaveTargetAsync(record, cancellationToken);
            throw new RecoveryPointNotFound($"no COMPLETED {(target.Origin?.CopiesOnly == true ? "copy" : "recovery point")}{wanted.WindowText} for '{target.ResourceArn}'{Where(target, backup)}: {Listed(backup)}");
        }

        var now = time.GetUtcNow();
        await runs.SaveTargetAsync(record with { Stage = TargetStage.Resolved, ResolvedAt = now }, cancellationToken);
        var age = context.Run.StartedAt - best.CreatedAt;

        // A sampled older point is old on purpose; maxRecoveryPointAgeHours judges the newest one.
        if (target.MaxRecoveryPointAge is { } maxAge && age > maxAge && wanted.Select == PointSelect.Latest)
        {
            throw new RecoveryPointTooOld(
                $"the newest COMPLETED recovery point of '{target.ResourceArn}' ({best.BackupArn}) was created at {best.CreatedAt:u}, {age.TotalHours:0.#} h before the drill began; maxRecoveryPointAgeHours is {maxAge.TotalHours:0.##}");
        }

        var vault = backup.BackupVaultName;
        return new RecoveryPointChoice(MorePages: false, null, best.BackupArn, vault)
        {
            Metadata = new RestoreMetadataRequest(vault ?? string.Empty, best.BackupArn!) { BackupVaultAccountId = backup.BackupVaultAccountId },
        };
    }

    /// <summary>The best point so far and what the listing said; updated page by page.</summary>
    private sealed class Search(RecoveryPoint? best, BackupRestore backup)
    {
        public RecoveryPoint? Best { get; set; } = best;

        public BackupRestore Backup { get; set; } = backup;
    }

    private static void Read(JsonElement page, AwsBackupTarget target, PointWanted wanted, Search search)
    {
        var backup = search.Backup;
        var skipped = backup.NewestSkipped;
        var skippedAt = backup.NewestSkippedAt;
        var vault = backup.BackupVaultName;
        var copy = backup.Copy;
        var readWith = backup.BackupVaultAccountId;
        var seen = 0;
        foreach (var point in AwsAnswer.Array(page, "RecoveryPoints"))
        {
            seen++;
            var arn = AwsAnswer.String(point, "RecoveryPointArn");
            var created = AwsAnswer.Time(point, "CreationDate");
            var status = AwsAnswer.String(point, "Status");
            var pointVault = AwsAnswer.String(point, "BackupVaultName");
            var sourceVault = AwsAnswer.String(point, "SourceBackupVaultArn");
            var resource = AwsAnswer.String(point, "ResourceArn");
            if (arn is null || created is null)
            {
                continue;
            }

            var whyNot = status != Completed
                ? $"status {status ?? "unknown"}{(AwsAnswer.String(point, "StatusMessage") is { } message ? $" ({message})" : string.Empty)}"
                : target.BackupVaultName is { } wantedVault && pointVault != wantedVault
                    ? $"in vault '{pointVault}', not '{wantedVault}'"
                    : target.Origin is not null && resource is not null && resource != target.ResourceArn
                        ? $"a point of '{resource}', not of '{target.ResourceArn}'"
                        : target.Origin?.CopiesOnly == true && string.IsNullOrEmpty(sourceVault)
                            ? $"not a copy (no SourceBackupVaultArn) in vault '{pointVault}'"
                            : !wanted.Admits(created.Value)
                                ? $"not{wanted.WindowText}"
                                : null;
            if (whyNot is not null)
            {
                if (skippedAt is null || created > skippedAt)
                {
                    skipped = $"{arn} of {created:u}: {whyNot}";
                    skippedAt = created;
                }

                continue;
            }

            if (search.Best is null || wanted.Prefers(created.Value, arn, search.Best.CreatedAt, search.Best.BackupArn ?? string.Empty))
            {
                search.Best = new RecoveryPoint(RecoveryPoint.AwsBackup, arn, created.Value) { Select = wanted.Drawn };
                vault = pointVault;
                if (target.Origin is not null)
                {
                    var vaultArn = AwsAnswer.String(point, "BackupVaultArn");
                    var scope = vaultArn is null ? null : ArnScope.Of(vaultArn);
                    readWith = backup.Listing?.Request.BackupVaultAccountId;
                    copy = new ProvenCopy(pointVault ?? backup.Listing?.Request.BackupVaultName ?? string.Empty, vaultArn, scope?.Account ?? backup.Listing?.Request.BackupVaultAccountId, scope?.Region, string.IsNullOrEmpty(sourceVault) ? null : sourceVault, created.Value);
                }
            }
        }

        search.Backup = backup with
        {
            PointsSeen = backup.PointsSeen + seen,
            PagesRead = backup.PagesRead + 1,
            NewestSkipped = skipped,
            NewestSkippedAt = skippedAt,
            BackupVaultName = vault,
            Copy = copy,
            BackupVaultAccountId = readWith,
        };
    }

    /// <summary>copyOf: a ListBackupVaults page's vaults join the queue; then its next page, the shared vaults, or the first vault's points.</summary>
    private static PointListing? AfterVaultPage(AwsBackupTarget target, JsonElement page, Search search)
    {
        var backup = search.Backup;
        var listing = backup.Listing ?? new PointListing(PointListing.Vaults, new PointListingRequest { MaxResults = VaultPageSize });
        var shared = listing.Request.ByShared == true;
        var queue = (backup.VaultsToRead ?? []).ToList();
        foreach (var vault in AwsAnswer.Array(page, "BackupVaultList"))
        {
            if (AwsAnswer.String(vault, "BackupVaultName") is { } name && AwsAnswer.String(vault, "BackupVaultArn") is { } arn && queue.All(v => v.Arn != arn))
            {
                queue.Add(new VaultToRead(name, arn, shared ? ArnScope.Of(arn)?.Account : null));
            }
        }

        search.Backup = backup with { VaultsToRead = queue };
        if (AwsAnswer.String(page, "NextToken") is { Length: > 0 } token)
        {
            return listing with { Request = listing.Request with { NextToken = token } };
        }

        return shared
            ? NextVault(target, search)
            : new PointListing(PointListing.Vaults, new PointListingRequest { ByShared = true, MaxResults = VaultPageSize });
    }

    /// <summary>The next queued vault's points, or null when every vault was read (or the plan named one vault).</summary>
    private static PointListing? NextVault(AwsBackupTarget target, Search search)
    {
        var queue = search.Backup.VaultsToRead ?? [];
        if (queue.Count == 0)
        {
            return null;
        }

        search.Backup = search.Backup with { VaultsToRead = queue.Skip(1).ToList(), VaultsRead = (search.Backup.VaultsRead ?? 0) + 1 };
        return PointsOf(target, queue[0]);
    }

    private static PointListing PointsOf(AwsBackupTarget target, VaultToRead vault) => new(
        PointListing.Points,
        new PointListingRequest { BackupVaultName = vault.Name, BackupVaultAccountId = vault.AccountId, ByResourceArn = target.ResourceArn, MaxResults = VaultPageSize });

    private static string Where(AwsBackupTarget target, BackupRestore backup) =>
        target.Origin?.VaultArn is { } arn ? $" in vault {arn}"
        : target.BackupVaultName is { } name ? $" in vault '{name}'"
        : target.Origin is not null ? $" in the {backup.VaultsRead ?? 0} vault(s) this stack can read (its own and those shared with it)"
        : string.Empty;

    private static string Listed(BackupRestore backup) =>
        backup.PointsSeen == 0 ? "AWS Backup lists none for it" : $"{backup.PointsSeen} listed, none usable; newest skipped: {backup.NewestSkipped}";
}
