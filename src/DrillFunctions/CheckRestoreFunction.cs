using DrillRunner.Core.Json;
using DrillRunner.Core.Native;

namespace DrillFunctions;

/// <summary>Lambda entry point: one look at a restoring scratch table.</summary>
public sealed class CheckRestoreFunction : IDrillFunction
{
    private readonly TextWriter _log;
    private readonly CheckTableRestore _step;

    public CheckRestoreFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    public CheckRestoreFunction(DrillServices services)
    {
        _step = services.CheckTableRestore();
        _log = services.Log;
    }

    public Task<Stream> Handle(Stream input) =>
        TaskJson.RunAsync(input, DrillJson.Default.RestorePoll, DrillJson.Default.RestorePoll, _step.ExecuteAsync, _log, DrillFunctionCatalog.NameOf<CheckRestoreFunction>());
}
