namespace DrillRunner.Core.Tests.Plans;

/// <summary>A valid plan, and ways to break it one field at a time.</summary>
internal static class PlanSamples
{
    public const string Valid = """
        {
          "name": "prod",
          "objectives": { "rtoMinutes": 60, "rpoMinutes": 15 },
          "scratchPrefix": "drill-",
          "maxConcurrentRestores": 4,
          "targets": [
            {
              "id": "orders",
              "type": "dynamodb",
              "tableName": "orders-prod",
              "restoreFrom": "auto",
              "restore": { "billingMode": "PAY_PER_REQUEST", "withoutSecondaryIndexes": true, "sse": { "type": "KMS", "kmsKeyArn": "arn:aws:kms:eu-west-1:123456789012:key/abc" } },
              "verification": {
                "minItemCount": 1000,
                "tolerancePercentOfSource": 1,
                "sentinelKeys": [ { "pk": "ORDER#1", "sk": 7 } ],
                "sampleSize": 20,
                "lastModifiedAttribute": "updatedAt"
              }
            }
          ],
          "healthChecks": [
            { "name": "api", "url": "https://app.example.com/health?table={{restored.orders}}", "expectedStatus": 200, "bodyContains": "ok", "timeoutSeconds": 10 }
          ],
          "notifications": { "snsTopicArn": "arn:aws:sns:eu-west-1:123456789012:drills" }
        }
        """;

    public static string With(string find, string replace)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        return Valid.Replace(find, replace, StringComparison.Ordinal);
    }
}
