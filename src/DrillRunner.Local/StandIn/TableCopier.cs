using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

using DrillRunner.Aws.DynamoDb;
using DrillRunner.Local.Hosting;

namespace DrillRunner.Local.StandIn;

/// <summary>Reads whole tables out of dynalite and writes restored ones back in.</summary>
internal sealed class TableCopier(IAmazonDynamoDB dynalite)
{
    public async Task<List<Dictionary<string, AttributeValue>>> ReadAllAsync(string tableName, CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? lastKey = null;
        do
        {
            var page = await dynalite.ScanAsync(new ScanRequest { TableName = tableName, ExclusiveStartKey = lastKey }, cancellationToken);
            items.AddRange(page.Items ?? []);
            lastKey = page.LastEvaluatedKey;
        }
        while (lastKey is { Count: > 0 });

        return items;
    }

    /// <summary>Creates a table shaped like <paramref name="source"/> (indexes optional), on-demand.</summary>
    public async Task CreateLikeAsync(TableDescription source, string tableName, bool withoutIndexes, CancellationToken cancellationToken)
    {
        var keyAttributes = source.KeySchema.Select(k => k.AttributeName).ToHashSet(StringComparer.Ordinal);
        var request = new CreateTableRequest
        {
            TableName = tableName,
            KeySchema = source.KeySchema,
            BillingMode = BillingMode.PAY_PER_REQUEST,
        };
        if (!withoutIndexes && source.GlobalSecondaryIndexes is { Count: > 0 } globals)
        {
            request.GlobalSecondaryIndexes = globals.Select(g => new GlobalSecondaryIndex { IndexName = g.IndexName, KeySchema = g.KeySchema, Projection = g.Projection }).ToList();
            keyAttributes.UnionWith(globals.SelectMany(g => g.KeySchema).Select(k => k.AttributeName));
        }

        if (!withoutIndexes && source.LocalSecondaryIndexes is { Count: > 0 } locals)
        {
            request.LocalSecondaryIndexes = locals.Select(l => new LocalSecondaryIndex { IndexName = l.IndexName, KeySchema = l.KeySchema, Projection = l.Projection }).ToList();
            keyAttributes.UnionWith(locals.SelectMany(l => l.KeySchema).Select(k => k.AttributeName));
        }

        request.AttributeDefinitions = source.AttributeDefinitions.Where(a => keyAttributes.Contains(a.AttributeName)).ToList();
        await dynalite.CreateTableAsync(request, cancellationToken);
    }

    public async Task WaitUntilActiveAsync(string tableName, CancellationToken cancellationToken)
    {
        await TableWaits.UntilActiveAsync(dynalite, tableName, cancellationToken);
    }

    public Task WriteAllAsync(string tableName, IReadOnlyList<Dictionary<string, AttributeValue>> items, CancellationToken cancellationToken) =>
        BatchPuts.PutAllAsync(dynalite, tableName, items, parallelism: 4, cancellationToken);
}
