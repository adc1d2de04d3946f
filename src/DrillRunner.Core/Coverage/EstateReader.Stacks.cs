using System.Text.Json;
using System.Text.Json.Nodes;
using DrillRunner.Core.Coverage.Survival;
using DrillRunner.Core.Kinds;

namespace DrillRunner.Core.Coverage;

/// <summary>Stacks, their resources and template policies; owners from tags; deletion protection.</summary>
public static partial class EstateReader
{
    /// <summary>Where the state machine puts a table's DescribeTable answer: only <c>Enabled</c>, its DeletionProtectionEnabled.</summary>
    public const string DeletionProtectionMember = "DeletionProtection";

    /// <summary>What the "template" step makes of GetTemplate's answer, or of the error that took its place.</summary>
    public static StackTemplateRead Template(JsonObject? answer)
    {
        if (Text(answer, "Error") is { } error)
        {
            var why = error == "States.DataLimitExceeded"
                ? "the template is larger than a Step Functions state may carry (256 KB), so GetTemplate's answer could not be read"
                : $"GetTemplate failed: {error}{(Text(answer, "Cause") is { } cause ? $" ({cause})" : string.Empty)}";
            return new StackTemplateRead { Unreadable = why };
        }

        var (resources, unreadable) = TemplatePolicies.Read(Text(answer, "TemplateBody"));
        return resources is null
            ? new StackTemplateRead { Unreadable = unreadable }
            : new StackTemplateRead { Resources = resources.Where(r => r.Value.Type is { } type && StackResourceKinds.ByType.ContainsKey(type)).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal) };
    }

    /// <summary>One page of a stack's resources (ListStackResources): an owner observation for each resource of a judged type.</summary>
    public static IReadOnlyList<EstateObservation> StackResources(JsonObject page, JsonObject stack, StackTemplateRead? policies, AuditScope scope)
    {
        var stackName = Text(stack, "StackName") ?? throw new ArgumentException("The stack has no \"StackName\": pass ListStacks' StackSummary.", nameof(stack));
        var observations = new List<EstateObservation>();
        foreach (var resource in (page[EstateListing.StackResources.ItemsMember] as JsonArray ?? []).OfType<JsonObject>())
        {
            var type = Text(resource, "ResourceType");
            if (StackResourceKinds.Resource(type, Text(resource, "PhysicalResourceId")) is not var (kind, name) || Text(resource, "ResourceStatus") == "DELETE_COMPLETE")
            {
                continue;
            }

            var arn = scope.ArnOf(kind, name);

            var logicalId = Text(resource, "LogicalResourceId");
            var read = logicalId is null ? null : policies?.Resources.GetValueOrDefault(logicalId);
            observations.Add(new EstateObservation(arn)
            {
                Owner = new StackOwner(stackName, Text(stack, "StackId"), logicalId, type)
                {
                    DeletionPolicy = read?.DeletionPolicy,
                    UpdateReplacePolicy = read?.UpdateReplacePolicy,
                    TemplateUnreadable = policies is null ? "the template was not read" : policies.Unreadable,
                },
            });
        }

        return observations;
    }

    /// <summary>What every item of a listing may also say about survival: the owner its tags name, and RDS's DeletionProtection.</summary>
    private static EstateObservation WithSurvival(EstateObservation observation, JsonObject item)
    {
        var type = observation.Kind is { } kind && RestoreKinds.OfScratchKind(kind) is { } restoreKind ? StackResourceKinds.TypeOf(restoreKind) : null;
        var protection = item["DeletionProtection"] is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.GetValue<bool>() : (bool?)null;
        return observation with
        {
            Owner = observation.Owner ?? StackOwners.FromTags(observation.Tags, type),
            DeletionProtection = observation.DeletionProtection ?? protection,
        };
    }

    /// <summary>DescribeTable's DeletionProtectionEnabled as the state machine kept it; null when the table could not be described or DynamoDB did not say.</summary>
    private static bool? TableDeletionProtection(JsonObject? answer) =>
        answer?[DeletionProtectionMember]?["Enabled"] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;
}
