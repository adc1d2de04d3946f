namespace DrillRunner.Aws.RunStore;

/// <summary>
/// The runs table's single-table layout (partition key pk, sort key sk). Run headers and
/// targets are separate items, so that concurrent Map iterations never write the same item
/// and a plan with hundreds of targets stays far from the 400 KB item limit.
/// </summary>
public static class RunsTableKeys
{
    public const string PartitionKeyName = "pk";
    public const string SortKeyName = "sk";
    public const string Document = "doc";
    public const string TimeToLive = "ttl";

    public static string Run(string runId) => $"RUN#{runId}";

    public const string RunHeader = "RUN";

    /// <summary>The plan a run snapshotted, compressed, beside (not inside) its header.</summary>
    public const string RunPlan = "PLAN";

    public static string Target(string targetId) => $"TARGET#{targetId}";

    public const string TargetPrefix = "TARGET#";

    public static string Lock(string planName) => $"LOCK#{planName}";

    public const string LockItem = "LOCK";

    /// <summary>The item that ties a Step Functions execution to the one run it began.</summary>
    public static string Execution(string executionId) => $"EXECUTION#{executionId}";

    public const string ExecutionClaim = "CLAIM";

    public static string Plan(string planName) => $"PLAN#{planName}";

    public static string PlanVersion(int version) => $"V#{version:D6}";

    public static string Request(string requestId) => $"REQUEST#{requestId}";

    public const string RequestItem = "REQUEST";

    /// <summary>One item per stored plan under this partition, so plans can be listed without a scan.</summary>
    public const string PlanRegistry = "PLANS";

    /// <summary>The per-plan history: one small item per run, sorted by T0.</summary>
    public static string PlanRuns(string planName) => $"PLANRUNS#{planName}";

    /// <summary>A time in sort keys (history, audits): UTC to the millisecond, so keys sort as times do.</summary>
    public static string SortableTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One coverage audit: its pages and its judged record.</summary>
    public static string Audit(string auditId) => $"AUDIT#{auditId}";

    public const string AuditRecord = "AUDIT";

    public static string AuditPage(string pageKey) => $"PAGE#{pageKey}";

    public const string AuditPagePrefix = "PAGE#";

    /// <summary>Every judged audit, sorted by when it started, so the latest is one query away.</summary>
    public const string AuditRegistry = "AUDITS";
}
