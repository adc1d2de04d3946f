using System.Globalization;
using System.Text.RegularExpressions;
using DrillRunner.Core;
using DrillRunner.Core.Coverage;
using DrillRunner.Core.Plans;

namespace DrillFunctions;

/// <summary>
/// The functions host's settings, read from the environment once per Lambda container and
/// validated before any use case is built: a missing or malformed variable fails the cold start
/// (<see cref="DrillSettingsInvalid"/>), not a drill. template.yaml sets every variable in
/// <see cref="SetByTemplate"/> for every function (Globals), so all functions share one shape.
/// </summary>
/// <param name="RunsTable">The runs table's name.</param>
/// <param name="ScratchPrefix">The stack's scratch prefix, which the janitor sweeps and the coverage audit leaves out.</param>
/// <param name="NotificationsTopicArn">Where a summary goes on anything but PASS when the plan names no topic.</param>
/// <param name="Coverage">The coverage audit's deployed thresholds.</param>
/// <param name="DynamoDbEndpoint">A DynamoDB endpoint other than AWS's (tests); null in AWS.</param>
/// <param name="Region">The region the function runs in (Lambda sets it); prices are the region's.</param>
public sealed partial record DrillSettings(
    string RunsTable,
    string ScratchPrefix,
    string? NotificationsTopicArn,
    CoverageThresholds Coverage,
    Uri? DynamoDbEndpoint = null,
    string? Region = null)
{
    /// <summary>The variables template.yaml must set for every function.</summary>
    public static IReadOnlyList<string> SetByTemplate { get; } =
    [
        EnvironmentVariables.RunsTable,
        EnvironmentVariables.ScratchPrefix,
        EnvironmentVariables.NotificationsTopicArn,
        EnvironmentVariables.BackupStaleHours,
        EnvironmentVariables.DrillStaleDays,
        EnvironmentVariables.SurvivalRequire,
    ];

    /// <summary>The variables read but not set by the template: Lambda sets the region, tests may set an endpoint.</summary>
    public static IReadOnlyList<string> SetElsewhere { get; } = [EnvironmentVariables.AwsRegion, EnvironmentVariables.DynamoDbEndpoint];

    /// <summary>The process's environment, read and checked.</summary>
    public static DrillSettings FromEnvironment() => From(Environment.GetEnvironmentVariable);

    /// <summary>Settings from any lookup of variables (tests pass a dictionary's).</summary>
    public static DrillSettings From(Func<string, string?> variable)
    {
        string Required(string name, string fix) =>
            variable(name) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value)
                ? value
                : throw new DrillSettingsInvalid(name, "is not set", fix);

        var runsTable = Required(EnvironmentVariables.RunsTable, "set it to the runs table's name (template.yaml: Ref RunsTable).");
        if (!TableName().IsMatch(runsTable))
        {
            throw new DrillSettingsInvalid(EnvironmentVariables.RunsTable, $"is '{runsTable}', not a DynamoDB table name", "use 3-255 letters, digits, '_', '-' or '.' (template.yaml: Ref RunsTable).");
        }

        var prefix = Required(EnvironmentVariables.ScratchPrefix, "set it to the stack's scratch prefix, the plans' scratchPrefix (template.yaml: Ref ScratchPrefix).");
        if (!ScratchPrefixPattern().IsMatch(prefix))
        {
            throw new DrillSettingsInvalid(EnvironmentVariables.ScratchPrefix, $"is '{prefix}', not a scratch prefix", "use 3-40 letters, digits, '_', '-' or '.', ending in '-', '_' or '.' (e.g. drill-), as the template's ScratchPrefix parameter allows.");
        }

        var topic = Required(EnvironmentVariables.NotificationsTopicArn, "set it to the stack's SNS topic ARN (template.yaml: Ref NotificationsTopic).");
        if (!topic.StartsWith("arn:", StringComparison.Ordinal) || !topic.Contains(":sns:", StringComparison.Ordinal))
        {
            throw new DrillSettingsInvalid(EnvironmentVariables.NotificationsTopicArn, $"is '{topic}', not an SNS topic ARN", "set it to an ARN like arn:aws:sns:REGION:ACCOUNT:NAME (template.yaml: Ref NotificationsTopic).");
        }

        var hours = Number(EnvironmentVariables.BackupStaleHours, Required(EnvironmentVariables.BackupStaleHours, "set it to a number of hours (template.yaml: Ref BackupStaleHours)."), "hours", 1, CoverageThresholds.MaxHours);
        var days = Number(EnvironmentVariables.DrillStaleDays, Required(EnvironmentVariables.DrillStaleDays, "set it to a number of days (template.yaml: Ref DrillStaleDays)."), "days", 1, CoverageThresholds.MaxDays);

        var survivalText = Required(EnvironmentVariables.SurvivalRequire, $"set it to a comma-separated list of {SurvivalEvents.List}, or {SurvivalEvents.None} (template.yaml: Ref SurvivalRequire).");
        var survival = SurvivalEvents.ParseList(survivalText)
            ?? throw new DrillSettingsInvalid(EnvironmentVariables.SurvivalRequire, $"is '{survivalText}', not a list of events to survive", $"set it to a comma-separated list of {SurvivalEvents.List} (e.g. stack,account), or {SurvivalEvents.None}.");

        Uri? endpoint = null;
        if (variable(EnvironmentVariables.DynamoDbEndpoint) is { Length: > 0 } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https")))
        {
            throw new DrillSettingsInvalid(EnvironmentVariables.DynamoDbEndpoint, $"is '{url}', not an http(s) URL", "set it to e.g. http://127.0.0.1:8000, or leave it unset in AWS.");
        }

        return new DrillSettings(runsTable, prefix, topic, CoverageThresholds.From(hours, days) with { SurvivalRequired = survival }, endpoint, variable(EnvironmentVariables.AwsRegion) is { Length: > 0 } region ? region : null);
    }

    private static double Number(string name, string text, string unit, double min, double max) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new DrillSettingsInvalid(name, $"is '{text}', not a number of {unit} from {min} to {max}", $"set it to a number of {unit} from {min} to {max}.");

    [GeneratedRegex("^[A-Za-z0-9_.-]{3,255}$")]
    private static partial Regex TableName();

    /// <summary>What a scratch prefix may be: the template's AllowedPattern for its ScratchPrefix parameter (tested).</summary>
    public const string ScratchPrefixRule = "^[A-Za-z0-9_.-]{2,39}[-_.]$";

    [GeneratedRegex(ScratchPrefixRule)]
    private static partial Regex ScratchPrefixPattern();
}
