using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace DrillRunner.Aws.DynamoDb;

/// <summary>Puts many items with BatchWriteItem (25 per call), resending whatever DynamoDB returns as unprocessed.</summary>
public static class BatchPuts
{
    public static Task PutAllAsync(IAmazonDynamoDB dynamoDb, string tableName, IEnumerable<Dictionary<string, AttributeValue>> items, int parallelism, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            items.Chunk(25),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (chunk, ct) =>
            {
                var pending = new Dictionary<string, List<WriteRequest>>
                {
                    [tableName] = chunk.Select(item => new WriteRequest { PutRequest = new PutRequest { Item = item } }).ToList(),
                };
                while (pending.Values.Any(v => v.Count > 0))
                {
                    pending = (await dynamoDb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, ct)).UnprocessedItems ?? [];
                }
            });
}
