using System.Text.Json.Nodes;

namespace DrillRunner.Local.Demo;

/// <summary>
/// The demo's drill plan: the same format a team writes for production, with objectives scaled
/// down to laptop time (a real plan would say 60 minutes, not 30 seconds).
/// </summary>
public static class DemoPlan
{
    public const string Name = "demo-shop";
    public const string ScratchPrefix = "drill-";
    public const double RtoMinutes = 0.5;
    public const double RpoMinutes = 5;
    public const string TopicArn = "arn:aws:sns:us-east-1:000000000000:drill-demo-alerts";

    public const string InvoiceBucket = "shop-invoices";
    public const string BillingDatabase = "shop-billing";
    public const string BillingVerifier = "drill-verify-billing";
    public static readonly string InvoiceBucketArn = $"arn:aws:s3:::{InvoiceBucket}";
    public static readonly string BillingDatabaseArn = $"arn:aws:rds:us-east-1:000000000000:db:{BillingDatabase}";

    /// <summary>The rule that finds the shop's tables by their tag when each drill begins (scenario "healthy").</summary>
    public const string ShopRule = "shop";

    /// <param name="withAwsBackup">Also drill the invoice bucket and the billing database through AWS Backup (scenario "estate").</param>
    /// <param name="selectsShopTables">
    /// Find the shop's tables by their tag (<see cref="ShopRule"/>) instead of listing the customers table:
    /// the orders table stays an explicit target, for the settings a rule cannot give one table alone
    /// (its sentinels, its restore options, the health check's {{restored.orders}}), and overrides its match.
    /// </param>
    public static string Json(Uri appUrl, bool withAwsBackup = false, bool selectsShopTables = false)
    {
        var plan = Plan(appUrl);
        if (selectsShopTables)
        {
            var customers = plan["targets"]!.AsArray().Single(t => t!["tableName"]!.GetValue<string>() == DemoData.CustomersTable)!.AsObject();
            plan["targets"]!.AsArray().Remove(customers);
            plan["select"] = new JsonArray
            {
                new JsonObject
                {
                    ["id"] = ShopRule,
                    ["type"] = "dynamodb",
                    ["tags"] = new JsonArray { new JsonObject { ["key"] = DemoData.AppTagKey, ["equals"] = DemoData.AppTagValue } },
                    ["restoreFrom"] = customers["restoreFrom"]!.DeepClone(),
                    ["verification"] = customers["verification"]!.DeepClone(),
                },
            };
        }

        if (withAwsBackup)
        {
            var targets = plan["targets"]!.AsArray();
            targets.Add(new JsonObject
            {
                ["id"] = "invoices",
                ["type"] = "aws-backup",
                ["resourceArn"] = InvoiceBucketArn,
                ["maxRecoveryPointAgeHours"] = 26,
                ["verification"] = new JsonObject { ["tolerancePercentOfSource"] = 0, ["sentinelKeys"] = new JsonArray { "2026/11/INV-000001.pdf" } },
            });
            targets.Add(new JsonObject
            {
                ["id"] = "billing-db",
                ["type"] = "aws-backup",
                ["resourceArn"] = BillingDatabaseArn,
                ["maxRecoveryPointAgeHours"] = 26,
                ["restoreMetadata"] = new JsonObject { ["DBInstanceClass"] = "db.t4g.small", ["MultiAZ"] = "false" },
                ["verification"] = new JsonObject { ["tcpConnect"] = true },
                ["verifierFunction"] = BillingVerifier,
            });
        }

        return plan.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Plan(Uri appUrl) => new JsonObject
    {
        ["name"] = Name,
        ["objectives"] = new JsonObject { ["rtoMinutes"] = RtoMinutes, ["rpoMinutes"] = RpoMinutes },
        ["scratchPrefix"] = ScratchPrefix,
        ["maxConcurrentRestores"] = 2,
        ["restoreTimeoutMinutes"] = 5,
        ["coverage"] = new JsonObject
        {
            ["exclude"] = new JsonArray { new JsonObject { ["resource"] = CoverageEstate.ExcludedTable, ["reason"] = CoverageEstate.ExcludedReason } },
        },
        ["targets"] = new JsonArray
        {
            new JsonObject
            {
                ["id"] = "orders",
                ["type"] = "dynamodb",
                ["tableName"] = DemoData.SourceTable,
                ["restoreFrom"] = "auto",
                ["restore"] = new JsonObject { ["billingMode"] = "PAY_PER_REQUEST", ["withoutSecondaryIndexes"] = true },
                ["verification"] = new JsonObject
                {
                    ["minItemCount"] = 1000,
                    ["tolerancePercentOfSource"] = 1,
                    ["sentinelKeys"] = new JsonArray { new JsonObject { ["pk"] = DemoData.SentinelOrder }, new JsonObject { ["pk"] = DemoData.LastSentinelOrder } },
                    ["sampleSize"] = 25,
                    ["lastModifiedAttribute"] = "updatedAt",
                    ["scanSegments"] = 4,
                },
            },
            new JsonObject
            {
                ["id"] = "customers",
                ["type"] = "dynamodb",
                ["tableName"] = DemoData.CustomersTable,
                ["restoreFrom"] = "pitr",
                ["verification"] = new JsonObject { ["minItemCount"] = DemoData.Customers, ["maxItemCount"] = DemoData.Customers, ["sampleSize"] = 10 },
            },
        },
        ["notifications"] = new JsonObject { ["snsTopicArn"] = TopicArn },
        ["healthChecks"] = new JsonArray
        {
            new JsonObject
            {
                ["name"] = "orders-api",
                ["url"] = new Uri(appUrl, "/orders/health").ToString() + "?table={{restored.orders}}",
                ["expectedStatus"] = 200,
                ["bodyContains"] = "ok",
                ["timeoutSeconds"] = 5,
            },
        },
    };
}
