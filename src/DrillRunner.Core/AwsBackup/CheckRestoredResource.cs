using System.Text.Json;
using DrillRunner.Core.Capacity;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Drills;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.AwsBackup;

/// <summary>
/// After AWS Backup's job completed: records whether tagging the restored resource worked, and for
/// databases, volumes and file systems reads the state machine's describe answer — usable only
/// once "available", and a database only once its endpoint accepts a TCP connection (if the plan
/// asks). Tables and buckets are ready at once; their data is verified next.
/// </summary>
public sealed class CheckRestoredResource(IRunStore runs, IEndpointProbe probe, TimeProvider time)
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private static readonly HashSet<string> BrokenStates = new(StringComparer.OrdinalIgnoreCase)
    {
        "failed", "error", "incompatible-restore", "incompatible-parameters", "incompatible-network", "storage-full", "inaccessible-encryption-credentials", "deleting", "deleted",
    };

    public async Task<ResourceReadiness> ExecuteAsync(RestoredResourceAnswer input, CancellationToken cancellationToken)
    {
        var context = await RunContext.LoadAsync(runs, input.RunId, cancellationToken);
        var target = context.Plan.BackupTarget(input.TargetId);
        var record = await runs.GetTargetAsync(input.RunId, input.TargetId, cancellationToken);
        var scratch = record.Scratch ?? throw new InvalidOperationException($"Target '{input.TargetId}' has no scratch resource; CheckRestoreJob must run first.");
        var now = time.GetUtcNow();

        if (input.TagResult is { } tagResult)
        {
            // TagResources reports per-resource failures in FailedResourcesMap; a failed call reaches here as the Catch's { Error, Cause }.
            var failed = tagResult.ValueKind != JsonValueKind.Object
                || tagResult.TryGetProperty("Error", out _)
                || (tagResult.TryGetProperty("FailedResourcesMap", out var map) && map.ValueKind == JsonValueKind.Object && map.EnumerateObject().Any());
            scratch = scratch with { Tagged = !failed, TeardownNote = failed ? $"tagging failed: {tagResult.GetRawText()}" : scratch.TeardownNote };
            record = record with { Scratch = scratch };
        }

        var identifiers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["resourceType"] = target.Kind.AwsBackupName,
            ["resourceArn"] = scratch.Arn ?? string.Empty,
            ["sourceResourceArn"] = target.ResourceArn,
        };

        var kind = RestoreKinds.OfScratchKind(scratch.Kind) ?? throw new InvalidOperationException($"Target '{input.TargetId}' restored a '{scratch.Kind}', which is no restore kind.");
        if (kind.Readiness is not { } readiness)
        {
            identifiers[kind.VerifierIdentifier] = scratch.Name;
            await runs.SaveTargetAsync(record, cancellationToken);
            return new ResourceReadiness(Ready: true, 0, identifiers);
        }

        var described = Describe(readiness, AwsAnswer.Required(input.Described, "describe answer for the restored resource"), scratch.ResourceId);
        identifiers[kind.VerifierIdentifier] = described.Identifier;
        var check = new ResourceCheck(scratch.Kind, described.Identifier, described.Status) { Looks = (record.Resource?.Looks ?? 0) + 1 };
        if (described.Status is { } broken && BrokenStates.Contains(broken))
        {
            await runs.SaveTargetAsync(record with { Resource = check }, cancellationToken);
            throw new RestoreFailed($"the restored {scratch.Kind} '{described.Identifier}' is '{broken}', not usable");
        }

        if (!string.Equals(described.Status, "available", StringComparison.OrdinalIgnoreCase))
        {
            await runs.SaveTargetAsync(record with { Resource = check, LastPolledAt = now }, cancellationToken);
            var wait = PollSchedule.NextWaitSeconds(record.RestoreRequestedAt ?? now, now, expected: null, context.Plan.RestoreTimeoutMinutes, $"the restored {scratch.Kind} '{described.Identifier}' was still '{described.Status ?? "unknown"}'", context.Run);
            return new ResourceReadiness(Ready: false, wait, null);
        }

        if (described.Host is { } host && described.Port is { } port)
        {
            identifiers["endpointAddress"] = host;
            identifiers["endpointPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            check = check with { Endpoint = $"{host}:{port}" };
            if (target.TcpConnect)
            {
                var refused = await probe.TryConnectAsync(host, port, ConnectTimeout, cancellationToken);
                check = check with { Connected = refused is null, Note = refused };
                if (refused is not null)
                {
                    await runs.SaveTargetAsync(record with { Resource = check }, cancellationToken);
                    throw new VerificationFailed($"the restored {scratch.Kind} '{described.Identifier}' is available but its endpoint {host}:{port} did not accept a TCP connection: {refused}");
                }
            }
        }
        else if (target.TcpConnect && readiness.NoEndpointNote is { } note)
        {
            check = check with { Note = note };
        }

        var verified = target.VerifierFunction is null;
        await runs.SaveTargetAsync(
            record with { Resource = check, Stage = verified ? TargetStage.Verified : record.Stage, VerifiedAt = verified ? now : record.VerifiedAt },
            cancellationToken);
        return new ResourceReadiness(Ready: true, 0, identifiers);
    }

    private sealed record Described(string Identifier, string? Status, string? Host, int? Port);

    private static Described Describe(ReadinessCheck readiness, JsonElement answer, string id)
    {
        var resource = AwsAnswer.Array(answer, readiness.ListMember).FirstOrDefault();
        var serves = readiness.EndpointNeeds is not { } needed || AwsAnswer.Array(resource, needed).Any();
        var endpoint = readiness.EndpointMember is not { } member ? resource
            : resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty(member, out var nested) ? nested : default;
        return new Described(
            AwsAnswer.String(resource, readiness.IdMember) ?? id,
            AwsAnswer.String(resource, readiness.StatusMember),
            serves && readiness.AddressMember is { } address ? AwsAnswer.String(endpoint, address) : null,
            serves && readiness.PortMember is { } port ? (int?)AwsAnswer.Long(endpoint, port) : null);
    }
}
