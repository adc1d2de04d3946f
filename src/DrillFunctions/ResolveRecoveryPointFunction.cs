using DrillRunner.Core.Drills;
using DrillRunner.Core.Json;

namespace DrillFunctions;

/// <summary>Lambda entry point: find the target's newest usable recovery point.</summary>
public sealed class ResolveRecoveryPointFunction : IDrillFunction
{
    private readonly ResolveRecoveryPoint _step;

    public ResolveRecoveryPointFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    public ResolveRecoveryPointFunction(DrillServices services)
    {
        _step = services.ResolveRecoveryPoint();
    }

    public Task<Stream> Handle(Stream input) =>
        TaskJson.RunAsync(input, DrillJson.Default.TargetRef, DrillJson.Default.TargetRef, _step.ExecuteAsync);
}
