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

        await store.SavePageAsync(auditId, Key(listing, page.ToJsonString()), observations, cancellationToken);
        return (observations.Count, EstateReader.NextToken(listing, page));
    }

    /// <summary>Keeps one page of one stack's resources, each with the stack as its owner and the template's policies.</summary>
    public async Task<(int Observed, string NextToken)> ExecuteStackAsync(string auditId, JsonObject stack, Survival.StackTemplateRead? policies, JsonObject page, AuditScope scope, CancellationToken cancellationToken)
    {
        var listing = EstateListing.StackResources;
        var observations = EstateReader.StackResources(page, stack, policies, scope);
        await store.SavePageAsync(auditId, Key(listing, stack.ToJsonString() + page.ToJsonString()), observations, cancellationToken);
        return (observations.Count, EstateReader.NextToken(listing, page));
    }

    /// <summary>The same page, retried, is the same item: keyed by its content, not by an order the retry could change.</summary>
    private static string Key(EstateListing listing, string content) =>
        $"{listing.Name}#{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..24]}";
}
