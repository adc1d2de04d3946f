using DrillRunner.Core.Json;
using DrillRunner.Core.Native;

namespace DrillFunctions;

/// <summary>Lambda entry point: find the target's newest usable recovery point.</summary>
public sealed class ResolveRecoveryPointFunction : IDrillFunction
{
    private readonly TextWriter _log;
    private readonly ResolveRecoveryPoint _step;

    public ResolveRecoveryPointFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    public ResolveRecoveryPointFunction(DrillServices services)
    {
        _step = services.ResolveRecoveryPoint();
        _log = services.Log;
    }

    public Task<Stream> Handle(Stream input) =>
        TaskJson.RunAsync(input, DrillJson.Default.TargetRef, DrillJson.Default.TargetRef, _step.ExecuteAsync, _log, DrillFunctionCatalog.NameOf<ResolveRecoveryPointFunction>());
}
