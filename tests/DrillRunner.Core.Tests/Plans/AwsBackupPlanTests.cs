using DrillRunner.Core.Kinds;
using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Tests.Plans;

/// <summary>Reading "aws-backup" targets: the ARN decides the type, the type decides what may be verified, and nothing may point the restore at the source.</summary>
public sealed class AwsBackupPlanTests
{
    [Theory]
    [InlineData("arn:aws:dynamodb:eu-west-1:123456789012:table/ledger", ScratchKinds.DynamoDbTable, "ledger")]
    [InlineData("arn:aws:s3:::invoices-prod", ScratchKinds.S3Bucket, "invoices-prod")]
    [InlineData("arn:aws:rds:eu-west-1:123456789012:db:billing", ScratchKinds.RdsInstance, "billing")]
    [InlineData("arn:aws:rds:eu-west-1:123456789012:cluster:orders", ScratchKinds.RdsCluster, "orders")]
    [InlineData("arn:aws:ec2:eu-west-1:123456789012:volume/vol-0abc", ScratchKinds.EbsVolume, "vol-0abc")]
    [InlineData("arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-0abc", ScratchKinds.EfsFileSystem, "fs-0abc")]
    [InlineData("arn:aws-us-gov:rds:us-gov-west-1:123456789012:db:billing", ScratchKinds.RdsInstance, "billing")]
    public void Read_ResourceArn_GivesKindAndName(string arn, string kind, string name)
    {
        var target = Assert.IsType<AwsBackupTarget>(Assert.Single(Read(Target(arn)).PlanOrThrow().Targets));

        Assert.Equal(kind, target.Kind.ScratchKind);
        Assert.Equal(name, target.ResourceName);
    }

    [Theory]
    [InlineData("arn:aws:s3:::bucket/key")]
    [InlineData("arn:aws:rds:eu-west-1:123456789012:snapshot:nightly")]
    [InlineData("arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc")]
    [InlineData("orders-prod")]
    public void Read_ArnOfNoRestorableType_NamesTheFieldAndTheFormsAccepted(string arn)
    {
        var problem = Assert.Single(Read(Target(arn)).Problems, p => p.Path == "$.targets[0].resourceArn");

        Assert.Contains($"'{arn}' is not the ARN of a resource type", problem.Message, StringComparison.Ordinal);
        Assert.Contains("arn:aws:s3:::BUCKET", problem.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:rds:eu-west-1:123456789012:db:billing", "DBInstanceIdentifier")]
    [InlineData("arn:aws:s3:::invoices", "NewBucket")]
    [InlineData("arn:aws:s3:::invoices", "destinationbucketname")]
    [InlineData("arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-1", "newFileSystem")]
    [InlineData("arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-1", "file-system-id")]
    [InlineData("arn:aws:dynamodb:eu-west-1:123456789012:table/ledger", "targetTableName")]
    public void Read_MetadataOverrideOfAKeyThatNamesOrPlacesTheRestore_IsRefused(string arn, string key)
    {
        var problem = Assert.Single(Read(Target(arn, $"\"restoreMetadata\": {{ \"{key}\": \"x\" }}")).Problems);

        Assert.Equal($"$.targets[0].restoreMetadata.{key}", problem.Path);
        Assert.Contains("set by the runner", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_VerificationFieldOfAnotherType_IsAnUnknownField()
    {
        var problem = Assert.Single(Read(Target("arn:aws:s3:::invoices", "\"verification\": { \"minItemCount\": 5 }")).Problems);

        Assert.Equal("$.targets[0].verification.minItemCount", problem.Path);
        Assert.Contains("minObjectCount", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BucketVerification_AllFields()
    {
        var target = (AwsBackupTarget)Read(Target("arn:aws:s3:::invoices", "\"verification\": { \"minObjectCount\": 1, \"maxObjectCount\": 9, \"minTotalBytes\": 10, \"maxTotalBytes\": 90, \"tolerancePercentOfSource\": 2, \"sentinelKeys\": [\"a/b.pdf\"] }, \"maxRecoveryPointAgeHours\": 26, \"backupVaultName\": \"prod\"")).PlanOrThrow().Targets[0];

        Assert.Equal((1L, 9L, 10L, 90L, 2.0), (target.Bucket.MinObjectCount, target.Bucket.MaxObjectCount, target.Bucket.MinTotalBytes, target.Bucket.MaxTotalBytes, target.Bucket.TolerancePercentOfSource));
        Assert.Equal("a/b.pdf", Assert.Single(target.Bucket.SentinelKeys));
        Assert.Equal(TimeSpan.FromHours(26), target.MaxRecoveryPointAge);
        Assert.Equal("prod", target.BackupVaultName);
    }

    [Theory]
    [InlineData("arn:aws:rds:eu-west-1:123456789012:db:billing", "Billing-DB")]
    [InlineData("arn:aws:s3:::invoices", "Invoices")]
    [InlineData("arn:aws:s3:::invoices", "a_b")]
    [InlineData("arn:aws:rds:eu-west-1:123456789012:cluster:orders", "orders-")]
    public void Read_ScratchNameAwsWouldRefuse_IsReportedOnTheId(string arn, string id)
    {
        var result = Read(Target(arn).Replace("\"id\": \"t\"", $"\"id\": \"{id}\"", StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems, p => p.Path == "$.targets[0].id");
        Assert.Contains("lowercase", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RdsTargetWithAnUnderscorePrefix_IsRefused_BecauseRdsNamesCannotHoldIt()
    {
        var result = Read(Target("arn:aws:rds:eu-west-1:123456789012:db:billing"), "dr_");

        Assert.Contains(result.Problems, p => p.Path == "$.targets[0].id" && p.Message.Contains("not a valid RDS identifier", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SourceNamedWithTheScratchPrefix_IsRefused()
    {
        var problem = Assert.Single(Read(Target("arn:aws:rds:eu-west-1:123456789012:db:drill-billing")).Problems);

        Assert.Equal("$.targets[0].resourceArn", problem.Path);
        Assert.Contains("scratch prefix", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SameResourceTwice_IsRefused()
    {
        var json = Plan($"{Target("arn:aws:s3:::invoices")}, {Target("arn:aws:s3:::invoices").Replace("\"id\": \"t\"", "\"id\": \"u\"", StringComparison.Ordinal)}");

        Assert.Contains(PlanReader.Read(json).Problems, p => p.Path == "$.targets[1].resourceArn" && p.Message.Contains("also drilled", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_VerifierThatIsNotALambdaNameOrArn_IsRefused()
    {
        var problem = Assert.Single(Read(Target("arn:aws:rds:eu-west-1:123456789012:db:billing", "\"verifierFunction\": \"arn:aws:sns:eu-west-1:123456789012:topic\"")).Problems);

        Assert.Equal("$.targets[0].verifierFunction", problem.Path);
    }

    [Fact]
    public void Read_MoreBackupTargetsThanTeardownReadsInOnePage_IsRefused()
    {
        var targets = string.Join(", ", Enumerable.Range(0, 101).Select(i => Target($"arn:aws:s3:::bucket-{i}").Replace("\"id\": \"t\"", $"\"id\": \"t{i}\"", StringComparison.Ordinal)));

        var problem = Assert.Single(PlanReader.Read(Plan(targets)).Problems);

        Assert.Equal("$.targets", problem.Path);
        Assert.Contains("101 aws-backup targets", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MoreTargetsThanAPlanDrills_IsRefusedWithTheSplitToMake()
    {
        var table = (int i) => $$"""{ "id": "t{{i}}", "type": "dynamodb", "tableName": "orders-{{i}}" }""";

        var atLimit = PlanReader.Read(Plan(string.Join(", ", Enumerable.Range(0, PlanRules.MaxTargets).Select(table)), concurrency: 50));
        var problem = Assert.Single(PlanReader.Read(Plan(string.Join(", ", Enumerable.Range(0, PlanRules.MaxTargets + 1).Select(table)), concurrency: 50)).Problems);

        Assert.True(atLimit.IsValid, string.Join("\n", atLimit.Problems));
        Assert.Equal("$.targets", problem.Path);
        Assert.Contains($"{PlanRules.MaxTargets + 1} targets", problem.Message, StringComparison.Ordinal);
        Assert.Contains("split", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MoreWavesOfTableRestoresThanFitTheDrill_IsRefusedWithTheConcurrencyToRaise()
    {
        var table = (int i) => $$"""{ "id": "t{{i}}", "type": "dynamodb", "tableName": "orders-{{i}}" }""";

        // 16 waves of 4 × 20 minutes fit in 90 % of 6 hours; a 17th does not.
        var fits = PlanReader.Read(Plan(string.Join(", ", Enumerable.Range(0, 64).Select(table)), concurrency: 4));
        var problem = Assert.Single(PlanReader.Read(Plan(string.Join(", ", Enumerable.Range(0, 65).Select(table)), concurrency: 4)).Problems);

        Assert.True(fits.IsValid, string.Join("\n", fits.Problems));
        Assert.Equal("$.maxConcurrentRestores", problem.Path);
        Assert.Contains("17 waves of at least 20 minutes", problem.Message, StringComparison.Ordinal);
        Assert.Contains("at most 64 tables fit", problem.Fix, StringComparison.Ordinal);
    }

    private static string Target(string arn, string extra = "") =>
        $$"""{ "id": "t", "type": "aws-backup", "resourceArn": "{{arn}}"{{(extra.Length > 0 ? ", " + extra : string.Empty)}} }""";

    private static string Plan(string targets, string prefix = "drill-", int concurrency = 4) => $$"""
        { "name": "p", "objectives": { "rtoMinutes": 60, "rpoMinutes": 60 }, "scratchPrefix": "{{prefix}}", "maxConcurrentRestores": {{concurrency}}, "targets": [ {{targets}} ] }
        """;

    private static PlanValidationResult Read(string target, string prefix = "drill-") => PlanReader.Read(Plan(target, prefix));
}
