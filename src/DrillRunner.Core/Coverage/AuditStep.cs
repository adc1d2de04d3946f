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

    /// <summary>Reads a stack's template policies (the body never goes further than this step).</summary>
    public const string ReadTemplate = "template";

    /// <summary>Keeps one page of a stack's resources with their owner.</summary>
    public const string KeepStackResources = "stack";

    /// <summary>For "template" and "stack": the stack (StackName, StackId) as ListStacks gave it.</summary>
    public JsonObject? Stack { get; init; }

    /// <summary>For "template": GetTemplate's answer (TemplateBody), or the error that kept it from being read (Error, Cause).</summary>
    public JsonObject? Template { get; init; }

    /// <summary>For "stack": what the "template" step read.</summary>
    public Survival.StackTemplateRead? Policies { get; init; }

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
