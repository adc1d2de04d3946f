using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using DrillRunner.Local.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DrillRunner.Local.AwsWorld;

/// <summary>
/// A small S3 in memory, speaking the REST/XML protocol path-style on 127.0.0.1, so the real
/// AWSSDK.S3 client runs against it: ListObjectsV2, HEAD object, bucket tagging, ListObjectVersions,
/// DeleteObjects, DeleteBucket and ListBuckets — what the runner uses. Tests and the demo seed it in
/// process. Test and demo infrastructure, never a production path.
/// </summary>
public sealed class LocalS3 : IAsyncDisposable
{
    private static readonly XNamespace Ns = "http://s3.amazonaws.com/doc/2006-03-01/";
    private readonly ConcurrentDictionary<string, LocalBucket> _buckets = new(StringComparer.Ordinal);
    private LoopbackWebApp _app = null!;

    public Uri Url => _app.Url;

    /// <summary>Page size of object listings (AWS: 1000); small values exercise continuation.</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>The region local buckets are in unless a test says otherwise (the clients' AuthenticationRegion).</summary>
    public const string Region = "us-east-1";

    /// <summary>Buckets per ListBuckets page when the caller gives max-buckets; small values exercise continuation.</summary>
    public int BucketPageSize { get; set; } = 10000;

    public static async Task<LocalS3> StartAsync(CancellationToken cancellationToken)
    {
        var s3 = new LocalS3();
        s3._app = await LoopbackWebApp.StartAsync(app => app.Map("/{**path}", s3.HandleAsync), cancellationToken);
        return s3;
    }

    public Amazon.S3.IAmazonS3 CreateClient() =>
        new Amazon.S3.AmazonS3Client(
            new Amazon.Runtime.BasicAWSCredentials("local", "local"),
            new Amazon.S3.AmazonS3Config { ServiceURL = Url.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });

    public bool Exists(string bucket) => _buckets.ContainsKey(bucket);

    public IReadOnlyCollection<string> BucketNames => _buckets.Keys.ToList();

    public LocalBucket CreateBucket(string bucket) =>
        _buckets.TryAdd(bucket, new LocalBucket()) ? _buckets[bucket] : throw new InvalidOperationException($"BucketAlreadyOwnedByYou: {bucket}");

    /// <summary>Removes a bucket (as DeleteBucket would); false when there was none.</summary>
    public bool DeleteBucket(string bucket) => _buckets.TryRemove(bucket, out _);

    public LocalBucket Bucket(string bucket) => Find(bucket) ?? throw new KeyNotFoundException($"NoSuchBucket: {bucket}");

    /// <summary>The bucket, or null when there is none (deleted, perhaps, since it was listed).</summary>
    public LocalBucket? Find(string bucket) => _buckets.TryGetValue(bucket, out var found) ? found : null;

    /// <summary>A copy of a bucket's objects (what an AWS Backup recovery point of it holds).</summary>
    public IReadOnlyDictionary<string, long> Snapshot(string bucket) => Bucket(bucket).Objects.ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var path = (context.Request.Path.Value ?? "/").TrimStart('/');
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var bucketName = Uri.UnescapeDataString(slash < 0 ? path : path[..slash]);
        var key = slash < 0 ? null : Uri.UnescapeDataString(path[(slash + 1)..]);
        var query = context.Request.Query;
        var method = context.Request.Method;

        if (bucketName.Length == 0)
        {
            await ListBucketsAsync(context);
            return;
        }

        if (!_buckets.TryGetValue(bucketName, out var bucket))
        {
            await ErrorAsync(context, 404, "NoSuchBucket", $"The specified bucket does not exist: {bucketName}");
            return;
        }

        if (key is { Length: > 0 })
        {
            if (method is "HEAD" or "GET" && bucket.Objects.TryGetValue(key, out var size))
            {
                context.Response.Headers.ETag = ETag(key, size);
                context.Response.Headers.LastModified = "Thu, 01 Jan 2026 00:00:00 GMT";
                context.Response.ContentLength = method == "HEAD" ? size : 0;
                context.Response.StatusCode = 200;
                return;
            }

            context.Response.StatusCode = 404;
            return;
        }

        switch (method)
        {
            case "GET" when query.ContainsKey("tagging"):
                if (bucket.Tags.IsEmpty)
                {
                    await ErrorAsync(context, 404, "NoSuchTagSet", "The TagSet does not exist");
                    return;
                }

                await XmlAsync(context, 200, new XElement(Ns + "Tagging", new XElement(Ns + "TagSet", bucket.Tags.Select(t => new XElement(Ns + "Tag", new XElement(Ns + "Key", t.Key), new XElement(Ns + "Value", t.Value))))));
                return;

            case "GET" when query.ContainsKey("versions"):
                await XmlAsync(context, 200, new XElement(
                    Ns + "ListVersionsResult",
                    new XElement(Ns + "Name", bucketName),
                    new XElement(Ns + "IsTruncated", "false"),
                    bucket.Objects.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => new XElement(
                        Ns + "Version",
                        new XElement(Ns + "Key", o.Key),
                        new XElement(Ns + "VersionId", "null"),
                        new XElement(Ns + "IsLatest", "true"),
                        new XElement(Ns + "Size", o.Value)))));
                return;

            case "GET":
                await ListObjectsAsync(context, bucketName, bucket);
                return;

            case "POST" when query.ContainsKey("delete"):
                var request = await XDocument.LoadAsync(context.Request.Body, LoadOptions.None, context.RequestAborted);
                foreach (var objectKey in request.Descendants().Where(e => e.Name.LocalName == "Key").Select(e => e.Value))
                {
                    bucket.Objects.TryRemove(objectKey, out _);
                }

                await XmlAsync(context, 200, new XElement(Ns + "DeleteResult"));
                return;

            case "DELETE":
                if (!bucket.Objects.IsEmpty)
                {
                    await ErrorAsync(context, 409, "BucketNotEmpty", "The bucket you tried to delete is not empty");
                    return;
                }

                _buckets.TryRemove(bucketName, out _);
                context.Response.StatusCode = 204;
                return;

            default:
                await ErrorAsync(context, 501, "NotImplemented", $"The local S3 does not implement {method} {context.Request.Path}{context.Request.QueryString}");
                return;
        }
    }

    /// <summary>
    /// ListBuckets as the API model has it: prefix, bucket-region (only buckets in that region),
    /// max-buckets with a ContinuationToken on every page but the last. Without max-buckets, one page.
    /// </summary>
    private async Task ListBucketsAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var prefix = query["prefix"].ToString();
        var region = query["bucket-region"].ToString();
        var after = query["continuation-token"].ToString();
        var pageSize = int.TryParse(query["max-buckets"], CultureInfo.InvariantCulture, out var max) ? Math.Min(max, BucketPageSize) : int.MaxValue;
        var matching = _buckets
            .Where(b => b.Key.StartsWith(prefix, StringComparison.Ordinal) && (region.Length == 0 || b.Value.Region == region))
            .Where(b => after.Length == 0 || string.CompareOrdinal(b.Key, after) > 0)
            .OrderBy(b => b.Key, StringComparer.Ordinal)
            .ToList();
        var page = matching.Take(pageSize).ToList();
        var result = new XElement(
            Ns + "ListAllMyBucketsResult",
            new XElement(Ns + "Owner", new XElement(Ns + "ID", "local")),
            new XElement(Ns + "Buckets", page.Select(b => new XElement(
                Ns + "Bucket",
                new XElement(Ns + "Name", b.Key),
                new XElement(Ns + "CreationDate", "2026-01-01T00:00:00.000Z"),
                new XElement(Ns + "BucketRegion", b.Value.Region)))));
        if (matching.Count > page.Count)
        {
            result.Add(new XElement(Ns + "ContinuationToken", page[^1].Key));
        }

        await XmlAsync(context, 200, result);
    }

    private async Task ListObjectsAsync(HttpContext context, string bucketName, LocalBucket bucket)
    {
        var after = context.Request.Query["continuation-token"].ToString();
        var maxKeys = int.TryParse(context.Request.Query["max-keys"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var max) ? Math.Min(max, PageSize) : PageSize;
        var keys = bucket.Objects.Keys.Order(StringComparer.Ordinal).Where(k => after.Length == 0 || string.CompareOrdinal(k, Encoding.UTF8.GetString(Convert.FromBase64String(after))) > 0).ToList();
        var page = keys.Take(maxKeys).ToList();
        var truncated = keys.Count > page.Count;
        var result = new XElement(
            Ns + "ListBucketResult",
            new XElement(Ns + "Name", bucketName),
            new XElement(Ns + "KeyCount", page.Count),
            new XElement(Ns + "MaxKeys", maxKeys),
            new XElement(Ns + "IsTruncated", truncated ? "true" : "false"),
            page.Select(k => new XElement(
                Ns + "Contents",
                new XElement(Ns + "Key", k),
                new XElement(Ns + "LastModified", "2026-01-01T00:00:00.000Z"),
                new XElement(Ns + "ETag", ETag(k, bucket.Objects[k])),
                new XElement(Ns + "Size", bucket.Objects[k]),
                new XElement(Ns + "StorageClass", "STANDARD"))));
        if (truncated)
        {
            result.Add(new XElement(Ns + "NextContinuationToken", Convert.ToBase64String(Encoding.UTF8.GetBytes(page[^1]))));
        }

        await XmlAsync(context, 200, result);
    }

    private static string ETag(string key, long size) => $"\"{Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{key}:{size}")))}\"";

    private static async Task XmlAsync(HttpContext context, int status, XElement body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(new XDocument(new XDeclaration("1.0", "UTF-8", null), body).ToString(), context.RequestAborted);
    }

    private static Task ErrorAsync(HttpContext context, int status, string code, string message) =>
        XmlAsync(context, status, new XElement("Error", new XElement("Code", code), new XElement("Message", message)));
}
