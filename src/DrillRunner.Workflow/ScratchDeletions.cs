using System.Text.Json.Nodes;
using DrillRunner.Core.Kinds;
using DrillRunner.Workflow.Asl;

namespace DrillRunner.Workflow;

/// <summary>
/// The item processor that deletes what no function SDK can (databases, volumes, file systems), one
/// Delete state per kind that has a delete call. The drill's teardown and the janitor use this one
/// definition; each item is a ScratchDeletion (kind, resourceId, targetId, arn).
/// </summary>
public static class ScratchDeletions
{
    /// <summary>How many deletions run at once: well under each service's API rate limits.</summary>
    public const int MaxConcurrency = 10;

    public static readonly StateName Deleted = new(nameof(Deleted));
    public static readonly StateName DeletionFailed = new(nameof(DeletionFailed));

    private static readonly StateName DeleteByKind = new(nameof(DeleteByKind));
    private static readonly StateName UnknownKind = new(WorkflowErrors.UnknownKind);

    public static JsonObject ProcessorConfig => new() { ["Mode"] = "INLINE" };

    public static StateScope Processor()
    {
        var deletable = RestoreKinds.All.Where(k => k.Delete is not null).ToList();
        var scope = new StateScope(new Catcher(DeletionFailed));
        scope.ChoiceByKind(DeleteByKind, "Each scratch deletion by its kind's own delete call.", "$.kind", deletable.Select(k => (k, DeleteState(k))), UnknownKind);
        foreach (var kind in deletable)
        {
            var call = kind.Delete!;
            var parameters = new JsonObject { [$"{call.IdParameter}.$"] = "$.resourceId" };
            foreach (var (name, value) in call.Switches)
            {
                parameters[name] = value;
            }

            scope.SdkTask(DeleteState(kind), $"Deletes the scratch {kind.DisplayName}; retried while AWS still reports it busy.", Sdk.Resource(call), parameters, TaskResult.Discarded, Deleted, Retrier.BusyDeletion);
        }

        return scope
            .Pass(UnknownKind, "A kind with no delete call here: reported as not deleted, never guessed at.", next: null, parameters: Outcome(false, new JsonObject
            {
                ["Error"] = WorkflowErrors.UnknownKind,
                ["Cause.$"] = "States.Format('no delete call for scratch kind {}', $.kind)",
            }))
            .Pass(Deleted, "Reports the resource deleted.", next: null, parameters: Outcome(true, null))
            .Pass(DeletionFailed, "Reports the resource not deleted, with AWS's error; the caller records it.", next: null, parameters: Outcome(false, "$.error"));
    }

    public static StateName DeleteState(RestoreKind kind) => new($"Delete{kind.StateSuffix}");

    private static JsonObject Outcome(bool deleted, JsonNode? error)
    {
        var outcome = new JsonObject { ["targetId.$"] = "$.targetId", ["arn.$"] = "$.arn", ["deleted"] = deleted };
        if (error is JsonValue path)
        {
            outcome["error.$"] = path.GetValue<string>();
        }
        else if (error is not null)
        {
            outcome["error"] = error;
        }

        return outcome;
    }
}
