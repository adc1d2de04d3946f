namespace DrillRunner.Core.Tests.Plans;

/// <summary>Plans with "select" rules, built from the rules' JSON.</summary>
internal static class SelectionPlans
{
    public const string ShopTables = """{ "id": "shop-tables", "type": "dynamodb", "tags": [ { "key": "app", "equals": "shop" } ], "verification": { "tolerancePercentOfSource": 2, "sampleSize": 5 } }""";

    public static string With(string rules, string targets = "", string extra = "") => $$"""
        {
          "name": "shop",
          "objectives": { "rtoMinutes": 240, "rpoMinutes": 30 },
          "scratchPrefix": "drill-",
          "maxConcurrentRestores": 10,
          {{(targets.Length > 0 ? $"\"targets\": [ {targets} ]," : string.Empty)}}
          {{extra}}
          "select": [ {{rules}} ]
        }
        """;
}
