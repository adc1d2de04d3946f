using System.Text.Json;
using System.Text.Json.Nodes;
using DrillRunner.Core.Json;
using DrillRunner.Core.Runs;

namespace DrillRunner.Cli.Output;

/// <summary>The run record as one JSON document: the run, its targets, and how many scratch resources were left.</summary>
public static class RunRecordJson
{
    public static JsonObject Build(DrillRun run, IReadOnlyList<TargetRun> targets, int scratchResourcesLeft)
    {
        var document = JsonSerializer.SerializeToNode(run, DrillJson.Default.DrillRun)!.AsObject();
        document["targets"] = new JsonArray(targets.Select(t => JsonSerializer.SerializeToNode(t, DrillJson.Default.TargetRun)).ToArray());
        document["scratchResourcesLeft"] = scratchResourcesLeft;
        return document;
    }

    public static string Write(JsonObject document) => document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
