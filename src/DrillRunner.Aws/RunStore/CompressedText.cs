using System.IO.Compression;
using System.Text;
using Amazon.DynamoDBv2.Model;

namespace DrillRunner.Aws.RunStore;

/// <summary>
/// A plan's JSON as a gzip-compressed binary attribute. Plan JSON repeats itself target after
/// target, so a plan of hundreds of targets that would pass DynamoDB's 400 KB item limit as text
/// (and 1.5 times that when escaped inside another JSON document) takes a small fraction of it.
/// </summary>
public static class CompressedText
{
    /// <summary>The attribute that holds it.</summary>
    public const string AttributeName = "gz";

    public static AttributeValue Of(string text)
    {
        var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        packed.Position = 0;
        return new AttributeValue { B = packed };
    }

    /// <summary>The text of an item's compressed attribute; null when the item has none (written before plans were compressed).</summary>
    public static string? From(Dictionary<string, AttributeValue> item)
    {
        if (!item.TryGetValue(AttributeName, out var value) || value.B is null)
        {
            return null;
        }

        value.B.Position = 0;
        using var gzip = new GZipStream(value.B, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
