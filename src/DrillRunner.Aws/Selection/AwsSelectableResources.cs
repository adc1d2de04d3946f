using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using DrillRunner.Aws.DynamoDb;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Ports;

namespace DrillRunner.Aws.Selection;

/// <summary>
/// What "select" rules can match, read with the served SDKs only (no Resource Groups Tagging API
/// package is served): DynamoDB ListTables + DescribeTable + ListTagsOfResource, and S3 ListBuckets
/// (only the stack's region) + GetBucketTagging. Every listing is read to its last page. Only reads.
/// </summary>
/// <param name="s3">Null where the runner has no S3 access: a rule selecting buckets then fails loudly.</param>
/// <param name="region">The stack's region: buckets elsewhere are not listed (a drill restores in its own region).</param>
public sealed class AwsSelectableResources(IAmazonDynamoDB dynamoDb, IAmazonS3? s3, string? region) : ISelectableResources
{
    /// <summary>ListBuckets' largest page.</summary>
    public const int BucketPageSize = 1000;

    /// <summary>Tables per ListTables page; null for DynamoDB's own (100). Small values exercise continuation.</summary>
    public int? TablePageSize { get; init; }

    public async Task<IReadOnlyList<string>> ListNamesAsync(RestoreKind kind, CancellationToken cancellationToken)
    {
        if (kind == RestoreKinds.DynamoDbTable)
        {
            return await TableNamesAsync(cancellationToken);
        }

        if (kind == RestoreKinds.S3Bucket)
        {
            return await BucketNamesAsync(cancellationToken);
        }

        throw new NotSupportedException($"{kind.DisplayName}s cannot be listed with the SDKs the runner is built with.");
    }

    public async Task<SelectableResource?> DescribeAsync(RestoreKind kind, string name, CancellationToken cancellationToken)
    {
        if (kind == RestoreKinds.DynamoDbTable)
        {
            try
            {
                var arn = (await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = name }, cancellationToken)).Table.TableArn;
                return new SelectableResource(name, arn, await TableTags.ReadAsync(dynamoDb, arn, cancellationToken));
            }
            catch (ResourceNotFoundException)
            {
                return null;
            }
        }

        if (kind == RestoreKinds.S3Bucket)
        {
            try
            {
                var tagging = await S3.GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = name }, cancellationToken);
                return new SelectableResource(name, kind.ArnOf(string.Empty, string.Empty, name), (tagging.TagSet ?? []).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal));
            }
            catch (AmazonS3Exception ex) when (ex.ErrorCode == "NoSuchTagSet")
            {
                return new SelectableResource(name, kind.ArnOf(string.Empty, string.Empty, name), new Dictionary<string, string>(StringComparer.Ordinal));
            }
            catch (AmazonS3Exception ex) when (ex.ErrorCode == "NoSuchBucket")
            {
                return null;
            }
        }

        throw new NotSupportedException($"{kind.DisplayName}s cannot be described with the SDKs the runner is built with.");
    }

    private IAmazonS3 S3 => s3 ?? throw new InvalidOperationException("A \"select\" rule names S3 buckets but this runner has no S3 client.");

    private async Task<List<string>> TableNamesAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        string? start = null;
        do
        {
            var page = await dynamoDb.ListTablesAsync(new ListTablesRequest { ExclusiveStartTableName = start, Limit = TablePageSize }, cancellationToken);
            names.AddRange(page.TableNames ?? []);
            start = page.LastEvaluatedTableName;
        }
        while (!string.IsNullOrEmpty(start));

        return names;
    }

    private async Task<List<string>> BucketNamesAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await S3.ListBucketsAsync(new ListBucketsRequest { BucketRegion = region, ContinuationToken = token, MaxBuckets = BucketPageSize }, cancellationToken);
            names.AddRange((page.Buckets ?? []).Select(b => b.BucketName));
            token = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token));

        return names;
    }
}
