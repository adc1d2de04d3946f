using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace DrillRunner.Aws.DynamoDb;

/// <summary>A table's tags, every page of them (the SDK has no paginator for ListTagsOfResource).</summary>
internal static class TableTags
{
    public static async Task<Dictionary<string, string>> ReadAsync(IAmazonDynamoDB dynamoDb, string tableArn, CancellationToken cancellationToken)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        string? next = null;
        do
        {
            var page = await dynamoDb.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = tableArn, NextToken = next }, cancellationToken);
            foreach (var tag in page.Tags ?? [])
            {
                tags[tag.Key] = tag.Value;
            }

            next = page.NextToken;
        }
        while (!string.IsNullOrEmpty(next));

        return tags;
    }
}
