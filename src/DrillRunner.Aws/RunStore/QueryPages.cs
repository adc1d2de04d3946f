using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace DrillRunner.Aws.RunStore;

/// <summary>Every item a query returns, across pages, through the SDK's own paginator.</summary>
internal static class QueryPages
{
    public static async IAsyncEnumerable<Dictionary<string, AttributeValue>> AllAsync(IAmazonDynamoDB dynamoDb, QueryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in dynamoDb.Paginators.Query(request).Responses.WithCancellation(cancellationToken))
        {
            foreach (var item in page.Items ?? [])
            {
                yield return item;
            }
        }
    }
}
