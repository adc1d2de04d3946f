using System.Text.Json;
using System.Text.Json.Nodes;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Json;
using DrillRunner.Core.Runs;
using DrillRunner.Local.AwsWorld;

namespace DrillFunctions.Tests;

/// <summary>
/// The requests ChooseRecoveryPoint prepares for the tasks that take theirs whole (InputPath): every member, as
/// the function serializes it, is a member of the AWS Backup API model's input, and the tasks read them where the function puts them.
/// </summary>
public sealed class VaultListingRequestTests
{
    private static readonly ApiModel Backup = ApiModel.For("backup");

    [Fact]
    public void EveryRequestForm_FollowsTheApiModel_AndLeavesOutWhatIsNotSet()
    {
        var points = Serialize(new PointListing(PointListing.Points, new PointListingRequest { BackupVaultName = "air-gapped", BackupVaultAccountId = "777788889999", ByResourceArn = "arn:aws:s3:::invoices", MaxResults = 100, NextToken = "t" }));
        var vaults = Serialize(new PointListing(PointListing.Vaults, new PointListingRequest { ByShared = true, MaxResults = 100, NextToken = "t" }));
        var metadata = JsonNode.Parse(JsonSerializer.Serialize(new RestoreMetadataRequest("air-gapped", "rp-1") { BackupVaultAccountId = "777788889999" }, DrillJson.Default.RestoreMetadataRequest))!.AsObject();
        var own = Serialize(new PointListing(PointListing.Points, new PointListingRequest { BackupVaultName = "copies", MaxResults = 100 }));

        Assert.Empty(Backup.CheckInput("ListRecoveryPointsByBackupVault", points["request"]!.AsObject()));
        Assert.Empty(Backup.CheckInput("ListBackupVaults", vaults["request"]!.AsObject()));
        Assert.Empty(Backup.CheckInput("GetRecoveryPointRestoreMetadata", metadata));
        Assert.Equal(5, points["request"]!.AsObject().Count);
        Assert.Equal(["BackupVaultName", "MaxResults"], own["request"]!.AsObject().Select(m => m.Key).Order());
        Assert.Equal(PointListing.Points, own["call"]!.GetValue<string>());
    }

    [Fact]
    public void TheTasksThatTakeAPreparedRequest_ReadItWhereChooseRecoveryPointAnswers()
    {
        var states = AslDocument.States(AslDocument.Load()).ToDictionary(s => s.Name, s => s.State);

        Assert.Equal("$.choice.value.listing.request", states["ListBackupVaults"]["InputPath"]!.GetValue<string>());
        Assert.Equal("$.choice.value.listing.request", states["ListVaultRecoveryPoints"]["InputPath"]!.GetValue<string>());
        Assert.Equal("$.choice.value.metadata", states["GetRestoreMetadata"]["InputPath"]!.GetValue<string>());
        var answer = JsonNode.Parse(JsonSerializer.Serialize(new RecoveryPointChoice(true, null, null, null) { Listing = new PointListing(PointListing.Vaults, new PointListingRequest { MaxResults = 1 }), Metadata = new RestoreMetadataRequest("v", "rp") }, DrillJson.Default.RecoveryPointChoice))!;
        Assert.NotNull(answer["listing"]!["request"]);
        Assert.NotNull(answer["metadata"]);
    }

    private static JsonObject Serialize(PointListing listing) => JsonNode.Parse(JsonSerializer.Serialize(listing, DrillJson.Default.PointListing))!.AsObject();
}
