using System.Text.RegularExpressions;

namespace DrillRunner.Core.Drills;

/// <summary>Fills a health check's URL template with the restored (scratch) table names.</summary>
public static partial class HealthUrls
{
    /// <summary>The URL, or null with the target ids that have no restored table.</summary>
    public static (Uri? Url, IReadOnlyList<string> Unrestored) Fill(string template, IReadOnlyDictionary<string, string> restoredTables)
    {
        var unrestored = new List<string>();
        var text = Placeholder().Replace(template, match =>
        {
            var id = match.Groups["id"].Value;
            if (restoredTables.TryGetValue(id, out var table))
            {
                return Uri.EscapeDataString(table);
            }

            unrestored.Add(id);
            return match.Value;
        });
        return unrestored.Count == 0 ? (new Uri(text), unrestored) : (null, unrestored);
    }

    [GeneratedRegex(@"\{\{\s*restored\.(?<id>[A-Za-z0-9_-]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
