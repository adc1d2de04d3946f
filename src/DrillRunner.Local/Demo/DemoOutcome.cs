using DrillRunner.Core.Runs;
using DrillRunner.Local.Workflow;

namespace DrillRunner.Local.Demo;

/// <summary>What a demo drill left: the run record, the scratch tables still there, and what was published.</summary>
public sealed record DemoOutcome(
    DemoScenario Scenario,
    DrillRun Run,
    IReadOnlyList<TargetRun> Targets,
    IReadOnlyList<string> ScratchTablesLeft,
    ExecutionResult Execution,
    IReadOnlyList<string> Notifications,
    IReadOnlyList<string> FunctionsInvoked,
    string FunctionLog)
{
    /// <summary>Writes to a source resource during the drill (safety rule 1: none).</summary>
    public IReadOnlyList<string> SourceWrites { get; init; } = [];
}
