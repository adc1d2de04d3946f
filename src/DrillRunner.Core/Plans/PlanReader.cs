using System.Text.Json;
using System.Text.RegularExpressions;
using DrillRunner.Core.Kinds;

namespace DrillRunner.Core.Plans;

/// <summary>Reads a drill plan from JSON and reports every problem with its JSON path and fix.</summary>
public static partial class PlanReader
{
    /// <param name="runsTable">The runner's own runs table, when known: a scratch prefix it starts with is refused.</param>
    /// <param name="stack">Where the runner itself runs (from its execution's ARN), when known: resources elsewhere are refused.</param>
    public static PlanValidationResult Read(string json, string? runsTable = null, ArnScope? stack = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            return new PlanValidationResult(null, [new PlanProblem($"$ (line {ex.LineNumber + 1})", $"is not valid JSON: {ex.Message}", "correct the JSON syntax.")]);
        }

        using (document)
        {
            var problems = new List<PlanProblem>();
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new PlanProblem("$", "must be a JSON object.", "write the plan as { \"name\": …, \"targets\": [ … ] }."));
                return new PlanValidationResult(null, problems);
            }

            DuplicateKeys.Report(document.RootElement, "$", problems);
            var plan = ReadPlan(new JsonObjectReader(document.RootElement, "$", problems));
            PlanRules.Check(plan, problems, runsTable, stack);
            return new PlanValidationResult(problems.Count == 0 ? plan : null, problems);
        }
    }

    private static DrillPlan ReadPlan(JsonObjectReader root)
    {
        var name = root.String("name", true, "give the plan a name such as \"prod\" (letters, digits, '-', '_').");
        if (name is not null && !PlanNamePattern().IsMatch(name))
        {
            root.Problem(root.At("name"), "may hold only letters, digits, '-' and '_' (1–64 characters).", "rename the plan, e.g. \"prod-orders\".");
        }

        var objectives = root.Object("objectives", true, "add \"objectives\": { \"rtoMinutes\": 60, \"rpoMinutes\": 15 }.");
        var rto = objectives?.Number("rtoMinutes", true, 0.01, 10080, "set the recovery time objective in minutes, e.g. 60.");
        var rpo = objectives?.Number("rpoMinutes", true, 0.01, 525600, "set the recovery point objective in minutes, e.g. 15.");
        objectives?.RejectUnknownFields();

        var scratchPrefix = root.String("scratchPrefix", true, "set a prefix that no production table uses, e.g. \"drill-\".");
        var maxConcurrent = root.Whole("maxConcurrentRestores", 1, DynamoDbCapacity.ConcurrentRestores, $"use 1 to {DynamoDbCapacity.ConcurrentRestores} (DynamoDB allows {DynamoDbCapacity.ConcurrentRestores} concurrent restores per account).") ?? 4;
        var restoreTimeout = root.Whole("restoreTimeoutMinutes", 1, 1440, "use 1 to 1440 minutes; 95% of DynamoDB restores finish within 60.") ?? 120;

        var targets = new List<DrillTarget>();
        var targetPaths = new List<string>();
        foreach (var (item, path) in root.Array("targets", false, "write \"targets\" as an array of targets."))
        {
            if (ReadTarget(item, path, root) is { } target)
            {
                targets.Add(target);
                targetPaths.Add(path);
            }
        }

        var selection = ReadSelection(root);

        var healthChecks = new List<HttpHealthCheck>();
        foreach (var (item, path) in root.Array("healthChecks", false, "write \"healthChecks\" as an array of HTTP probes."))
        {
            if (ReadHealthCheck(item, path, root) is { } check)
            {
                healthChecks.Add(check);
            }
        }

        var notifications = root.Object("notifications", false, "write \"notifications\": { \"snsTopicArn\": \"arn:aws:sns:…\" }.");
        var topic = notifications?.String("snsTopicArn", false, "give the ARN of the SNS topic to notify on anything but PASS.");
        if (topic is not null && !topic.StartsWith("arn:aws", StringComparison.Ordinal))
        {
            notifications!.Problem(notifications.At("snsTopicArn"), "is not an ARN.", "use the topic's ARN, e.g. arn:aws:sns:eu-west-1:123456789012:drills.");
        }

        notifications?.RejectUnknownFields();
        var excluded = ReadCoverage(root);
        var survival = ReadSurvival(root);
        var relations = ReadRelations(root);
        var failOnGap = root.Boolean("failOnRunbookGap", "use true to fail a drill whose restores lack a setting their sources have (TTL, stream, PITR, auto scaling, tags), false to only report it.") ?? false;
        var recovery = ReadRecoveryInstant(root, targets, targetPaths, selection);
        root.RejectUnknownFields();

        return new DrillPlan(
            name ?? string.Empty,
            new Objectives(rto ?? 0, rpo ?? 0),
            scratchPrefix ?? string.Empty,
            (int)maxConcurrent,
            (int)restoreTimeout,
            targets,
            healthChecks,
            topic)
        {
            Selection = selection,
            CoverageExclusions = excluded,
            SurvivalRequired = survival,
            FailOnRunbookGap = failOnGap,
            RecoveryInstant = recovery.Instant,
            MaxSkewSeconds = recovery.MaxSkewSeconds,
            RecoveryPoint = recovery.Point,
            Relations = relations,
        };
    }

    /// <summary>"coverage": { "exclude": [ { "resource": ARN or name, "reason": why } ] }.</summary>
    private static List<CoverageExclusion> ReadCoverage(JsonObjectReader root)
    {
        var excluded = new List<CoverageExclusion>();
        var coverage = root.Object("coverage", false, "write \"coverage\": { \"exclude\": [ { \"resource\": \"ARN or name\", \"reason\": \"why\" } ] }.");
        if (coverage is null)
        {
            return excluded;
        }

        foreach (var (item, path) in coverage.Array("exclude", false, "write \"exclude\" as an array of { \"resource\": …, \"reason\": … }."))
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                coverage.Problem(path, "must be an object.", "write { \"resource\": \"ARN or name\", \"reason\": \"why it is not drilled\" }.");
                continue;
            }

            var exclusion = new JsonObjectReader(item, path, coverage.Problems);
            var resource = exclusion.String("resource", true, "name the resource to leave out: its ARN, or its table, bucket, database or volume name.");
            var reason = exclusion.String("reason", true, "say why it is left out (the coverage report shows it), e.g. \"cache, rebuilt from orders-prod\".");
            exclusion.RejectUnknownFields();
            if (resource is not null && reason is not null)
            {
                excluded.Add(new CoverageExclusion(resource, reason));
            }
        }

        coverage.RejectUnknownFields();
        return excluded;
    }

    /// <summary>"survival": { "require": ["stack", "account", "region"] }: what the coverage audit requires this plan's resources to survive.</summary>
    private static List<SurvivalEvent>? ReadSurvival(JsonObjectReader root)
    {
        var fix = $"write \"survival\": {{ \"require\": [ … ] }} with any of: {SurvivalEvents.List}.";
        var survival = root.Object("survival", false, fix);
        if (survival is null)
        {
            return null;
        }

        var required = new List<SurvivalEvent>();
        foreach (var (item, path) in survival.Array("require", true, fix))
        {
            if (item.ValueKind == JsonValueKind.String && SurvivalEvents.Parse(item.GetString()) is { } survived)
            {
                if (required.Contains(survived))
                {
                    survival.Problem(path, $"is {item.GetRawText()} again.", "give each event once.");
                }

                required.Add(survived);
                continue;
            }

            var near = item.ValueKind == JsonValueKind.String ? Enum.GetValues<SurvivalEvent>().Select(SurvivalEvents.Of).FirstOrDefault(n => string.Equals(n, item.GetString()?.Trim(), StringComparison.OrdinalIgnoreCase) || (item.GetString() is { Length: > 2 } typed && n.StartsWith(typed[..3], StringComparison.OrdinalIgnoreCase))) : null;
            survival.Problem(path, $"is {item.GetRawText()}, not an event a resource can be required to survive{(near is null ? string.Empty : $" (did you mean \"{near}\"?)")}.", $"use one of: {SurvivalEvents.List} (stack: its CloudFormation stack's deletion; account: the account's loss or compromise; region: the region's loss).");
        }

        survival.RejectUnknownFields();
        return [.. required.Distinct().Order()];
    }

    private static DrillTarget? ReadTarget(JsonElement item, string path, JsonObjectReader parent)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            parent.Problem(path, "must be an object.", "describe the target as { \"id\": …, \"type\": \"dynamodb\", \"tableName\": … }.");
            return null;
        }

        var target = new JsonObjectReader(item, path, ProblemsOf(parent));
        var id = target.String("id", true, "give the target a short id such as \"orders\"; health check URLs name it.");
        if (id is not null && !TargetIdPattern().IsMatch(id))
        {
            target.Problem(target.At("id"), "may hold only letters, digits, '-' and '_' (1–40 characters).", "shorten or rename the id.");
        }

        var type = target.String("type", true, "set \"type\": \"dynamodb\" (a table, natively) or \"aws-backup\" (any resource AWS Backup protects).");
        switch (type)
        {
            case null:
                return null;
            case DynamoDbTarget.TypeName:
                return ReadDynamoDbTarget(target, id);
            case AwsBackupTarget.TypeName:
                return ReadBackupTarget(target, id);
            default:
                target.Problem(target.At("type"), $"'{type}' is not a supported target type.", "use \"dynamodb\" or \"aws-backup\".");
                return null;
        }
    }

    private static DynamoDbTarget? ReadDynamoDbTarget(JsonObjectReader target, string? id)
    {
        var tableName = target.String("tableName", true, "name the source table to drill.");
        if (tableName is not null && !RestoreKinds.TableNamePattern().IsMatch(tableName))
        {
            target.Problem(target.At("tableName"), "is not a valid DynamoDB table name (3–255 of a-z A-Z 0-9 _ . -).", "use the table's exact name.");
        }

        var defaults = ReadDynamoDbDefaults(target);
        target.RejectUnknownFields();

        return id is null || tableName is null
            ? null
            : defaults with { Id = id, TableName = tableName };
    }

    /// <summary>The fields a "dynamodb" target takes besides its id and table: a selection rule's defaults are read here too.</summary>
    private static DynamoDbTarget ReadDynamoDbDefaults(JsonObjectReader target)
    {
        var restoreFrom = RestoreSource.Auto;
        if (target.String("restoreFrom", false, "use \"pitr\", \"backup\" or \"auto\".") is { } source)
        {
            if (!Enum.TryParse(source, ignoreCase: true, out restoreFrom) || source.Any(char.IsUpper))
            {
                target.Problem(target.At("restoreFrom"), $"'{source}' is not one of pitr, backup, auto.", "use \"pitr\", \"backup\" or \"auto\".");
            }
        }

        var restore = ReadRestoreOptions(target.Object("restore", false, "write \"restore\" as an object."));
        var verification = ReadVerification(target.Object("verification", false, "write \"verification\" as an object."));
        return new DynamoDbTarget(string.Empty, string.Empty, restoreFrom, restore, verification) { RecoveryPoint = ReadRecoveryPoint(target) };
    }

    private static RestoreOptions ReadRestoreOptions(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return RestoreOptions.Default;
        }

        var billing = reader.String("billingMode", false, "use \"PAY_PER_REQUEST\" or leave it out to keep the source's mode.");
        if (billing is not null && billing != "PAY_PER_REQUEST")
        {
            reader.Problem(reader.At("billingMode"), $"'{billing}' is not supported for scratch tables.", "use \"PAY_PER_REQUEST\" (no capacity to plan for a drill) or leave it out.");
        }

        var withoutIndexes = reader.Boolean("withoutSecondaryIndexes", "use true to restore base data only, false to keep indexes.") ?? false;
        var sse = reader.Object("sse", false, "write \"sse\": { \"type\": \"KMS\", \"kmsKeyArn\": \"…\" }.");
        var sseType = sse?.String("type", true, "use \"AES256\" or \"KMS\".");
        if (sseType is not null && sseType is not ("AES256" or "KMS"))
        {
            sse!.Problem(sse.At("type"), $"'{sseType}' is not an SSE type.", "use \"AES256\" or \"KMS\".");
        }

        var kmsKey = sse?.String("kmsKeyArn", false, "give the KMS key ARN, or leave it out for the AWS managed key.");
        if (kmsKey is not null && sseType != "KMS")
        {
            sse!.Problem(sse.At("kmsKeyArn"), "applies only when type is KMS.", "set \"type\": \"KMS\" or remove kmsKeyArn.");
        }

        sse?.RejectUnknownFields();
        reader.RejectUnknownFields();
        return new RestoreOptions(billing, withoutIndexes, sseType, kmsKey);
    }

    private static Verification ReadVerification(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return Verification.Default;
        }

        var min = reader.Whole("minItemCount", 0, long.MaxValue, "use a whole number ≥ 0.");
        var max = reader.Whole("maxItemCount", 0, long.MaxValue, "use a whole number ≥ 0.");
        var tolerance = reader.Number("tolerancePercentOfSource", false, 0, 100, "use a percentage from 0 to 100, e.g. 1 for ±1% of the live source's count.");
        var sampleSize = reader.Whole("sampleSize", 0, 1000, "use 0 to 1000 items.") ?? 0;
        var lastModified = reader.String("lastModifiedAttribute", false, "name the attribute holding each item's last change time.");
        var segments = reader.Whole("scanSegments", 1, 64, "use 1 to 64 parallel scan segments.") ?? 4;
        if (min is not null && max is not null && min > max)
        {
            reader.Problem(reader.At("minItemCount"), $"({min}) is greater than maxItemCount ({max}).", "swap or correct the bounds.");
        }

        var sentinels = new List<IReadOnlyDictionary<string, KeyValue>>();
        foreach (var (item, path) in reader.Array("sentinelKeys", false, "write sentinelKeys as an array of key objects, e.g. [{ \"pk\": \"ORDER#1\" }]."))
        {
            if (ReadKey(item, path, reader) is { } key)
            {
                sentinels.Add(key);
            }
        }

        reader.RejectUnknownFields();
        return new Verification(min, max, tolerance, sentinels, (int)sampleSize, lastModified, (int)segments);
    }

    private static Dictionary<string, KeyValue>? ReadKey(JsonElement item, string path, JsonObjectReader parent)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.EnumerateObject().Any())
        {
            parent.Problem(path, "must be an object naming the key attributes.", "write the item's full key, e.g. { \"pk\": \"ORDER#1\", \"sk\": 1 }.");
            return null;
        }

        var key = new Dictionary<string, KeyValue>(StringComparer.Ordinal);
        foreach (var attribute in item.EnumerateObject())
        {
            switch (attribute.Value.ValueKind)
            {
                case JsonValueKind.String:
                    key[attribute.Name] = new KeyValue(attribute.Value.GetString()!, IsNumber: false);
                    break;
                case JsonValueKind.Number:
                    key[attribute.Name] = new KeyValue(attribute.Value.GetRawText(), IsNumber: true);
                    break;
                default:
                    parent.Problem($"{path}.{attribute.Name}", "must be a string or a number.", "key attributes of type string (S) or number (N) are supported.");
                    return null;
            }
        }

        return key;
    }

    private static HttpHealthCheck? ReadHealthCheck(JsonElement item, string path, JsonObjectReader parent)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            parent.Problem(path, "must be an object.", "describe the probe as { \"name\": …, \"url\": … }.");
            return null;
        }

        var check = new JsonObjectReader(item, path, ProblemsOf(parent));
        var name = check.String("name", true, "name the probe, e.g. \"orders-api\".");
        var url = check.String("url", true, "give the URL to probe; {{restored.TARGET_ID}} is replaced by the scratch table name.");
        if (url is not null)
        {
            if (!(Uri.TryCreate(url.Replace("{{", "x", StringComparison.Ordinal).Replace("}}", "x", StringComparison.Ordinal), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                check.Problem(check.At("url"), "is not an absolute http(s) URL.", "write a URL such as https://app.example.com/health?table={{restored.orders}}.");
            }
            else if (HealthCheckAddresses.Refusal(uri) is { } refusal)
            {
                check.Problem(check.At("url"), refusal.Message, refusal.Fix);
            }
        }

        var status = check.Whole("expectedStatus", 100, 599, "use an HTTP status code such as 200.") ?? 200;
        var body = check.String("bodyContains", false, "give text the response body must contain, or leave it out.");
        var timeout = check.Whole("timeoutSeconds", 1, 300, "use 1 to 300 seconds.") ?? 10;
        var followRedirects = check.Boolean("followRedirects", $"use true to follow up to {HttpHealthCheck.MaxRedirects} redirects (each target is checked like the URL), false to judge a redirect as its own status.") ?? false;
        check.RejectUnknownFields();
        return name is null || url is null ? null : new HttpHealthCheck(name, url, (int)status, body, (int)timeout, followRedirects);
    }

    private static List<PlanProblem> ProblemsOf(JsonObjectReader reader) => reader.Problems;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex PlanNamePattern();

    /// <summary>What a target id (and a selection rule's id) may be: health check URLs and run records name it.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    internal static partial Regex TargetIdPattern();
}
