using System.Text.Json;

namespace DrillRunner.Core.Drills.Contracts;

/// <summary>
/// The state one "aws-backup" target carries through the state machine. The state machine makes
/// the AWS Backup, tagging and describe calls and puts their answers in the input fields below; the
/// functions decide, record, and hand back this state with the parameters of the next call.
/// </summary>
public sealed record BackupTargetState(string RunId, string TargetId)
{
    public string? Type { get; init; }

    public string? ResourceArn { get; init; }

    /// <summary>ListRecoveryPointsByResource: the token of the next page, while <see cref="MorePages"/>.</summary>
    public string? NextToken { get; init; }

    public bool MorePages { get; init; }

    public string? RecoveryPointArn { get; init; }

    public string? BackupVaultName { get; init; }

    /// <summary>StartRestoreJob's parameters (all but the role, which the template supplies).</summary>
    public StartRestoreJobParameters? StartRestore { get; init; }

    public string? RestoreJobId { get; init; }

    public bool Restored { get; init; }

    /// <summary>The restored resource is usable (available, endpoint reachable).</summary>
    public bool Ready { get; init; }

    public int Attempt { get; init; }

    public int WaitSeconds { get; init; }

    /// <summary>One of <see cref="Plans.ScratchKinds"/>: routes describe, verification and teardown.</summary>
    public string? ScratchKind { get; init; }

    /// <summary>The restored resource's id as its describe call takes it (DB identifier, volume id, file system id).</summary>
    public string? ResourceId { get; init; }

    /// <summary>TagResources' parameters for the restored resource.</summary>
    public TagResourcesParameters? Tagging { get; init; }

    /// <summary>The user's verifier Lambda, if the plan names one.</summary>
    public string? VerifierFunction { get; init; }

    /// <summary>What the verifier Lambda is told: the restored resource's identifiers.</summary>
    public IReadOnlyDictionary<string, string>? RestoredIdentifiers { get; init; }

    /// <summary>PutRestoreValidationResult's status and message, once the target's outcome is known.</summary>
    public string? ValidationStatus { get; init; }

    public string? ValidationMessage { get; init; }

    // Answers the state machine puts in (aws-sdk results and caught errors); never written back.
    public JsonElement? Page { get; init; }

    public JsonElement? Metadata { get; init; }

    public JsonElement? Job { get; init; }

    public JsonElement? TagResult { get; init; }

    public JsonElement? Resource { get; init; }

    public JsonElement? Answer { get; init; }

    public TaskError? ValidationError { get; init; }

    /// <summary>The state to hand back: this state without the answers it was given.</summary>
    public BackupTargetState Handed() =>
        this with { Page = null, Metadata = null, Job = null, TagResult = null, Resource = null, Answer = null, ValidationError = null };
}

/// <summary>StartRestoreJob's request fields, PascalCase as Step Functions passes them to AWS Backup.</summary>
public sealed record StartRestoreJobParameters(
    [property: System.Text.Json.Serialization.JsonPropertyName("RecoveryPointArn")] string RecoveryPointArn,
    [property: System.Text.Json.Serialization.JsonPropertyName("Metadata")] IReadOnlyDictionary<string, string> Metadata,
    [property: System.Text.Json.Serialization.JsonPropertyName("IdempotencyToken")] string IdempotencyToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("ResourceType")] string ResourceType);

/// <summary>TagResources' request fields, PascalCase as Step Functions passes them to the tagging API.</summary>
public sealed record TagResourcesParameters(
    [property: System.Text.Json.Serialization.JsonPropertyName("ResourceARNList")] IReadOnlyList<string> ResourceArnList,
    [property: System.Text.Json.Serialization.JsonPropertyName("Tags")] IReadOnlyDictionary<string, string> Tags);
