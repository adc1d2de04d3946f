using System.Text.Json.Nodes;
using DrillRunner.Local.AwsWorld;

namespace DrillRunner.Local.Tests;

/// <summary>The local world's vaults, locks, copy jobs and second account and region, answered in the backup API model's shapes, two to a page.</summary>
public sealed class VaultListingTests
{
    private const string Table = "arn:aws:dynamodb:us-east-1:000000000000:table/shop-orders";
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Listings_PageAtTwo_InTheModelsShapes_AndShowOnlyWhatTheLocalAccountMaySee()
    {
        var (world, s3) = await WorldAsync();
        await using var _ = s3;

        var own = await AllAsync(world, "listBackupVaults", new JsonObject(), "BackupVaultList");
        Assert.Equal(["Default", "governed", "sealed"], own.Select(v => v["BackupVaultName"]!.GetValue<string>()).Order());
        var sealedVault = own.Single(v => v["BackupVaultName"]!.GetValue<string>() == "sealed");
        Assert.True(sealedVault["Locked"]!.GetValue<bool>());
        Assert.Equal(7L, sealedVault["MinRetentionDays"]!.GetValue<long>());
        Assert.NotNull(sealedVault["LockDate"]);
        var governed = own.Single(v => v["BackupVaultName"]!.GetValue<string>() == "governed");
        Assert.True(governed["Locked"]!.GetValue<bool>());
        Assert.Null(governed["LockDate"]);
        Assert.False(own.Single(v => v["BackupVaultName"]!.GetValue<string>() == "Default")["Locked"]!.GetValue<bool>());

        var shared = await AllAsync(world, "listBackupVaults", new JsonObject { ["ByShared"] = true }, "BackupVaultList");
        var airGapped = Assert.Single(shared);
        Assert.Equal($"arn:aws:backup:{LocalAwsWorld.Region}:{LocalAwsWorld.SecondAccount}:backup-vault:air-gapped", airGapped["BackupVaultArn"]!.GetValue<string>());
        Assert.Equal(LocalVault.LogicallyAirGapped, airGapped["VaultType"]!.GetValue<string>());

        var inDefault = await AllAsync(world, "listRecoveryPointsByBackupVault", new JsonObject { ["BackupVaultName"] = "Default" }, "RecoveryPoints");
        Assert.Equal(3, inDefault.Count);
        Assert.All(inDefault, p => Assert.Equal(Table, p["ResourceArn"]!.GetValue<string>()));

        var copies = await AllAsync(world, "listRecoveryPointsByBackupVault", new JsonObject { ["BackupVaultName"] = "air-gapped", ["BackupVaultAccountId"] = LocalAwsWorld.SecondAccount }, "RecoveryPoints");
        var copy = Assert.Single(copies);
        Assert.Equal(Table, copy["ResourceArn"]!.GetValue<string>());
        Assert.Equal(LocalVault.ArnOf(LocalAwsWorld.Region, LocalAwsWorld.Account, "Default"), copy["SourceBackupVaultArn"]!.GetValue<string>());
        Assert.Equal(LocalAwsWorld.Time(Now.AddHours(-3)), copy["CreationDate"]!.GetValue<string>());
        Assert.Equal(LocalAwsWorld.Time(Now.AddHours(-1)), copy["CompletionDate"]!.GetValue<string>());

        var recent = await AllAsync(world, "listRecoveryPointsByBackupVault", new JsonObject { ["BackupVaultName"] = "Default", ["ByResourceArn"] = Table, ["ByCreatedAfter"] = LocalAwsWorld.Time(Now.AddHours(-2.5)) }, "RecoveryPoints");
        Assert.Equal(2, recent.Count);

        var jobs = await AllAsync(world, "listCopyJobs", new JsonObject { ["ByState"] = "COMPLETED" }, "CopyJobs");
        Assert.Equal(3, jobs.Count);
        Assert.Contains(jobs, j => j["DestinationBackupVaultArn"]!.GetValue<string>() == LocalVault.ArnOf(LocalAwsWorld.SecondRegion, LocalAwsWorld.SecondAccount, "west"));
        Assert.All(jobs, j => Assert.Equal(LocalAwsWorld.Account, j["AccountId"]!.GetValue<string>()));
        Assert.Empty(await AllAsync(world, "listCopyJobs", new JsonObject { ["ByResourceArn"] = "arn:aws:dynamodb:us-east-1:000000000000:table/other" }, "CopyJobs"));

        // The resource's own listing is the local account's and region's: the three points and the copy kept in the local locked vault.
        var byResource = await AllAsync(world, "listRecoveryPointsByResource", new JsonObject { ["ResourceArn"] = Table }, "RecoveryPoints");
        Assert.Equal(4, byResource.Count);
    }

    [Fact]
    public async Task AVaultNotSharedOrMissing_IsRefusedWithAwsErrorNames_AndALockedVaultKeepsItsPoints()
    {
        var (world, s3) = await WorldAsync();
        await using var _ = s3;

        var hidden = await Assert.ThrowsAsync<LocalAwsError>(() => world.CallAsync("backup", "listRecoveryPointsByBackupVault", new JsonObject { ["BackupVaultName"] = "private", ["BackupVaultAccountId"] = LocalAwsWorld.SecondAccount }, default));
        Assert.Equal("Backup.AccessDeniedException", hidden.Name);
        var missing = await Assert.ThrowsAsync<LocalAwsError>(() => world.CallAsync("backup", "listRecoveryPointsByBackupVault", new JsonObject { ["BackupVaultName"] = "nowhere" }, default));
        Assert.Equal("Backup.ResourceNotFoundException", missing.Name);

        var sealedPoint = world.PointsIn(LocalVault.ArnOf(LocalAwsWorld.Region, LocalAwsWorld.Account, "sealed")).Single();
        var refused = await Assert.ThrowsAsync<LocalAwsError>(() => world.CallAsync("backup", "deleteRecoveryPoint", new JsonObject { ["BackupVaultName"] = "sealed", ["RecoveryPointArn"] = sealedPoint.Arn }, default));
        Assert.Equal("Backup.InvalidRequestException", refused.Name);
        Assert.Single(world.PointsIn(sealedPoint.VaultArn));

        var defaultArn = LocalVault.ArnOf(LocalAwsWorld.Region, LocalAwsWorld.Account, "Default");
        await world.CallAsync("backup", "deleteRecoveryPoint", new JsonObject { ["BackupVaultName"] = "Default", ["RecoveryPointArn"] = world.PointsIn(defaultArn)[0].Arn }, default);
        Assert.Equal(2, world.PointsIn(defaultArn).Count);
    }

    private static async Task<(LocalAwsWorld World, LocalS3 S3)> WorldAsync()
    {
        var s3 = await LocalS3.StartAsync(default);
        var world = new LocalAwsWorld(new FixedTime(Now), s3, null!) { EstatePageSize = 2, RecoveryPointPageSize = 2 };
        var points = Enumerable.Range(1, 3).Select(h => world.AddRecoveryPoint(Table, Now.AddHours(-h))).ToList();
        world.AddVault("sealed", vaultLock: new LocalVaultLock(7, 365, Now.AddDays(-1)));
        world.AddVault("governed", vaultLock: new LocalVaultLock(1, null, null));
        var airGapped = world.AddVault("air-gapped", LocalAwsWorld.SecondAccount, vaultType: LocalVault.LogicallyAirGapped, vaultLock: new LocalVaultLock(14, 100, null), sharedWithLocalAccount: true);
        world.AddVault("private", LocalAwsWorld.SecondAccount);
        var west = world.AddVault("west", LocalAwsWorld.SecondAccount, LocalAwsWorld.SecondRegion);
        world.CopyRecoveryPoint(points[2], LocalVault.ArnOf(LocalAwsWorld.Region, LocalAwsWorld.Account, "sealed"), Now.AddHours(-1));
        world.CopyRecoveryPoint(points[2], airGapped.Arn, Now.AddHours(-1));
        world.CopyRecoveryPoint(points[0], west.Arn, Now);
        return (world, s3);
    }

    /// <summary>Every page of a listing, each checked against the API model, and at most two items a page.</summary>
    private static async Task<List<JsonObject>> AllAsync(LocalAwsWorld world, string action, JsonObject input, string itemsMember)
    {
        var model = ApiModel.For("backup");
        var operation = model.Operation(action)!;
        var items = new List<JsonObject>();
        string? token = null;
        do
        {
            var request = input.DeepClone().AsObject();
            if (token is not null)
            {
                request["NextToken"] = token;
            }

            Assert.Empty(model.CheckInput(operation, request));
            var page = (await world.CallAsync("backup", action, request, default)).AsObject();
            Assert.Empty(model.CheckOutput(operation, page));
            var pageItems = page[itemsMember]!.AsArray().Select(i => i!.AsObject()).ToList();
            Assert.True(pageItems.Count <= 2, $"{action} gave {pageItems.Count} items on one page");
            items.AddRange(pageItems);
            token = page["NextToken"]?.GetValue<string>();
        }
        while (token is not null);
        return items;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
