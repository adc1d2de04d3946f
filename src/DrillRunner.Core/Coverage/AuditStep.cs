using System.Text.Json.Nodes;

namespace DrillRunner.Core.Coverage;

/// <summary>
/// The coverage audit state machine's input to its function: keep one page ("page"), or judge
/// the audit ("judge"). <see cref="Execution"/> is the execution's ARN (the account and region
/// audited), <see cref="AuditId"/> its name.
/// </summary>
public sealed record AuditStep(string Mode, string AuditId, string Execution)
{
    public const string KeepPage = "page";
    public const string Judge = "judge";

    /// <summary>For "page": which <see cref="Kinds.EstateListing"/> gave the page.</summary>
    public string? Listing { get; init; }

    /// <summary>For "page": the SDK integration's answer, as Step Functions gave it.</summary>
    public JsonObject? Page { get; init; }

    /// <summary>For "judge": when the execution started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>For "judge": the execution's input, which may set backupStaleHours and drillStaleDays.</summary>
    public JsonObject? Options { get; init; }
}

/// <summary>A kept page: how many observations it gave and the next page's token (empty when it was the last).</summary>
public sealed record PageKept(int Observed, string Next);

/// <summary>The judged audit, as the state machine needs it: the counts, and the summary to publish when something was found.</summary>
public sealed record AuditJudged(string AuditId, string Headline, IReadOnlyDictionary<string, int> Findings, bool Notify, string? TopicArn, string Subject, string Message);
