using DrillRunner.Core.Json;
using DrillRunner.Core.Native;

namespace DrillFunctions;

/// <summary>Lambda entry point: request the restore into a scratch table.</summary>
public sealed class StartRestoreFunction : IDrillFunction
{
    private readonly TextWriter _log;
    private readonly StartRestore _step;

    public StartRestoreFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    public StartRestoreFunction(DrillServices services)
    {
        _step = services.StartRestore();
        _log = services.Log;
    }

    public Task<Stream> Handle(Stream input) =>
        TaskJson.RunAsync(input, DrillJson.Default.TargetRef, DrillJson.Default.RestorePoll, _step.ExecuteAsync, _log, DrillFunctionCatalog.NameOf<StartRestoreFunction>());
}
