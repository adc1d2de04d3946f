using System.Text.Json.Nodes;
using static DrillFunctions.Tests.Iam.SafetyMatrix;

namespace DrillFunctions.Tests.Iam;

/// <summary>
/// Defence in depth means each layer holds alone. The stack is deployed under a name that starts
/// with the scratch prefix, so the runs table's name matches every table/&lt;prefix&gt;* grant; the
/// judge then sees each role's identity policies without the permissions boundary, the boundary
/// over identity policies that allow everything, and both as deployed. In each case no role may
/// delete or reconfigure the runs table.
/// </summary>
public sealed class EachLayerAloneSimulationTests
{
    private static readonly TestStack Stack = new(TemplateDocument.Load());
    private static readonly IReadOnlyDictionary<string, DeployedRole> Roles = DeployedRoles.Of(Stack);
    private static readonly string RunsTableArn = Stack.Attribute("RunsTable", "Arn");

    /// <summary>What the boundary alone is judged against: an identity policy that grants anything.</summary>
    private static readonly JsonObject AllowEverything = new()
    {
        ["name"] = "AllowEverything",
        ["policy"] = new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(new JsonObject { ["Effect"] = "Allow", ["Action"] = "*", ["Resource"] = "*" }),
        },
    };

    [Fact]
    public void IdentityPoliciesAlone_RefuseToDeleteOrReconfigureTheRunsTable()
    {
        var identityOnly = Roles.ToDictionary(r => r.Key, r => r.Value with { Boundary = [] }, StringComparer.Ordinal);

        AssertNoneAllowed(identityOnly);
    }

    [Fact]
    public void BoundaryAlone_RefusesToDeleteOrReconfigureTheRunsTable_WhateverTheIdentityPoliciesGrant()
    {
        // The restore role carries no boundary (AWS Backup assumes it); its own policy must hold alone.
        var boundaryOnly = Roles.Where(r => r.Value.Boundary.Count > 0)
            .ToDictionary(r => r.Key, r => r.Value with { Identity = [AllowEverything] }, StringComparer.Ordinal);

        var decisions = AssertNoneAllowed(boundaryOnly);

        Assert.All(decisions, d => Assert.True(d.Decision == "ExplicitlyDenied", $"{d.Request} -> {d.Decision}"));
    }

    [Fact]
    public void IdentityPoliciesAndBoundaryTogether_RefuseToDeleteOrReconfigureTheRunsTable()
    {
        AssertNoneAllowed(Roles);
    }

    private static IReadOnlyList<(IamRequest Request, string Decision)> AssertNoneAllowed(IReadOnlyDictionary<string, DeployedRole> roles)
    {
        // The worst case the stack can be deployed in: table/<prefix>* grants reach the runs table by name.
        Assert.StartsWith(TestStack.ScratchPrefix, Stack.PhysicalName("RunsTable"), StringComparison.Ordinal);
        var requests = roles.Keys.SelectMany(role => RunsTableHarm(RunsTableArn).Select(h => new IamRequest(role, h.Action, h.Resource))).ToList();

        var verdicts = IamJudge.Judge(roles, requests);

        Assert.Equal(requests.Count, verdicts.Decisions.Count);
        var wrong = verdicts.Decisions.Where(d => d.Decision.StartsWith(IamJudge.Allowed, StringComparison.Ordinal) || d.Decision.StartsWith("Error", StringComparison.Ordinal)).ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong.Select(w => $"{w.Request} -> {w.Decision}")));
        return verdicts.Decisions;
    }
}
