using System.Text.Json;
using DrillRunner.Core.Kinds;

namespace DrillRunner.Core.Plans;

/// <summary>Reading "aws-backup" targets: the ARN decides the resource type, and the type decides the verification fields.</summary>
public static partial class PlanReader
{
    private static AwsBackupTarget? ReadBackupTarget(JsonObjectReader target, string? id)
    {
        var arn = target.String("resourceArn", false, $"give the protected resource's ARN, one of: {RestoreKinds.SupportedArnForms}.");
        var defaults = ReadBackupDefaults(target, arn is null ? null : RestoreKinds.Parse(arn)?.Kind, new OriginFields(CopyOfAllowed: true));
        var copyOf = defaults.Origin?.CopyOf;
        if (arn is null && copyOf is null && !target.Problems.Any(p => p.Path == target.At("resourceArn") || p.Path == $"{target.At("recoveryPoint")}.copyOf"))
        {
            target.Problem(target.At("resourceArn"), "is required.", $"give the protected resource's ARN, one of: {RestoreKinds.SupportedArnForms} (or, to drill a copy, \"recoveryPoint\": {{ \"copyOf\": \"<source ARN>\" }}).");
        }

        // With copyOf, resourceArn may be left out: the copy's source is the resource the target stands for.
        arn ??= copyOf;
        var parsed = arn is null ? null : RestoreKinds.Parse(arn);
        if (arn is not null && copyOf is not null && arn != copyOf)
        {
            target.Problem(
                target.At("resourceArn"),
                $"is '{arn}', but recoveryPoint.copyOf names '{copyOf}': a target restores copies of its own resource only.",
                "remove resourceArn (copyOf names the source), or make both the same ARN.");
        }
        else if (arn is not null && parsed is null && arn != copyOf)
        {
            target.Problem(target.At("resourceArn"), $"'{arn}' is not the ARN of a resource type this runner restores from AWS Backup.", $"use one of: {RestoreKinds.SupportedArnForms}.");
        }

        target.RejectUnknownFields();
        if (id is null || parsed is null)
        {
            return null;
        }

        return defaults with { Id = id, ResourceArn = arn!, Kind = parsed.Value.Kind, ResourceName = parsed.Value.Name };
    }

    /// <summary>
    /// The fields an "aws-backup" target of <paramref name="kind"/> takes besides its id and ARN: a selection
    /// rule's defaults are read here too (without copyOf, which names one resource). Unknown fields are the caller's to reject.
    /// </summary>
    private static AwsBackupTarget ReadBackupDefaults(JsonObjectReader target, RestoreKind? kind, OriginFields? origin = null)
    {
        var vault = target.String("backupVaultName", false, "name the backup vault whose recovery points count, or leave it out for any vault.");
        var (point, place) = ReadRecoveryPoint(target, origin ?? new OriginFields(CopyOfAllowed: false));
        var (vaultName, origin2) = ReadPointOrigin(target, vault, place);
        kind ??= origin2?.CopyOf is { } copyOf ? RestoreKinds.Parse(copyOf)?.Kind : null;
        var maxAgeHours = target.Number("maxRecoveryPointAgeHours", false, 0.01, 87600, "use the age in hours beyond which the newest recovery point fails the drill, e.g. 26 for a daily backup.");
        var metadata = target.StringMap("restoreMetadata", "write restore metadata overrides as strings, e.g. { \"DBInstanceClass\": \"db.t4g.medium\" }.");
        if (kind is not null)
        {
            var reserved = kind.ReservedMetadataKeys;
            foreach (var key in metadata.Keys.Where(reserved.Contains))
            {
                target.Problem(
                    $"{target.At("restoreMetadata")}.{key}",
                    "is set by the runner: it names the scratch resource or makes AWS Backup create a new one instead of restoring into the source.",
                    "remove it; the runner restores into a new resource named <scratchPrefix><runId>-<target id>.");
            }
        }

        var verifier = target.String("verifierFunction", false, "give the name or ARN of a Lambda function that checks the restored resource.");
        if (verifier is not null && !VerifierPattern().IsMatch(verifier))
        {
            target.Problem(target.At("verifierFunction"), "is not a Lambda function name or ARN.", "use e.g. \"orders-sql-check\" or arn:aws:lambda:eu-west-1:123456789012:function:orders-sql-check.");
        }

        var verificationReader = target.Object("verification", false, "write \"verification\" as an object.");
        var table = Verification.Default;
        var bucket = BucketVerification.Default;
        var tcpConnect = false;
        switch (kind?.Check)
        {
            case RestoredCheck.TableData:
                table = ReadVerification(verificationReader);
                break;
            case RestoredCheck.BucketData:
                bucket = ReadBucketVerification(verificationReader);
                break;
            case RestoredCheck.DatabaseEndpoint:
                tcpConnect = verificationReader?.Boolean("tcpConnect", "use true to require the restored endpoint to accept a TCP connection.") ?? true;
                verificationReader?.RejectUnknownFields();
                break;
            case RestoredCheck.Availability:
                verificationReader?.RejectUnknownFields();
                break;
        }

        return new AwsBackupTarget(
            string.Empty,
            string.Empty,
            kind ?? RestoreKinds.DynamoDbTable,
            string.Empty,
            vaultName,
            maxAgeHours is { } hours ? TimeSpan.FromHours(hours) : null,
            metadata,
            table,
            bucket,
            tcpConnect,
            verifier) { RecoveryPoint = point, Origin = origin2 };
    }

    private static BucketVerification ReadBucketVerification(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return BucketVerification.Default;
        }

        var minCount = reader.Whole("minObjectCount", 0, long.MaxValue, "use a whole number ≥ 0.");
        var maxCount = reader.Whole("maxObjectCount", 0, long.MaxValue, "use a whole number ≥ 0.");
        var minBytes = reader.Whole("minTotalBytes", 0, long.MaxValue, "use a whole number of bytes ≥ 0.");
        var maxBytes = reader.Whole("maxTotalBytes", 0, long.MaxValue, "use a whole number of bytes ≥ 0.");
        var tolerance = reader.Number("tolerancePercentOfSource", false, 0, 100, "use a percentage from 0 to 100, e.g. 1 for ±1% of the live bucket's object count and bytes.");
        if (minCount > maxCount)
        {
            reader.Problem(reader.At("minObjectCount"), $"({minCount}) is greater than maxObjectCount ({maxCount}).", "swap or correct the bounds.");
        }

        if (minBytes > maxBytes)
        {
            reader.Problem(reader.At("minTotalBytes"), $"({minBytes}) is greater than maxTotalBytes ({maxBytes}).", "swap or correct the bounds.");
        }

        var sentinels = new List<string>();
        foreach (var (item, path) in reader.Array("sentinelKeys", false, "write sentinelKeys as an array of object keys, e.g. [\"invoices/2026/11/0001.pdf\"]."))
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } key)
            {
                sentinels.Add(key);
            }
            else
            {
                reader.Problem(path, "must be a non-empty object key.", "write the key as a string, e.g. \"invoices/2026/11/0001.pdf\".");
            }
        }

        reader.RejectUnknownFields();
        return new BucketVerification(minCount, maxCount, minBytes, maxBytes, tolerance, sentinels);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(arn:aws[a-z-]*:lambda:[a-z0-9-]+:[0-9]{12}:function:)?[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]+)?$")]
    private static partial System.Text.RegularExpressions.Regex VerifierPattern();
}
