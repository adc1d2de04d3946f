using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Ports;

namespace DrillRunner.Core.Coverage;

/// <summary>Keeps what one page of one listing says (small: the page itself never reaches the runs table) and gives the next page's token.</summary>
public sealed class RecordEstatePage(ICoverageStore store)
{
    public async Task<(int Observed, string NextToken)> ExecuteAsync(string auditId, string listingName, JsonObject page, AuditScope scope, CancellationToken cancellationToken)
    {
        var listing = EstateListing.Named(listingName)
            ?? throw new ArgumentException($"Unknown listing '{listingName}'; the audit makes {string.Join(", ", EstateListing.All.Select(l => l.Name))}.", nameof(listingName));
        var observations = EstateReader.Read(listing, page, scope);

        // The same page, retried, is the same item: keyed by its content, not by an order the retry could change.
        var key = $"{listing.Name}#{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(page.ToJsonString())))[..24]}";
        await store.SavePageAsync(auditId, key, observations, cancellationToken);
        return (observations.Count, EstateReader.NextToken(listing, page));
    }
}
