namespace DrillFunctions;

/// <summary>
/// Every Lambda function of the drill, by the logical name template.yaml gives it (the handler's
/// type name without "Function"). The generated ASL names each as ${NameFunctionArn}; the local
/// runner uses this list to route Task states.
/// </summary>
public static class DrillFunctionCatalog
{
    public static IReadOnlyDictionary<string, Func<DrillServices, IDrillFunction>> Functions { get; } =
        new Dictionary<string, Func<DrillServices, IDrillFunction>>(StringComparer.Ordinal)
        {
            [NameOf<BeginDrillFunction>()] = s => new BeginDrillFunction(s),
            [NameOf<ResolveRecoveryPointFunction>()] = s => new ResolveRecoveryPointFunction(s),
            [NameOf<StartRestoreFunction>()] = s => new StartRestoreFunction(s),
            [NameOf<CheckRestoreFunction>()] = s => new CheckRestoreFunction(s),
            [NameOf<VerifyTargetFunction>()] = s => new VerifyTargetFunction(s),
            [NameOf<RecordTargetFailureFunction>()] = s => new RecordTargetFailureFunction(s),
            [NameOf<CheckRelationsFunction>()] = s => new CheckRelationsFunction(s),
            [NameOf<CheckHealthFunction>()] = s => new CheckHealthFunction(s),
            [NameOf<ConcludeDrillFunction>()] = s => new ConcludeDrillFunction(s),
            [NameOf<RecordRunnerErrorFunction>()] = s => new RecordRunnerErrorFunction(s),
            [NameOf<TeardownFunction>()] = s => new TeardownFunction(s),
            [NameOf<BackupStepFunction>()] = s => new BackupStepFunction(s),
            [NameOf<RecordRunbookGapFunction>()] = s => new RecordRunbookGapFunction(s),
        };

    /// <summary>Functions started by a schedule or an event, or by a state machine other than the drill's (the janitor's, the coverage audit's).</summary>
    public static IReadOnlyDictionary<string, Func<DrillServices, IDrillFunction>> ScheduledFunctions { get; } =
        new Dictionary<string, Func<DrillServices, IDrillFunction>>(StringComparer.Ordinal)
        {
            [NameOf<JanitorFunction>()] = s => new JanitorFunction(s),
            [NameOf<DrillFreshnessFunction>()] = s => new DrillFreshnessFunction(s),
            [NameOf<ExecutionEndedFunction>()] = s => new ExecutionEndedFunction(s),
            [NameOf<CoverageAuditFunction>()] = s => new CoverageAuditFunction(s),
        };

    /// <summary>The names of <see cref="ScheduledFunctions"/>.</summary>
    public static IReadOnlyList<string> Scheduled { get; } = [.. ScheduledFunctions.Keys];

    /// <summary>Builds any of the stack's functions, as Lambda's parameterless constructors do from the environment's services.</summary>
    public static TFunction Create<TFunction>(DrillServices services)
        where TFunction : IDrillFunction =>
        (TFunction)(Functions.TryGetValue(NameOf<TFunction>(), out var drill) ? drill : ScheduledFunctions[NameOf<TFunction>()])(services);

    /// <summary>The function's logical name: its handler type's name without "Function".</summary>
    public static string NameOf<TFunction>()
        where TFunction : IDrillFunction
    {
        const string suffix = "Function";
        var type = typeof(TFunction).Name;
        return type.EndsWith(suffix, StringComparison.Ordinal) ? type[..^suffix.Length] : type;
    }

    /// <summary>The DefinitionSubstitutions key through which SAM gives the ASL a function's ARN.</summary>
    public static string ArnSubstitution(string name) => $"{name}FunctionArn";

    /// <summary>How the ASL writes a function's ARN, for SAM to substitute.</summary>
    public static string ArnPlaceholder(string name) => $"${{{ArnSubstitution(name)}}}";
}
