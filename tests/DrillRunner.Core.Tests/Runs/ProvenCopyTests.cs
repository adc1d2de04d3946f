using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Tests.Runs;

/// <summary>The sentence status and the reports give for the copy a drill proved.</summary>
public sealed class ProvenCopyTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 26, 23, 30, 5, TimeSpan.Zero);

    [Fact]
    public void ACopy_NamesItsVault_AccountAndRegion_TheVaultItWasCopiedFrom_AndWhen()
    {
        var copy = new ProvenCopy("air-gapped", "arn:aws:backup:eu-central-1:777788889999:backup-vault:air-gapped", "777788889999", "eu-central-1", "arn:aws:backup:eu-west-1:111122223333:backup-vault:prod", Created);

        Assert.Equal(
            "restored from copy rp-1 in vault air-gapped (account 777788889999, region eu-central-1), copied from arn:aws:backup:eu-west-1:111122223333:backup-vault:prod, of a backup taken at 2026-11-26 23:30:05Z",
            copy.Sentence("rp-1"));
    }

    [Fact]
    public void APointThatIsNoCopy_IsSaidToBeNone()
    {
        var point = new ProvenCopy("copies", null, null, null, null, Created);

        Assert.Equal("restored from rp-2 in vault copies, created at 2026-11-26 23:30:05Z (not a copy)", point.Sentence("rp-2"));
    }
}
