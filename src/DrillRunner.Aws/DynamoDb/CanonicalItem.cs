using Amazon.DynamoDBv2.Model;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;

namespace DrillRunner.Aws.DynamoDb;

/// <summary>Turns DynamoDB items into type-tagged canonical text so two items can be compared for equality.</summary>
internal static class CanonicalItem
{
    public static ItemSnapshot Snapshot(Dictionary<string, AttributeValue> item) =>
        new(item.ToDictionary(a => a.Key, a => Text(a.Value), StringComparer.Ordinal));

    public static string Text(AttributeValue value)
    {
        if (value.S is not null)
        {
            return "S:" + value.S;
        }

        if (value.N is not null)
        {
            return "N:" + value.N;
        }

        if (value.B is not null)
        {
            return "B:" + Convert.ToBase64String(value.B.ToArray());
        }

        if (value.BOOL is { } boolean)
        {
            return boolean ? "BOOL:true" : "BOOL:false";
        }

        if (value.NULL == true)
        {
            return "NULL";
        }

        if (value.SS is { Count: > 0 })
        {
            return "SS:[" + string.Join(",", value.SS.Order(StringComparer.Ordinal)) + "]";
        }

        if (value.NS is { Count: > 0 })
        {
            return "NS:[" + string.Join(",", value.NS.Order(StringComparer.Ordinal)) + "]";
        }

        if (value.BS is { Count: > 0 })
        {
            return "BS:[" + string.Join(",", value.BS.Select(b => Convert.ToBase64String(b.ToArray())).Order(StringComparer.Ordinal)) + "]";
        }

        if (value.L is not null)
        {
            return "L:[" + string.Join(",", value.L.Select(Text)) + "]";
        }

        if (value.M is not null)
        {
            return "M:{" + string.Join(",", value.M.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={Text(m.Value)}")) + "}";
        }

        return "?";
    }

    public static Dictionary<string, AttributeValue> Key(IReadOnlyDictionary<string, KeyValue> key) =>
        key.ToDictionary(
            k => k.Key,
            k => k.Value.IsNumber ? new AttributeValue { N = k.Value.Text } : new AttributeValue { S = k.Value.Text },
            StringComparer.Ordinal);

    public static string KeyText(Dictionary<string, AttributeValue> key) =>
        "{" + string.Join(", ", key.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}: {Text(k.Value)}")) + "}";

}
