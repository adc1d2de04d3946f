using DrillRunner.Core.Runs;

namespace DrillRunner.Local.Demo;

/// <summary>What a demo drill meets, as real drills meet it, and the verdict each must reach.</summary>
public sealed record DemoScenario(string Name, string Description, Verdict ExpectedVerdict)
{
    public const string Healthy = "healthy";
    public const string NoBackups = "no-backups";
    public const string RestoreFails = "restore-fails";
    public const string DataLoss = "data-loss";
    public const string AppDown = "app-down";
    public const string SlowRestore = "slow-restore";
    public const string Estate = "estate";

    /// <summary>`drill demo --scenario coverage`: not a drill, but the coverage audit of the demo shop and the estate around it.</summary>
    public const string Coverage = "coverage";

    /// <summary>`drill demo --scenario consistency`: the shop drilled twice while it takes orders — each table to its own newest point, then all to one instant.</summary>
    public const string Consistency = "consistency";

    /// <summary>`drill demo --scenario stack-deleted`: the post-mortem replayed — the audit says what a stack deletion would lose, the stack is deleted, and a drill restores what survived.</summary>
    public const string StackDeleted = "stack-deleted";

    /// <summary>The demo's scenarios that are not one drill of the demo plan (and so not for `local setup`).</summary>
    public static IReadOnlyList<string> DemoOnly { get; } = [Consistency, Coverage, StackDeleted];

    /// <summary>The drill scenarios, for option descriptions (a test keeps it equal to <see cref="All"/>).</summary>
    public const string DrillNames = Healthy + " (default), " + NoBackups + ", " + RestoreFails + ", " + DataLoss + ", " + AppDown + ", " + SlowRestore + ", " + Estate;

    public static IReadOnlyList<DemoScenario> All { get; } =
    [
        new(Healthy, "PITR on and a nightly backup; everything restores, verifies and answers", Verdict.Pass),
        new(NoBackups, "PITR was never switched on and nobody made a backup of the orders table", Verdict.Fail),
        new(RestoreFails, "AWS accepts the orders restore, then abandons it", Verdict.Fail),
        new(DataLoss, "the only backup is from 6 hours ago, before the last 5,000 orders; PITR is off", Verdict.Fail),
        new(AppDown, "the application does not answer its health check", Verdict.Fail),
        new(SlowRestore, "restores take longer than the RTO objective allows", Verdict.FailObjective),
        new(Estate, "the invoice bucket and the billing database too, restored through AWS Backup (a verifier Lambda checks the database)", Verdict.Pass),
    ];

    /// <summary>What --scenario accepts for `drill demo`, for messages.</summary>
    public static string DemoNames => string.Join(", ", All.Select(s => s.Name).Concat(DemoOnly));

    public static DemoScenario? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    /// <summary>Whether the scenario's plan also drills the invoice bucket and the billing database through AWS Backup.</summary>
    public bool DrillsAwsBackup => Name == Estate;

    /// <summary>Whether the shop's application answers its health check.</summary>
    public bool AppUp => Name != AppDown;
}
