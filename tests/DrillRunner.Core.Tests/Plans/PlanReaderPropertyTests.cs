using System.Text.Json.Nodes;
using DrillRunner.Core.Plans;
using FsCheck;
using FsCheck.Fluent;

namespace DrillRunner.Core.Tests.Plans;

/// <summary>
/// Valid plans mutated at random (fields removed, values replaced by other types, strange strings,
/// the text cut short or salted with bytes): the reader never throws, and always answers either a
/// valid plan or a list of problems whose paths point into the document.
/// </summary>
public sealed class PlanReaderPropertyTests
{
    private const string Mixed = """
        { "name": "prod-estate", "objectives": { "rtoMinutes": 240, "rpoMinutes": 1500 }, "scratchPrefix": "drill-",
          "maxConcurrentRestores": 4, "restoreTimeoutMinutes": 180,
          "targets": [
            { "id": "orders", "type": "dynamodb", "tableName": "orders-prod", "restoreFrom": "pitr",
              "verification": { "tolerancePercentOfSource": 0.5, "sentinelKeys": [ { "pk": "ORDER#1" } ], "sampleSize": 50, "lastModifiedAttribute": "updatedAt" } },
            { "id": "invoices", "type": "aws-backup", "resourceArn": "arn:aws:s3:::invoices-prod", "maxRecoveryPointAgeHours": 26,
              "verification": { "minObjectCount": 10, "sentinelKeys": [ "2026/01/INV-1.pdf" ] } },
            { "id": "billing-db", "type": "aws-backup", "resourceArn": "arn:aws:rds:eu-west-1:123456789012:db:billing-prod",
              "restoreMetadata": { "DBInstanceClass": "db.t4g.medium" }, "verification": { "tcpConnect": true }, "verifierFunction": "drill-verify-billing" }
          ],
          "healthChecks": [ { "name": "app", "url": "https://app.example.com/health?table={{restored.orders}}", "expectedStatus": 200 } ],
          "notifications": { "snsTopicArn": "arn:aws:sns:eu-west-1:123456789012:drills" } }
        """;

    private static readonly JsonNode?[] Replacements =
    [
        null, JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(1e308), JsonValue.Create(0.5), JsonValue.Create(true), JsonValue.Create(""),
        JsonValue.Create("\u0000"), JsonValue.Create("оrders"), JsonValue.Create("drill-"), JsonValue.Create("arn:aws:rds:::db:"), JsonValue.Create("{{restored.}}"),
        JsonValue.Create(new string('x', 5000)), new JsonArray(), new JsonObject(), new JsonArray(JsonValue.Create(1), null), new JsonObject { ["x"] = new JsonArray() },
    ];

    [Fact]
    public void Read_OfAMutatedValidPlan_NeverThrows_AndAnswersAPlanOrProblemsWithPaths()
    {
        Assert.True(PlanReader.Read(Mixed).IsValid, string.Join("; ", PlanReader.Read(Mixed).Problems));
        var mutation = Gen.Choose(0, int.MaxValue).Zip(Gen.Choose(0, 3)).Zip(Gen.Choose(0, Replacements.Length - 1));

        Prop.ForAll(mutation.ToArbitrary(), m =>
            {
                var ((position, kind), replacement) = m;
                var text = Mutate(position, kind, replacement);
                var result = PlanReader.Read(text);
                return result.IsValid ? result.Problems.Count == 0 && result.Plan is not null : result.Problems.Count > 0 && result.Problems.All(p => p.Path.StartsWith('$') && p.Message.Length > 0 && p.Fix.Length > 0);
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(400));
    }

    /// <summary>One mutation of the valid plan, chosen by the generated numbers.</summary>
    private static string Mutate(int position, int kind, int replacement)
    {
        switch (kind)
        {
            case 0: // cut the text short
                return Mixed[..(position % Mixed.Length)];
            case 1: // salt one character
                var at = position % Mixed.Length;
                return Mixed[..at] + "\"{[,:\u0000\\"[position % 7] + Mixed[(at + 1)..];
        }

        var root = JsonNode.Parse(Mixed)!;
        var nodes = Walk(root).ToList();
        var (parent, key) = nodes[position % nodes.Count];
        switch (kind)
        {
            case 2 when parent is JsonObject obj: // remove a field
                obj.Remove(key!);
                break;
            case 2 when parent is JsonArray array:
                array.RemoveAt(int.Parse(key!, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case 3 when parent is JsonObject obj: // replace a value by something of another kind
                obj[key!] = Replacements[replacement]?.DeepClone();
                break;
            case 3 when parent is JsonArray array:
                array[int.Parse(key!, System.Globalization.CultureInfo.InvariantCulture)] = Replacements[replacement]?.DeepClone();
                break;
        }

        return root.ToJsonString();
    }

    /// <summary>Every (container, key) in the document, depth first.</summary>
    private static IEnumerable<(JsonNode Parent, string? Key)> Walk(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    yield return (obj, key);
                    if (child is not null)
                    {
                        foreach (var inner in Walk(child))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (array, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    if (array[i] is { } child)
                    {
                        foreach (var inner in Walk(child))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
        }
    }
}
