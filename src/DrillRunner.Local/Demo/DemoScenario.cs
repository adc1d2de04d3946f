using DrillRunner.Core.Runs;

namespace DrillRunner.Local.Demo;

/// <summary>What a demo drill meets, as real drills meet it, and the verdict each must reach.</summary>
public sealed record DemoScenario(string Name, string Description, Verdict ExpectedVerdict)
{
    public static IReadOnlyList<DemoScenario> All { get; } =
    [
        new("healthy", "PITR on and a nightly backup; everything restores, verifies and answers", Verdict.Pass),
        new("no-backups", "PITR was never switched on and nobody made a backup of the orders table", Verdict.Fail),
        new("restore-fails", "AWS accepts the orders restore, then abandons it", Verdict.Fail),
        new("data-loss", "only a backup from before the last 5,000 orders exists", Verdict.Fail),
        new("app-down", "the application does not answer its health check", Verdict.Fail),
        new("slow-restore", "the orders restore takes longer than the RTO objective allows", Verdict.FailObjective),
        new("estate", "the invoice bucket and the billing database too, restored through AWS Backup (a verifier Lambda checks the database)", Verdict.Pass),
    ];

    /// <summary>`drill demo --scenario coverage`: not a drill, but the coverage audit of the demo shop and the estate around it.</summary>
    public const string Coverage = "coverage";

    /// <summary>What --scenario accepts for `drill demo`, for messages.</summary>
    public static string DemoNames => string.Join(", ", All.Select(s => s.Name).Append(Coverage));

    public static DemoScenario? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
