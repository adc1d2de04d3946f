using DrillRunner.Core;

namespace DrillFunctions.Tests;

/// <summary>The functions' settings fail the cold start on a missing or malformed variable, naming it and the fix.</summary>
public sealed class DrillSettingsTests
{
    private static Dictionary<string, string> Deployed() => new(StringComparer.Ordinal)
    {
        [EnvironmentVariables.RunsTable] = "drill-runner-RunsTable-1A2B3C",
        [EnvironmentVariables.ScratchPrefix] = "drill-",
        [EnvironmentVariables.NotificationsTopicArn] = "arn:aws:sns:eu-west-1:123456789012:drill-notifications",
        [EnvironmentVariables.BackupStaleHours] = "26",
        [EnvironmentVariables.DrillStaleDays] = "8",
        [EnvironmentVariables.SurvivalRequire] = "stack,region",
        [EnvironmentVariables.AwsRegion] = "eu-west-1",
    };

    public static TheoryData<string> Required => [.. DrillSettings.SetByTemplate];

    [Fact]
    public void From_TheDeployedEnvironment_ReadsEverySetting()
    {
        var settings = DrillSettings.From(Deployed().GetValueOrDefault);

        Assert.Equal(new DrillSettings("drill-runner-RunsTable-1A2B3C", "drill-", "arn:aws:sns:eu-west-1:123456789012:drill-notifications", settings.Coverage, null, "eu-west-1"), settings);
        Assert.Equal((TimeSpan.FromHours(26), TimeSpan.FromDays(8)), (settings.Coverage.BackupStaleAfter, settings.Coverage.DrillStaleAfter));
        Assert.Equal([DrillRunner.Core.Plans.SurvivalEvent.Stack, DrillRunner.Core.Plans.SurvivalEvent.Region], settings.Coverage.SurvivalRequired);
    }

    [Fact]
    public void From_SurvivalRequireNone_RequiresNothing()
    {
        var environment = Deployed();
        environment[EnvironmentVariables.SurvivalRequire] = "none";

        Assert.Empty(DrillSettings.From(environment.GetValueOrDefault).Coverage.SurvivalRequired);
    }

    [Theory]
    [MemberData(nameof(Required))]
    public void From_AMissingVariable_FailsNamingItAndTheFix(string variable)
    {
        var environment = Deployed();
        environment.Remove(variable);

        var error = Assert.Throws<DrillSettingsInvalid>(() => DrillSettings.From(environment.GetValueOrDefault));

        Assert.Equal(variable, error.Variable);
        Assert.StartsWith($"{variable} is not set. Fix: set it to ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EnvironmentVariables.RunsTable, "runs table")]
    [InlineData(EnvironmentVariables.RunsTable, "  ")]
    [InlineData(EnvironmentVariables.ScratchPrefix, "drill")]
    [InlineData(EnvironmentVariables.ScratchPrefix, "-")]
    [InlineData(EnvironmentVariables.NotificationsTopicArn, "drill-notifications")]
    [InlineData(EnvironmentVariables.BackupStaleHours, "a day")]
    [InlineData(EnvironmentVariables.BackupStaleHours, "0")]
    [InlineData(EnvironmentVariables.DrillStaleDays, "400")]
    [InlineData(EnvironmentVariables.SurvivalRequire, "stack,az")]
    [InlineData(EnvironmentVariables.SurvivalRequire, "stack,")]
    [InlineData(EnvironmentVariables.DynamoDbEndpoint, "localhost:8000")]
    public void From_AMalformedVariable_FailsNamingItAndTheFix(string variable, string value)
    {
        var environment = Deployed();
        environment[variable] = value;

        var error = Assert.Throws<DrillSettingsInvalid>(() => DrillSettings.From(environment.GetValueOrDefault));

        Assert.Equal(variable, error.Variable);
        Assert.StartsWith(variable + " is ", error.Message, StringComparison.Ordinal);
        Assert.Contains(". Fix: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFunction_BuiltFromABadEnvironment_FailsItsColdStart()
    {
        // The parameterless constructor is what Lambda calls at cold start; this process has no runs table set.
        Assert.Null(Environment.GetEnvironmentVariable(EnvironmentVariables.RunsTable));

        var error = Assert.ThrowsAny<Exception>(() => new JanitorFunction());

        Assert.Equal(EnvironmentVariables.RunsTable, Assert.IsType<DrillSettingsInvalid>(error.InnerException ?? error).Variable);
    }
}
