using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace DrillRunner.Aws.RunStore;

/// <summary>Every item a query returns, across pages (SDK v4 leaves LastEvaluatedKey null on the last page).</summary>
internal static class QueryPages
{
    public static async IAsyncEnumerable<Dictionary<string, AttributeValue>> AllAsync(IAmazonDynamoDB dynamoDb, QueryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        do
        {
            var page = await dynamoDb.QueryAsync(request, cancellationToken);
            foreach (var item in page.Items ?? [])
            {
                yield return item;
            }

            request.ExclusiveStartKey = page.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });
    }
}
