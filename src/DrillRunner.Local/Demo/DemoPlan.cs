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

    public static string Json(Uri appUrl) => new JsonObject
    {
        ["name"] = Name,
        ["objectives"] = new JsonObject { ["rtoMinutes"] = RtoMinutes, ["rpoMinutes"] = RpoMinutes },
        ["scratchPrefix"] = ScratchPrefix,
        ["maxConcurrentRestores"] = 2,
        ["restoreTimeoutMinutes"] = 5,
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
    }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
}
