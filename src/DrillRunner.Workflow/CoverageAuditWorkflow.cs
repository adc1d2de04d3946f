using System.Text.Json.Nodes;
using DrillFunctions;
using DrillRunner.Core.Coverage;
using DrillRunner.Core.Kinds;
using DrillRunner.Workflow.Asl;

namespace DrillRunner.Workflow;

/// <summary>
/// statemachine/coverage-audit.asl.json: lists every DynamoDB table (and whether PITR is on), every
/// DynamoDB backup, every resource AWS Backup protects, and every RDS instance, DB cluster, S3
/// bucket, EBS volume and EFS file system of the account and region, a page at a time, with
/// read-only calls; the function keeps each page and then judges the audit. No SDK on the build
/// feed reaches AWS Backup, RDS or EFS, so the looking is done here.
/// </summary>
public static class CoverageAuditWorkflow
{
    public const string FileName = "coverage-audit.asl.json";

    /// <summary>An audit that has not finished in an hour is stopped; the next one starts over.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromHours(1);

    private static readonly StateName BeginAudit = new(nameof(BeginAudit));
    private static readonly StateName ReadPointInTimeRecovery = new(nameof(ReadPointInTimeRecovery));
    private static readonly StateName JudgeCoverage = new(nameof(JudgeCoverage));
    private static readonly StateName ShouldNotify = new(nameof(ShouldNotify));
    private static readonly StateName Notify = new(nameof(Notify));
    private static readonly StateName AuditDone = new(nameof(AuditDone));
    private static readonly StateName AuditFailed = new(WorkflowErrors.AuditFailed);
    private static readonly StateName DescribeContinuousBackups = new(nameof(DescribeContinuousBackups));
    private static readonly StateName PitrRead = new(nameof(PitrRead));
    private static readonly StateName PitrUnreadable = new(nameof(PitrUnreadable));
    private static readonly StateName DescribeTable = new(nameof(DescribeTable));
    private static readonly StateName DeletionProtectionSaid = new(nameof(DeletionProtectionSaid));
    private static readonly StateName PitrReadProtectionUnsaid = new(nameof(PitrReadProtectionUnsaid));
    private static readonly StateName ReadStacks = new(nameof(ReadStacks));
    private static readonly StateName GetTemplate = new(nameof(GetTemplate));
    private static readonly StateName ReadTemplatePolicies = new(nameof(ReadTemplatePolicies));
    private static readonly StateName StackRead = new(nameof(StackRead));
    private static readonly StateName StackResourcesUnreadable = new(nameof(StackResourcesUnreadable));
    private static readonly StateName StackFailed = new(nameof(StackFailed));

    public static StateMachineDefinition Definition()
    {
        var audit = LambdaFunction.Of<CoverageAuditFunction>();
        var states = new StateScope(new Catcher(AuditFailed));
        var listings = new List<EstateListing> { EstateListing.DynamoDbTables };
        listings.AddRange(EstateListing.All.Where(l => l != EstateListing.DynamoDbTables && l.PerItemOf is null));

        states.Pass(
            BeginAudit,
            "The audit is named after its execution; the region and account it looks at are the execution's own.",
            ListState(listings[0]),
            parameters: new JsonObject
            {
                ["auditId.$"] = "$$.Execution.Name",
                ["execution.$"] = "$$.Execution.Id",
                ["startedAt.$"] = "$$.Execution.StartTime",
                ["region.$"] = "States.ArrayGetItem(States.StringSplit($$.Execution.Id, ':'), 3)",
                ["options.$"] = "$",
            });

        for (var i = 0; i < listings.Count; i++)
        {
            var listing = listings[i];
            var next = i + 1 < listings.Count ? ListState(listings[i + 1]) : JudgeCoverage;
            var afterList = listing == EstateListing.DynamoDbTables ? ReadPointInTimeRecovery
                : EstateListing.VaultListings.Contains(listing) ? ReadRecoveryPointsState(listing)
                : listing == EstateListing.CloudFormationStacks ? ReadStacks
                : KeepState(listing);
            states
                .SdkTask(ListState(listing), $"The first page of {listing.Service}:{listing.Action} ({(listing.PageSizeMember is null ? "as AWS pages it" : $"{listing.PageSize} a page")}).", Sdk.Resource(listing.Service, listing.Action), Parameters(listing, paged: false), TaskResult.At("$.page"), afterList)
                .SdkTask(ListMoreState(listing), "The next page.", Sdk.Resource(listing.Service, listing.Action), Parameters(listing, paged: true), TaskResult.At("$.page"), afterList);
            if (listing == EstateListing.DynamoDbTables)
            {
                states.Map(
                    ReadPointInTimeRecovery,
                    "Whether each table of the page has point-in-time recovery on, and its restorable window.",
                    $"$.page.{listing.ItemsMember}",
                    new JsonObject
                    {
                        ["MaxConcurrency"] = EstateListing.ContinuousBackupsAtOnce,
                        ["ItemSelector"] = new JsonObject { ["TableName.$"] = "$$.Map.Item.Value" },
                    },
                    new JsonObject { ["Mode"] = "INLINE" },
                    PitrProcessor(),
                    $"$.page.{EstateReader.PitrMember}",
                    KeepState(listing));
            }

            if (EstateListing.VaultListings.Contains(listing))
            {
                states.Map(
                    ReadRecoveryPointsState(listing),
                    "Each vault's recovery points, a page at a time, kept by the function like every listing's pages (the vault's account is read from its ARN: a shared vault is another account's).",
                    $"$.page.{listing.ItemsMember}",
                    new JsonObject
                    {
                        ["MaxConcurrency"] = EstateListing.VaultsAtOnce,
                        ["ItemSelector"] = new JsonObject
                        {
                            ["auditId.$"] = "$.auditId",
                            ["execution.$"] = "$.execution",
                            [EstateListing.VaultMember] = new JsonObject
                            {
                                ["name.$"] = "$$.Map.Item.Value.BackupVaultName",
                                ["account.$"] = "States.ArrayGetItem(States.StringSplit($$.Map.Item.Value.BackupVaultArn, ':'), 4)",
                            },
                        },
                    },
                    new JsonObject { ["Mode"] = "INLINE" },
                    VaultProcessor(listing, audit),
                    null,
                    KeepState(listing));
            }

            if (listing == EstateListing.CloudFormationStacks)
            {
                states.Map(
                    ReadStacks,
                    "Each stack of the page: its template's deletion policies and its resources, kept in the runs table from inside the iteration (a template can be far larger than the payload may carry). Nothing comes back.",
                    $"$.page.{listing.ItemsMember}",
                    new JsonObject
                    {
                        ["MaxConcurrency"] = EstateListing.StacksAtOnce,
                        ["ItemSelector"] = new JsonObject
                        {
                            ["auditId.$"] = "$.auditId",
                            ["execution.$"] = "$.execution",
                            ["stack"] = new JsonObject { ["StackName.$"] = "$$.Map.Item.Value.StackName", ["StackId.$"] = "$$.Map.Item.Value.StackId" },
                        },
                    },
                    new JsonObject { ["Mode"] = "INLINE" },
                    StackProcessor(audit),
                    resultPath: null,
                    KeepState(listing));
            }

            states
                .LambdaTask(
                    KeepState(listing),
                    "Keeps what the page says in the runs table (not in the state: the payload stays one page) and gives the next page's token.",
                    KeepPage(audit, listing, MorePagesState(listing)))
                .Choice(MorePagesState(listing), "More pages while the token is not empty.", [Rule.IsNonEmpty("$.cursor.next", ListMoreState(listing))], next);
        }

        states
            .LambdaTask(
                JudgeCoverage,
                "Merges the pages, finds each resource's plans and drills, judges NOT_PROTECTED, BACKUP_STALE, DRILL_FAILING, NOT_DRILLED and DRILL_STALE, writes the audit record and the metrics.",
                new()
                {
                    Function = audit,
                    Payload = new JsonObject
                    {
                        ["mode"] = AuditStep.Judge,
                        ["auditId.$"] = "$.auditId",
                        ["execution.$"] = "$.execution",
                        ["startedAt.$"] = "$.startedAt",
                        ["options.$"] = "$.options",
                    },
                    Result = TaskResult.PayloadAt("$.judged", "result"),
                    Next = ShouldNotify,
                })
            .Choice(ShouldNotify, "A summary goes out when something was found and a topic is configured.", [Rule.IsTrue("$.judged.result.notify", Notify)], AuditDone)
            .Publish(Notify, "The audit's headline and findings, each with what to do.", "$.judged.result", AuditDone)
            .Succeed(AuditDone, "The audit is recorded: drill coverage prints it.")
            .Fail(AuditFailed, "A listing or a step failed after its retries.", WorkflowErrors.AuditFailed, "The audit could not finish and recorded nothing; the execution's history names the failing step. The next scheduled audit tries again.");

        return new StateMachineDefinition(
            FileName,
            "DrillRunner coverage audit: finds what no backup and no drill protects (read-only; weekly and on demand).",
            (int)TimeLimit.TotalSeconds,
            states);
    }

    public static StateName ListState(EstateListing listing) => new("List" + listing.Name);

    public static StateName ListMoreState(EstateListing listing) => new("List" + listing.Name + "More");

    public static StateName KeepState(EstateListing listing) => new("Keep" + listing.Name);

    public static StateName MorePagesState(EstateListing listing) => new("More" + listing.Name);

    public static StateName ReadRecoveryPointsState(EstateListing vaults) => new("ReadRecoveryPointsOf" + vaults.Name);

    /// <summary>The states that list one vault's recovery points are named for the vault listing they serve: state names are unique in a machine.</summary>
    public static StateName ListPointsState(EstateListing vaults, bool more) => new($"List{EstateListing.VaultRecoveryPoints.Name}Of{vaults.Name}{(more ? "More" : string.Empty)}");

    /// <summary>The function keeps the page in the runs table (never in the state) and gives the next page's token.</summary>
    private static LambdaInvoke KeepPage(LambdaFunction audit, EstateListing listing, StateName next) => new()
    {
        Function = audit,
        Payload = new JsonObject
        {
            ["mode"] = AuditStep.KeepPage,
            ["auditId.$"] = "$.auditId",
            ["execution.$"] = "$.execution",
            ["listing"] = listing.Name,
            ["page.$"] = "$.page",
        },
        Result = TaskResult.At("$.cursor", new JsonObject { ["next.$"] = "$.Payload.next" }),
        Next = next,
    };

    private static JsonObject Parameters(EstateListing listing, bool paged)
    {
        var parameters = new JsonObject();
        if (listing.PageSizeMember is not null)
        {
            parameters[listing.PageSizeMember] = listing.PageSize;
        }

        foreach (var (name, value) in listing.Fixed)
        {
            parameters[name] = value;
        }

        foreach (var (name, flag) in listing.FixedFlags)
        {
            parameters[name] = flag;
        }

        foreach (var (name, values) in listing.FixedLists)
        {
            parameters[name] = new JsonArray([.. values.Select(v => (JsonNode)v)]);
        }

        foreach (var (name, path) in listing.FromState)
        {
            parameters[$"{name}.$"] = path;
        }

        if (paged)
        {
            parameters[$"{listing.RequestToken}.$"] = "$.cursor.next";
        }

        return parameters;
    }

    /// <summary>
    /// One vault's ListRecoveryPointsByBackupVault, page after page, each page kept by the function. A vault that
    /// cannot be listed (deleted since it was listed, or a share withdrawn) ends its own branch, not the audit; a page
    /// that cannot be kept fails the audit, as everywhere else.
    /// </summary>
    private static StateScope VaultProcessor(EstateListing vaults, LambdaFunction audit)
    {
        var points = EstateListing.VaultRecoveryPoints;
        var keep = new StateName($"Keep{points.Name}Of{vaults.Name}");
        var more = new StateName($"More{points.Name}Of{vaults.Name}");
        var done = new StateName($"{points.Name}Of{vaults.Name}Read");
        var unreadable = new StateName($"{points.Name}Of{vaults.Name}Unreadable");
        var failed = new StateName($"{points.Name}Of{vaults.Name}NotKept");
        return new StateScope(new Catcher(failed))
            .SdkTask(ListPointsState(vaults, more: false), $"The vault's first page of recovery points ({points.PageSize} a page).", Sdk.Resource(points.Service, points.Action), Parameters(points, paged: false), TaskResult.At("$.page"), keep, onError: new Catcher(unreadable))
            .SdkTask(ListPointsState(vaults, more: true), "The vault's next page.", Sdk.Resource(points.Service, points.Action), Parameters(points, paged: true), TaskResult.At("$.page"), keep, onError: new Catcher(unreadable))
            .LambdaTask(
                keep,
                "Keeps what the page says in the runs table and gives the next page's token.",
                KeepPage(audit, points, more))
            .Choice(more, "More pages while the token is not empty.", [Rule.IsNonEmpty("$.cursor.next", ListPointsState(vaults, more: true))], done)
            .Pass(done, "The vault's recovery points are kept.", next: null, parameters: new JsonObject())
            .Pass(unreadable, "The vault could not be listed (deleted since, or a share withdrawn); the others still are.", next: null, parameters: new JsonObject())
            .Fail(failed, "A page was listed but could not be kept: the audit fails rather than judge without it.", WorkflowErrors.AuditFailed, "A vault's page of recovery points could not be kept in the runs table; the next scheduled audit tries again.");
    }

    /// <summary>One table's DescribeContinuousBackups and DescribeTable; a table that cannot be read (deleted since it was listed) says so instead of failing the audit.</summary>
    private static StateScope PitrProcessor()
    {
        var call = EstateListing.ContinuousBackups;
        var describe = EstateListing.DescribeTable;
        return new StateScope(new Catcher(PitrUnreadable))
            .SdkTask(DescribeContinuousBackups, "Point-in-time recovery: status and restorable window.", Sdk.Resource(call), new JsonObject { [$"{call.IdParameter}.$"] = "$.TableName" }, TaskResult.At($"$.{EstateReader.PitrAnswerMember}"), DescribeTable)
            .SdkTask(DescribeTable, "Deletion protection (the rest of the description is dropped by the next state).", Sdk.Resource(describe), new JsonObject { [$"{describe.IdParameter}.$"] = "$.TableName" }, TaskResult.At("$.described"), DeletionProtectionSaid)
            .Choice(DeletionProtectionSaid, "A path to a member that is absent fails a state with States.Runtime, which no Catch of States.ALL takes: look before reading it.", [Rule.IsPresent("$.described.Table.DeletionProtectionEnabled", PitrRead)], PitrReadProtectionUnsaid)
            .Pass(
                PitrRead,
                "The table's answers, small: PITR and deletion protection.",
                next: null,
                parameters: new JsonObject
                {
                    ["TableName.$"] = "$.TableName",
                    [$"{EstateReader.PitrAnswerMember}.$"] = $"$.{EstateReader.PitrAnswerMember}",
                    [EstateReader.DeletionProtectionMember] = new JsonObject { ["Enabled.$"] = "$.described.Table.DeletionProtectionEnabled" },
                })
            .Pass(
                PitrReadProtectionUnsaid,
                "DescribeTable did not say: deletion protection stays unknown.",
                next: null,
                parameters: new JsonObject { ["TableName.$"] = "$.TableName", [$"{EstateReader.PitrAnswerMember}.$"] = $"$.{EstateReader.PitrAnswerMember}" })
            .Pass(PitrUnreadable, "Recorded as unreadable: the judge says so rather than guessing.", next: null, parameters: new JsonObject { ["TableName.$"] = "$.TableName", [EstateReader.PitrErrorMember + ".$"] = "$.error.Error" });
    }

    /// <summary>
    /// One stack: GetTemplate, whose body goes straight to the function that reads its policies (the
    /// body is replaced by that small answer), then ListStackResources a page at a time, each page
    /// kept by the function with the policies. A template that cannot be read, by size
    /// (States.DataLimitExceeded, which States.ALL does not catch) or any other error, is passed on as
    /// the error so the function records why; a stack whose resources cannot be listed (deleted since
    /// ListStacks) ends its iteration.
    /// </summary>
    private static StateScope StackProcessor(LambdaFunction audit)
    {
        var template = EstateListing.StackTemplate;
        var resources = EstateListing.StackResources;
        var scope = new StateScope(new Catcher(StackFailed));
        var gone = new Catcher(StackResourcesUnreadable);
        scope
            .SdkTask(
                GetTemplate,
                "The template as submitted; only its body is kept, and only until the next state.",
                Sdk.Resource(template),
                new JsonObject { [$"{template.IdParameter}.$"] = "$.stack.StackId", ["TemplateStage"] = "Original" },
                TaskResult.At("$.template", new JsonObject { ["TemplateBody.$"] = "$.TemplateBody" }),
                ReadTemplatePolicies,
                onError: new Catcher(ReadTemplatePolicies, "$.template") { AlsoByName = ["States.DataLimitExceeded"] })
            .LambdaTask(
                ReadTemplatePolicies,
                "Reads each judged resource's DeletionPolicy and UpdateReplacePolicy (or why the template is unreadable); the body is dropped here.",
                new()
                {
                    Function = audit,
                    Payload = new JsonObject
                    {
                        ["mode"] = AuditStep.ReadTemplate,
                        ["auditId.$"] = "$.auditId",
                        ["execution.$"] = "$.execution",
                        ["stack.$"] = "$.stack",
                        ["template.$"] = "$.template",
                    },
                    Result = TaskResult.At("$.template", new JsonObject { ["policies.$"] = "$.Payload" }),
                    Next = ListState(resources),
                });
        scope
            .SdkTask(ListState(resources), "The stack's first page of resources.", Sdk.Resource(resources.Service, resources.Action), Parameters(resources, paged: false), TaskResult.At("$.page"), KeepState(resources), onError: gone)
            .SdkTask(ListMoreState(resources), "The next page.", Sdk.Resource(resources.Service, resources.Action), Parameters(resources, paged: true), TaskResult.At("$.page"), KeepState(resources), onError: gone)
            .LambdaTask(
                KeepState(resources),
                "Keeps each judged resource of the page with its owner (this stack) and the template's policies, and gives the next page's token.",
                new()
                {
                    Function = audit,
                    Payload = new JsonObject
                    {
                        ["mode"] = AuditStep.KeepStackResources,
                        ["auditId.$"] = "$.auditId",
                        ["execution.$"] = "$.execution",
                        ["listing"] = resources.Name,
                        ["stack.$"] = "$.stack",
                        ["policies.$"] = "$.template.policies",
                        ["page.$"] = "$.page",
                    },
                    Result = TaskResult.At("$.cursor", new JsonObject { ["next.$"] = "$.Payload.next" }),
                    Next = MorePagesState(resources),
                })
            .Choice(MorePagesState(resources), "More pages while the token is not empty.", [Rule.IsNonEmpty("$.cursor.next", ListMoreState(resources))], StackRead)
            .Pass(StackRead, "Kept; the iteration gives back nothing.", next: null, result: [])
            .Pass(StackResourcesUnreadable, "The stack went away (or cannot be listed) after ListStacks: its resources, if any remain, keep the owner their tags give.", next: null, result: [])
            .Fail(StackFailed, "The function failed after its retries: the Map fails, and with it the audit.", WorkflowErrors.AuditFailed, "A stack's template or resources could not be kept.");
        return scope;
    }
}
