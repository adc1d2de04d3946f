using DrillRunner.Core;

namespace DrillFunctions.Tests;

/// <summary>Every variable <see cref="DrillSettings"/> reads at cold start is one template.yaml sets for every function.</summary>
public sealed class FunctionEnvironmentTests
{
    private readonly Dictionary<object, object> _template = TemplateDocument.Load();

    [Fact]
    public void EveryFunction_IsGivenEveryVariableTheSettingsRequire()
    {
        var functions = TemplateDocument.OfType(_template, "AWS::Serverless::Function").ToList();

        Assert.Equal(DrillFunctionCatalog.Functions.Count + DrillFunctionCatalog.Scheduled.Count, functions.Count);
        Assert.All(functions, f => Assert.All(DrillSettings.SetByTemplate, variable =>
            Assert.True(TemplateDocument.EnvironmentOf(_template, f.Properties).ContainsKey(variable), $"{f.Name} is not given {variable}, which DrillSettings requires at cold start")));
    }

    [Fact]
    public void TheTemplate_SetsNoVariableThatLambdaOrATestSets()
    {
        var set = TemplateDocument.OfType(_template, "AWS::Serverless::Function").SelectMany(f => TemplateDocument.EnvironmentOf(_template, f.Properties).Keys);

        Assert.DoesNotContain(set, DrillSettings.SetElsewhere.Contains);
        Assert.Contains(EnvironmentVariables.AwsRegion, DrillSettings.SetElsewhere);
    }

    [Fact]
    public void TheTemplatesParameters_AllowWhatTheSettingsAccept()
    {
        var parameters = TemplateDocument.Map(_template["Parameters"]);
        string Of(string parameter, string key) => (string)TemplateDocument.Map(parameters[parameter])[key];

        Assert.Equal(DrillSettings.ScratchPrefixRule, Of("ScratchPrefix", "AllowedPattern"));
        Assert.Equal(DrillRunner.Core.Coverage.CoverageThresholds.MaxHours.ToString(System.Globalization.CultureInfo.InvariantCulture), Of("BackupStaleHours", "MaxValue"));
        Assert.Equal(DrillRunner.Core.Coverage.CoverageThresholds.MaxDays.ToString(System.Globalization.CultureInfo.InvariantCulture), Of("DrillStaleDays", "MaxValue"));
        Assert.Equal(DrillRunner.Core.Plans.SurvivalEvents.ListRule, Of("SurvivalRequire", "AllowedPattern"));
    }

    [Fact]
    public void TheTemplatesEnvironment_MakesValidSettings()
    {
        var (_, janitor) = TemplateDocument.OfType(_template, "AWS::Serverless::Function").First(f => f.Name == "JanitorFunction");
        var parameters = TemplateDocument.Map(_template["Parameters"]);
        // What CloudFormation would pass: a parameter's default, or a resource's name or ARN.
        string Resolved(object value) =>
            (string)TemplateDocument.Map(value)["Ref"] is var name && parameters.TryGetValue(name, out var parameter)
                ? Convert.ToString(TemplateDocument.Map(parameter)["Default"], System.Globalization.CultureInfo.InvariantCulture)!
                : name == "NotificationsTopic" ? "arn:aws:sns:eu-west-1:123456789012:drill-notifications" : "drill-runner-" + name + "-1A2B3C";
        var environment = TemplateDocument.EnvironmentOf(_template, janitor).ToDictionary(v => v.Key, v => Resolved(v.Value));

        var settings = DrillSettings.From(environment.GetValueOrDefault);

        Assert.Equal("drill-", settings.ScratchPrefix);
        Assert.Equal(TimeSpan.FromHours(26), settings.Coverage.BackupStaleAfter);
        Assert.Equal(DrillRunner.Core.Plans.SurvivalEvents.Default, settings.Coverage.SurvivalRequired);
    }
}
