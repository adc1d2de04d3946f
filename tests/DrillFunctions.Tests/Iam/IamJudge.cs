using System.Diagnostics;
using System.Text.Json.Nodes;
using DrillRunner.Local.Processes;

namespace DrillFunctions.Tests.Iam;

/// <summary>One question for the judge: may this role do this action on this resource, in this context?</summary>
internal sealed record IamRequest(string Role, string Action, string Resource, IReadOnlyDictionary<string, object>? Context = null)
{
    public override string ToString() =>
        $"{Role}: {Action} on {Resource}" + (Context is { Count: > 0 } ? $" ({string.Join(", ", Context.Select(c => $"{c.Key}={(c.Value is string[] list ? string.Join('|', list) : c.Value)}"))})" : "");
}

/// <summary>The judge's answers: each request with its decision, and what is wrong with the policies themselves.</summary>
internal sealed record IamVerdicts(IReadOnlyList<(IamRequest Request, string Decision)> Decisions, IReadOnlyList<string> Problems);

/// <summary>
/// Asks @cloud-copilot/iam-simulate (a real IAM policy evaluator, run by simulate.mjs beside this
/// file) about the deployed roles, in one Node process per batch of requests.
/// </summary>
internal static class IamJudge
{
    public const string Allowed = "Allowed";

    public static IamVerdicts Judge(IReadOnlyDictionary<string, DeployedRole> roles, IReadOnlyList<IamRequest> requests)
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "DrillFunctions.Tests", "Iam", "simulate.mjs");
        if (!Directory.Exists(Path.Combine(RepoPaths.Root, "node_modules", "@cloud-copilot", "iam-simulate")))
        {
            throw new InvalidOperationException($"@cloud-copilot/iam-simulate is not installed in {RepoPaths.Root}/node_modules. Fix: run 'npm ci' there (.ci/setup-tests does).");
        }

        var job = new JsonObject
        {
            ["account"] = TestStack.Account,
            ["roles"] = new JsonObject(roles.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)new JsonObject
            {
                ["identity"] = new JsonArray(r.Value.Identity.Select(p => (JsonNode?)p.DeepClone()).ToArray()),
                ["boundary"] = new JsonArray(r.Value.Boundary.Select(p => (JsonNode?)p.DeepClone()).ToArray()),
            }))),
            ["requests"] = new JsonArray(requests.Select((r, i) => (JsonNode?)new JsonObject
            {
                ["id"] = i,
                ["role"] = r.Role,
                ["action"] = r.Action,
                ["resource"] = r.Resource,
                ["context"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(r.Context ?? new Dictionary<string, object>())),
            }).ToArray()),
        };

        var start = new ProcessStartInfo("node") { WorkingDirectory = RepoPaths.Root, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        process.StandardInput.Write(job.ToJsonString());
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"simulate.mjs failed (exit {process.ExitCode}): {stderr.Result}");
        }

        var output = JsonNode.Parse(stdout.Result)!;
        var decisions = output["results"]!.AsArray()
            .Select(r => (requests[r!["id"]!.GetValue<int>()], r["decision"]!.GetValue<string>() + (r["errors"] is { } errors ? $": {errors}" : "")))
            .ToList();
        return new IamVerdicts(decisions, output["problems"]!.AsArray().Select(p => p!.GetValue<string>()).ToList());
    }
}
