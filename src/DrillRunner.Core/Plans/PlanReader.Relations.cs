using System.Text.Json;

namespace DrillRunner.Core.Plans;

/// <summary>The plan's "relations": references between restored targets and ratios of their counts.</summary>
public static partial class PlanReader
{
    private const string RelationShape =
        "write { \"id\": \"order-customer\", \"from\": { \"target\": \"orders\", \"attribute\": \"customerId\" }, \"to\": { \"target\": \"customers\", \"key\": \"pk\" } }, "
        + "or { \"id\": \"orders-per-customer\", \"countRatio\": { \"target\": \"orders\", \"atLeast\": 10, \"per\": \"customers\" } }.";

    private static List<Relation> ReadRelations(JsonObjectReader root)
    {
        var relations = new List<Relation>();
        foreach (var (item, path) in root.Array("relations", false, "write \"relations\" as an array: " + RelationShape))
        {
            if (ReadRelation(item, path, root) is { } relation)
            {
                relations.Add(relation);
            }
        }

        return relations;
    }

    private static Relation? ReadRelation(JsonElement item, string path, JsonObjectReader parent)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            parent.Problem(path, "must be an object.", RelationShape);
            return null;
        }

        var relation = new JsonObjectReader(item, path, parent.Problems);
        var id = relation.String("id", true, "give the relation a short id such as \"order-customer\"; results and reports name it.");
        if (id is not null && !TargetIdPattern().IsMatch(id))
        {
            relation.Problem(relation.At("id"), "may hold only letters, digits, '-' and '_' (1–40 characters).", "shorten or rename the id.");
        }

        var hasRatio = relation.TryGet("countRatio", out _);
        var hasFrom = relation.TryGet("from", out _) | relation.TryGet("to", out _);
        Relation? read;
        if (hasRatio && hasFrom)
        {
            relation.Problem(path, "has both countRatio and from/to.", "declare a reference (from, to) and a count ratio (countRatio) as two relations.");
            read = null;
        }
        else if (hasRatio)
        {
            read = ReadCountRatio(relation, id);
        }
        else
        {
            read = ReadReference(relation, id);
        }

        relation.RejectUnknownFields();
        return read;
    }

    private static ReferenceRelation? ReadReference(JsonObjectReader relation, string? id)
    {
        var from = relation.Object("from", true, "write \"from\": { \"target\": \"orders\", \"attribute\": \"customerId\" } (the table whose items hold the reference), or use \"countRatio\" instead.");
        var fromTarget = from?.String("target", true, "name the target (its id) whose restored table holds the references, e.g. \"orders\".");
        var attribute = from?.String("attribute", true, "name the attribute that holds the reference, e.g. \"customerId\".");
        CheckAttributeName(from, "attribute", attribute);
        from?.RejectUnknownFields();

        var to = relation.Object("to", true, "write \"to\": { \"target\": \"customers\", \"key\": \"pk\" } (a table's partition key) or { \"target\": \"invoices\", \"objectKey\": true } (an object in a restored bucket).");
        var toTarget = to?.String("target", true, "name the target (its id) the references point at, e.g. \"customers\".");
        var key = to?.String("key", false, "name the referenced table's partition key attribute, e.g. \"pk\".");
        CheckAttributeName(to, "key", key);
        var objectKey = to?.Boolean("objectKey", "use true when the attribute holds an object key of a restored bucket.");
        if (to is not null && key is not null && objectKey == true)
        {
            to.Problem(to.At("objectKey"), "cannot be true together with \"key\".", "keep \"key\" to point at a table's items, or \"objectKey\": true to point at a bucket's objects.");
        }
        else if (to is not null && key is null && objectKey != true && !to.Problems.Any(p => p.Path == to.At("key")))
        {
            to.Problem(to.At("key"), "is required (or \"objectKey\": true).", "name the referenced table's partition key, e.g. \"key\": \"pk\", or write \"objectKey\": true for a bucket.");
        }

        to?.RejectUnknownFields();
        var sampleSize = relation.Whole("sampleSize", 1, RelationDefaults.MaxSampleSize, $"use 1 to {RelationDefaults.MaxSampleSize} items (a table with no more items than this is checked whole); default {RelationDefaults.SampleSize}.") ?? RelationDefaults.SampleSize;
        var hash = relation.Boolean("hashExamples", "use true to show dangling values as hashes (for data people must not see in a report), false to show them.") ?? false;

        return id is null || fromTarget is null || attribute is null || toTarget is null || (key is null && objectKey != true)
            ? null
            : new ReferenceRelation(id, fromTarget, attribute, toTarget, objectKey == true ? null : key, (int)sampleSize, hash);
    }

    private static CountRatioRelation? ReadCountRatio(JsonObjectReader relation, string? id)
    {
        var ratio = relation.Object("countRatio", true, "write \"countRatio\": { \"target\": \"orders\", \"atLeast\": 10, \"per\": \"customers\" }.");
        var target = ratio?.String("target", true, "name the target (its id) whose count is compared, e.g. \"orders\".");
        var atLeast = ratio?.Number("atLeast", true, 0, 1_000_000_000, "give how many of target there must be per item of \"per\", e.g. 10 (fractions allowed, e.g. 0.5).");
        var per = ratio?.String("per", true, "name the target (its id) counted against, e.g. \"customers\".");
        ratio?.RejectUnknownFields();
        return id is null || target is null || atLeast is null || per is null ? null : new CountRatioRelation(id, target, atLeast.Value, per);
    }

    /// <summary>DynamoDB attribute names are 1–255 bytes of UTF-8; a name is sent as an expression attribute name, so any character is allowed.</summary>
    private static void CheckAttributeName(JsonObjectReader? reader, string field, string? name)
    {
        if (reader is not null && name is not null && System.Text.Encoding.UTF8.GetByteCount(name) > 255)
        {
            reader.Problem(reader.At(field), "is longer than DynamoDB's 255 bytes for an attribute name.", "use the attribute's exact name.");
        }

        // Names reach terminals and reports: a control character could rewrite what a reader sees.
        if (reader is not null && name is not null && Printable.HasControl(name))
        {
            reader.Problem(reader.At(field), $"'{Printable.Of(name)}' holds a control character.", "use the attribute's exact name, without control characters.");
        }
    }
}
