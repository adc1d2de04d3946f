using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Tests.Plans;

/// <summary>"recoveryPoint.vault" and "recoveryPoint.copyOf": where an aws-backup target's point must come from, and how they meet backupVaultName and resourceArn.</summary>
public sealed class PointOriginPlanTests
{
    private const string Source = "arn:aws:dynamodb:eu-west-1:111122223333:table/orders";
    private const string SharedVault = "arn:aws:backup:eu-central-1:444455556666:backup-vault:air-gapped";

    [Fact]
    public void CopyOf_WithoutResourceArn_StandsForTheSource_ListsOnlyCopies_AndNeverReadsTheSource()
    {
        var target = Single($$"""{ "id": "orders", "type": "aws-backup", "recoveryPoint": { "copyOf": "{{Source}}" } }""");

        Assert.Equal(Source, target.ResourceArn);
        Assert.Equal("orders", target.ResourceName);
        Assert.True(target.Origin!.CopiesOnly);
        Assert.Null(target.BackupVaultName);
        Assert.False(target.SourceReachable);
        Assert.Contains("another account or region", target.SourceSkippedBecause, StringComparison.Ordinal);
        Assert.Null(target.RecoveryPoint);
    }

    [Fact]
    public void Vault_ByArnOfAnotherAccount_GivesItsNameAndAccount_AndTheSourceIsOutOfReach()
    {
        var target = Single($$"""{ "id": "orders", "type": "aws-backup", "resourceArn": "{{Source}}", "recoveryPoint": { "vault": "{{SharedVault}}", "select": "oldest", "withinDays": 7 } }""");

        Assert.Equal("air-gapped", target.BackupVaultName);
        Assert.Equal("444455556666", target.Origin!.VaultAccountId);
        Assert.False(target.Origin.CopiesOnly);
        Assert.False(target.SourceReachable);
        Assert.Equal(new RecoveryPointRule(DrillRunner.Core.Runs.PointSelect.Oldest, 7), target.RecoveryPoint);
    }

    [Fact]
    public void Vault_ByNameOfThisAccount_ReadsTheSourceAsBefore_AndAgreesWithTheSameBackupVaultName()
    {
        var target = Single($$"""{ "id": "orders", "type": "aws-backup", "resourceArn": "{{Source}}", "backupVaultName": "copies", "recoveryPoint": { "vault": "copies" } }""");

        Assert.Equal("copies", target.BackupVaultName);
        Assert.Null(target.Origin!.VaultAccountId);
        Assert.True(target.SourceReachable);
    }

    [Theory]
    [InlineData($$"""{ "id": "t", "type": "aws-backup", "resourceArn": "{{Source}}", "backupVaultName": "prod", "recoveryPoint": { "vault": "copies" } }""", "$.targets[0].recoveryPoint.vault", "remove backupVaultName")]
    [InlineData($$"""{ "id": "t", "type": "aws-backup", "resourceArn": "arn:aws:dynamodb:eu-west-1:111122223333:table/other", "recoveryPoint": { "copyOf": "{{Source}}" } }""", "$.targets[0].resourceArn", "remove resourceArn")]
    [InlineData("""{ "id": "t", "type": "aws-backup", "recoveryPoint": { "copyOf": "orders" } }""", "$.targets[0].recoveryPoint.copyOf", "arn:aws:s3:::BUCKET")]
    [InlineData($$"""{ "id": "t", "type": "aws-backup", "resourceArn": "{{Source}}", "recoveryPoint": { "vault": "arn:aws:backup:eu-west-1:1234:backup-vault:x" } }""", "$.targets[0].recoveryPoint.vault", "backup-vault:NAME")]
    [InlineData($$"""{ "id": "t", "type": "aws-backup", "resourceArn": "{{Source}}", "recoveryPoint": { "vault": "my vault!" } }""", "$.targets[0].recoveryPoint.vault", "give its ARN")]
    [InlineData("""{ "id": "t", "type": "aws-backup", "recoveryPoint": { "vault": "copies" } }""", "$.targets[0].resourceArn", "copyOf")]
    [InlineData($$"""{ "id": "t", "type": "aws-backup", "resourceArn": "{{Source}}", "recoveryPoint": { "vault": "copies", "withinDays": 3 } }""", "$.targets[0].recoveryPoint.withinDays", "add \"select\"")]
    [InlineData($$"""{ "id": "t", "type": "dynamodb", "tableName": "orders", "recoveryPoint": { "select": "latest", "vault": "copies" } }""", "$.targets[0].recoveryPoint.vault", "type\": \"aws-backup\"")]
    public void Contradiction_OrBadValue_IsRefusedAtItsPath_WithTheFix(string target, string path, string fix)
    {
        var problems = PlanReader.Read(Plan(target)).Problems;

        // (An invalid target also leaves "$.targets is empty"; nothing else may be reported.)
        var problem = Assert.Single(problems, p => p.Path != "$.targets");
        Assert.Equal(path, problem.Path);
        Assert.Contains(fix, problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanLevelRecoveryPoint_TakesNoVault_AndASelectRuleNoCopyOf()
    {
        var plan = Plan($$"""{ "id": "t", "type": "aws-backup", "resourceArn": "{{Source}}" }""").Replace("\"targets\"", "\"recoveryPoint\": { \"select\": \"latest\", \"vault\": \"copies\" }, \"targets\"", StringComparison.Ordinal);

        Assert.Equal("$.recoveryPoint.vault", Assert.Single(PlanReader.Read(plan).Problems).Path);
    }

    [Fact]
    public void CommonInstant_KeepsATargetsVault_ButNotItsOwnSelect()
    {
        var withVault = Plan($$"""{ "id": "t", "type": "aws-backup", "resourceArn": "{{Source}}", "recoveryPoint": { "vault": "{{SharedVault}}" } }""").Replace("\"targets\"", "\"recoveryInstant\": \"common\", \"targets\"", StringComparison.Ordinal);
        var withSelect = withVault.Replace("\"recoveryPoint\": { \"vault\"", "\"recoveryPoint\": { \"select\": \"random\", \"vault\"", StringComparison.Ordinal);

        var target = Assert.IsType<AwsBackupTarget>(Assert.Single(PlanReader.Read(withVault).PlanOrThrow().Targets));
        Assert.Equal("air-gapped", target.BackupVaultName);
        Assert.Equal("$.targets[0].recoveryPoint", Assert.Single(PlanReader.Read(withSelect).Problems).Path);
    }

    [Fact]
    public void ACopyOfAnotherAccountsResource_PassesTheStacksScope_ButItsVaultMustBeInTheStacksRegion()
    {
        var stack = new ArnScope("aws", "eu-central-1", "444455556666");
        var copy = Plan($$"""{ "id": "t", "type": "aws-backup", "recoveryPoint": { "copyOf": "{{Source}}" } }""");
        var vaultElsewhere = Plan($$"""{ "id": "t", "type": "aws-backup", "resourceArn": "{{Source}}", "recoveryPoint": { "vault": "{{SharedVault.Replace("eu-central-1", "us-east-1", StringComparison.Ordinal)}}" } }""");
        var plainElsewhere = Plan($$"""{ "id": "t", "type": "aws-backup", "resourceArn": "{{Source}}" }""");

        Assert.Empty(PlanReader.Read(copy, stack: stack).Problems);
        Assert.Equal("$.targets[0].recoveryPoint.vault", Assert.Single(PlanReader.Read(vaultElsewhere, stack: stack).Problems).Path);
        Assert.Equal("$.targets[0].resourceArn", Assert.Single(PlanReader.Read(plainElsewhere, stack: stack).Problems).Path);
    }

    [Theory]
    [InlineData("""{ "id": "orders", "type": "dynamodb", "tableName": "orders", "recoveryPoint": { "copyOf": "arn:aws:dynamodb:eu-west-1:111122223333:table/orders" } }""", "$.targets[0].recoveryPoint.copyOf", "only an \"aws-backup\" target's recoveryPoint can")]
    [InlineData("""{ "id": "orders", "type": "dynamodb", "tableName": "orders", "recoveryPoint": { "vault": "copies" } }""", "$.targets[0].recoveryPoint.vault", "only an \"aws-backup\" target's recoveryPoint can")]
    [InlineData("""{ "id": "orders", "type": "aws-backup", "resourceArn": "arn:aws:dynamodb:eu-west-1:111122223333:table/orders", "recoveryPoint": { "vault": "" } }""", "$.targets[0].recoveryPoint.vault", "")]
    public void AnOriginRefused_IsTheOneProblem_NoSelectRequiredNorEmptyTargetsBesideIt(string target, string path, string message)
    {
        var problems = PlanReader.Read(Plan(target)).Problems;

        var problem = Assert.Single(problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    private static AwsBackupTarget Single(string target) => Assert.IsType<AwsBackupTarget>(Assert.Single(PlanReader.Read(Plan(target)).PlanOrThrow().Targets));

    private static string Plan(string targets) => $$"""
        { "name": "p", "objectives": { "rtoMinutes": 60, "rpoMinutes": 60 }, "scratchPrefix": "drill-", "targets": [ {{targets}} ] }
        """;
}
