using System.Text.Json;

namespace DrillRunner.Core.Tests.Fakes;

/// <summary>A GetResources answer, as the state machine hands it to teardown and the janitor.</summary>
internal static class TaggedResources
{
    public static JsonElement Answer(params (string Arn, Dictionary<string, string> Tags)[] resources) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["ResourceTagMappingList"] = resources.Select(r => new Dictionary<string, object> { ["ResourceARN"] = r.Arn, ["Tags"] = r.Tags.Select(t => new Dictionary<string, string> { ["Key"] = t.Key, ["Value"] = t.Value }).ToList() }).ToList(),
            ["PaginationToken"] = string.Empty,
        });
}
