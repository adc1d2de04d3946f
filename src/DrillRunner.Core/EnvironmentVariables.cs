namespace DrillRunner.Core;

/// <summary>The environment variables the functions (from template.yaml) and the CLI read.</summary>
public static class EnvironmentVariables
{
    /// <summary>The runs table's name.</summary>
    public const string RunsTable = "DRILL_RUNS_TABLE";

    /// <summary>A DynamoDB endpoint other than AWS's (local mode, tests).</summary>
    public const string DynamoDbEndpoint = "DRILL_DYNAMODB_ENDPOINT";

    /// <summary>The stack's SNS topic, used when a plan names none.</summary>
    public const string NotificationsTopicArn = "DRILL_NOTIFICATIONS_TOPIC_ARN";

    /// <summary>The stack's scratch prefix, which the janitor sweeps.</summary>
    public const string ScratchPrefix = "DRILL_SCRATCH_PREFIX";

    /// <summary>The region a function runs in; Lambda sets it. The cost estimate's prices are the region's.</summary>
    public const string AwsRegion = "AWS_REGION";

    /// <summary>The coverage audit's BACKUP_STALE threshold in hours (template parameter BackupStaleHours).</summary>
    public const string BackupStaleHours = "DRILL_BACKUP_STALE_HOURS";

    /// <summary>The coverage audit's DRILL_STALE threshold in days (template parameter DrillStaleDays).</summary>
    public const string DrillStaleDays = "DRILL_DRILL_STALE_DAYS";

    /// <summary>What the coverage audit requires a resource in no plan to survive: "stack,account,region" or "none" (template parameter SurvivalRequire).</summary>
    public const string SurvivalRequire = "DRILL_SURVIVAL_REQUIRE";
}
