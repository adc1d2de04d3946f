namespace DrillFunctions;

/// <summary>
/// Every Lambda function of the drill, by the logical name template.yaml gives it. The ASL names
/// each as ${NameFunctionArn}; the local runner uses this list to route Task states.
/// </summary>
public static class DrillFunctionCatalog
{
    public static IReadOnlyDictionary<string, Func<DrillServices, IDrillFunction>> Functions { get; } =
        new Dictionary<string, Func<DrillServices, IDrillFunction>>(StringComparer.Ordinal)
        {
            ["BeginDrill"] = s => new BeginDrillFunction(s),
            ["ResolveRecoveryPoint"] = s => new ResolveRecoveryPointFunction(s),
            ["StartRestore"] = s => new StartRestoreFunction(s),
            ["CheckRestore"] = s => new CheckRestoreFunction(s),
            ["VerifyTarget"] = s => new VerifyTargetFunction(s),
            ["RecordTargetFailure"] = s => new RecordTargetFailureFunction(s),
            ["CheckHealth"] = s => new CheckHealthFunction(s),
            ["ConcludeDrill"] = s => new ConcludeDrillFunction(s),
            ["RecordRunnerError"] = s => new RecordRunnerErrorFunction(s),
            ["Teardown"] = s => new TeardownFunction(s),
            ["BackupStep"] = s => new BackupStepFunction(s),
        };

    /// <summary>Functions started by a schedule or an event rather than by the drill's state machine.</summary>
    public static IReadOnlyList<string> Scheduled { get; } = ["Janitor", "DrillFreshness", "ExecutionEnded"];
}
