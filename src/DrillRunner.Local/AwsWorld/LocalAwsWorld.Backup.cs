using System.Globalization;
using System.Text.Json.Nodes;

namespace DrillRunner.Local.AwsWorld;

/// <summary>AWS Backup: recovery point listings, restore metadata, restore jobs and validation results.</summary>
public sealed partial class LocalAwsWorld
{
    private JsonObject ListRecoveryPoints(JsonObject input)
    {
        var resourceArn = Required(input, "ResourceArn");
        var max = Math.Min(RecoveryPointPageSize, input["MaxResults"]?.GetValue<int>() ?? 100);
        var start = input["NextToken"]?.GetValue<string>() is { } token ? int.Parse(token, CultureInfo.InvariantCulture) : 0;
        // Only the local account's and region's points: a copy in another account or region is listed there, not here.
        var points = _points.TryGetValue(resourceArn, out var found) ? found.Where(p => p.IsLocal).ToList() : [];
        var page = points.Skip(start).Take(max).ToList();
        var output = new JsonObject
        {
            ["RecoveryPoints"] = new JsonArray(page.Select(p => (JsonNode)new JsonObject
            {
                ["RecoveryPointArn"] = p.Arn,
                ["CreationDate"] = Time(p.CreatedAt),
                ["Status"] = p.Status,
                ["BackupVaultName"] = p.Vault,
                ["ResourceName"] = p.ResourceName,
                ["BackupSizeBytes"] = 1024L * 1024,
                ["IsParent"] = false,
                ["VaultType"] = Vault(p.VaultArn)?.VaultType ?? LocalVault.BackupVault,
            }).ToArray()),
        };
        if (start + page.Count < points.Count)
        {
            output["NextToken"] = (start + page.Count).ToString(CultureInfo.InvariantCulture);
        }

        return output;
    }

    private LocalRecoveryPoint Point(string arn) =>
        _points.Values.SelectMany(p => p).FirstOrDefault(p => p.Arn == arn)
        ?? throw new LocalAwsError("Backup.ResourceNotFoundException", $"Recovery point {arn} not found");

    private JsonObject RestoreMetadata(JsonObject input)
    {
        var point = Point(Required(input, "RecoveryPointArn"));
        if (Required(input, "BackupVaultName") != point.Vault)
        {
            throw new LocalAwsError("Backup.ResourceNotFoundException", $"Recovery point {point.Arn} is not in vault {input["BackupVaultName"]}");
        }

        return new JsonObject
        {
            ["BackupVaultArn"] = point.VaultArn,
            ["RecoveryPointArn"] = point.Arn,
            ["RestoreMetadata"] = new JsonObject(point.Metadata.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)JsonValue.Create(m.Value)))),
            ["ResourceType"] = point.Kind.AwsBackupName,
        };
    }

    private JsonObject StartRestoreJob(JsonObject input)
    {
        var point = Point(Required(input, "RecoveryPointArn"));
        Required(input, "IamRoleArn");
        var metadata = input["Metadata"] as JsonObject ?? throw new LocalAwsError("Backup.MissingParameterValueException", "Metadata is required");
        var token = input["IdempotencyToken"]?.GetValue<string>();
        if (token is not null && _jobs.Values.FirstOrDefault(j => j.IdempotencyToken == token) is { } same)
        {
            return new JsonObject { ["RestoreJobId"] = same.Id };
        }

        var job = new LocalRestoreJob($"{Guid.NewGuid():D}".ToUpperInvariant(), point, metadata.ToDictionary(m => m.Key, m => m.Value!.GetValue<string>(), StringComparer.Ordinal), token, input["IamRoleArn"]!.GetValue<string>(), time.GetUtcNow());
        _jobs[job.Id] = job;
        return new JsonObject { ["RestoreJobId"] = job.Id };
    }

    private async Task<JsonObject> DescribeRestoreJobAsync(JsonObject input, CancellationToken cancellationToken)
    {
        var id = Required(input, "RestoreJobId");
        var job = _jobs.TryGetValue(id, out var found) ? found : throw new LocalAwsError("Backup.ResourceNotFoundException", $"Restore job {id} not found");
        var now = time.GetUtcNow();
        lock (job)
        {
            if (job.Status is "PENDING" or "RUNNING" && now - job.CreatedAt >= RestoreDuration)
            {
                job.Status = "COMPLETING";
            }
            else if (job.Status == "PENDING")
            {
                job.Status = "RUNNING";
            }
        }

        if (job.Status == "COMPLETING")
        {
            await CompleteAsync(job, now, cancellationToken);
        }

        var output = new JsonObject
        {
            ["AccountId"] = Account,
            ["RestoreJobId"] = job.Id,
            ["RecoveryPointArn"] = job.Point.Arn,
            ["CreationDate"] = Time(job.CreatedAt),
            ["Status"] = job.Status,
            ["PercentDone"] = job.Status == "COMPLETED" ? "100.00%" : "40.00%",
            ["BackupSizeInBytes"] = 1024L * 1024,
            ["IamRoleArn"] = job.RoleArn,
            ["ExpectedCompletionTimeMinutes"] = 1L,
            ["ResourceType"] = job.Point.Kind.AwsBackupName,
            ["RecoveryPointCreationDate"] = Time(job.Point.CreatedAt),
        };
        if (job.CompletedAt is { } completed)
        {
            output["CompletionDate"] = Time(completed);
        }

        if (job.StatusMessage is { } message)
        {
            output["StatusMessage"] = message;
        }

        if (job.CreatedResourceArn is { } arn)
        {
            output["CreatedResourceArn"] = arn;
        }

        return output;
    }

    private JsonObject PutValidation(JsonObject input)
    {
        var id = Required(input, "RestoreJobId");
        if (!_jobs.ContainsKey(id))
        {
            throw new LocalAwsError("Backup.ResourceNotFoundException", $"Restore job {id} not found");
        }

        var status = Required(input, "ValidationStatus");
        if (status is not ("FAILED" or "SUCCESSFUL" or "TIMED_OUT" or "VALIDATING"))
        {
            throw new LocalAwsError("Backup.InvalidParameterValueException", $"ValidationStatus {status} is not one of FAILED, SUCCESSFUL, TIMED_OUT, VALIDATING");
        }

        _validations.Enqueue(new LocalValidation(id, status, input["ValidationStatusMessage"]?.GetValue<string>()));
        return new JsonObject();
    }
}
