using DrillRunner.Workflow.Asl;

namespace DrillRunner.Workflow;

/// <summary>Every state machine the stack deploys, as the model defines it.</summary>
public static class Workflows
{
    /// <summary>The command that rewrites statemachine/ from the model (run from the repository root).</summary>
    public const string RegenerateCommand = "dotnet run --project src/DrillRunner.Workflow -- statemachine";

    public static IReadOnlyList<StateMachineDefinition> All => [RestoreDrillWorkflow.Definition(), ScratchJanitorWorkflow.Definition(), CoverageAuditWorkflow.Definition()];
}
