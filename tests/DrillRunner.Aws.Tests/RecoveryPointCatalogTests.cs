using DrillRunner.Aws.DynamoDb;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Runs;

namespace DrillRunner.Aws.Tests;

public sealed class RecoveryPointCatalogTests(StandInFixture fixture) : IClassFixture<StandInFixture>
{
    [Fact]
    public async Task FindLatest_PitrEnabled_ReturnsLatestRestorableTime()
    {
        var table = await fixture.CreateTableAsync("pitr", 3);
        await fixture.EnablePitrAsync(table);

        var search = await new DynamoDbRecoveryPointCatalog(fixture.Client).FindLatestAsync(Target(table, RestoreSource.Auto), default);

        Assert.Equal(RecoveryPoint.Pitr, search.Point!.Kind);
        Assert.InRange(search.Point.CreatedAt, TimeProvider.System.GetUtcNow().AddMinutes(-1), TimeProvider.System.GetUtcNow());
    }

    [Fact]
    public async Task FindLatest_AutoWithoutPitr_TakesNewestBackupOfAnyTypeAcrossPages()
    {
        var table = await fixture.CreateTableAsync("backups", 3);
        fixture.StandIn.Faults.ListBackupsPageSize = 1;
        await fixture.StandIn.CreateBackupAsync(table, "USER", default);
        await Task.Delay(20);
        await fixture.StandIn.CreateBackupAsync(table, "USER", default);
        await Task.Delay(20);
        await fixture.StandIn.CreateBackupAsync(table, "AWS_BACKUP", default);

        var search = await new DynamoDbRecoveryPointCatalog(fixture.Client).FindLatestAsync(Target(table, RestoreSource.Auto), default);

        Assert.Equal(RecoveryPoint.Backup, search.Point!.Kind);
        Assert.Contains("aws_backup", (await fixture.Client.ListBackupsAsync(new() { TableName = table, BackupType = "ALL", Limit = 100 })).BackupSummaries.Single(b => b.BackupArn == search.Point.BackupArn).BackupName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindLatest_NewerVaultRecoveryPoint_IsPassedOverForOneRestoreTableFromBackupCanUse()
    {
        var table = await fixture.CreateTableAsync("vault-mixed", 2);
        await fixture.StandIn.CreateBackupAsync(table, "USER", default);
        await Task.Delay(20);
        await fixture.StandIn.CreateBackupAsync(table, "AWS_BACKUP_VAULT", default);

        var search = await new DynamoDbRecoveryPointCatalog(fixture.Client).FindLatestAsync(Target(table, RestoreSource.Backup), default);

        Assert.StartsWith("arn:aws:dynamodb:", search.Point!.BackupArn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindLatest_OnlyVaultRecoveryPoints_SaysTheyNeedAwsBackup()
    {
        var table = await fixture.CreateTableAsync("vault-only", 2);
        await fixture.StandIn.CreateBackupAsync(table, "AWS_BACKUP_VAULT", default);

        var search = await new DynamoDbRecoveryPointCatalog(fixture.Client).FindLatestAsync(Target(table, RestoreSource.Auto), default);

        Assert.Null(search.Point);
        Assert.Contains("StartRestoreJob", search.WhyNone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindLatest_PitrRequestedButOff_SaysSo()
    {
        var table = await fixture.CreateTableAsync("nopitr", 1);
        await fixture.StandIn.CreateBackupAsync(table, "USER", default);

        var search = await new DynamoDbRecoveryPointCatalog(fixture.Client).FindLatestAsync(Target(table, RestoreSource.Pitr), default);

        Assert.Null(search.Point);
        Assert.Contains("point-in-time recovery is not enabled", search.WhyNone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindLatest_NothingAtAll_ExplainsWhatWasChecked()
    {
        var table = await fixture.CreateTableAsync("bare", 1);

        var search = await new DynamoDbRecoveryPointCatalog(fixture.Client).FindLatestAsync(Target(table, RestoreSource.Auto), default);

        Assert.Null(search.Point);
        Assert.Contains("no AVAILABLE DynamoDB backup", search.WhyNone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindLatest_SourceTableMissing_SaysItDoesNotExistAndNothingSurvives()
    {
        var search = await new DynamoDbRecoveryPointCatalog(fixture.Client).FindLatestAsync(Target("never-created", RestoreSource.Auto), default);

        Assert.Null(search.Point);
        Assert.Contains("'never-created' does not exist", search.WhyNone, StringComparison.Ordinal);
        Assert.Contains("gone for good", search.WhyNone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindLatest_SourceTableDeleted_RestoresFromTheBackupThatOutlivedIt()
    {
        var table = await fixture.CreateTableAsync("deleted-with-backup", 2);
        var backup = await fixture.Client.CreateBackupAsync(new() { TableName = table, BackupName = "before-the-stack-went" });
        await fixture.DeleteTableAsync(table);

        var auto = await new DynamoDbRecoveryPointCatalog(fixture.Client).FindLatestAsync(Target(table, RestoreSource.Auto), default);
        var pitr = await new DynamoDbRecoveryPointCatalog(fixture.Client).FindLatestAsync(Target(table, RestoreSource.Pitr), default);

        Assert.Equal(backup.BackupDetails.BackupArn, auto.Point!.BackupArn);
        Assert.Null(pitr.Point);
        Assert.Contains("ended with it", pitr.WhyNone, StringComparison.Ordinal);
    }

    internal static DynamoDbTarget Target(string table, RestoreSource from, RestoreOptions? options = null) =>
        new("t", table, from, options ?? RestoreOptions.Default, Verification.Default);
}
