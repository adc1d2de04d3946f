using DrillRunner.Core.Json;
using DrillRunner.Core.Teardown;

namespace DrillFunctions;

/// <summary>Lambda entry point: delete what the run created (guarded) and release the plan's lock.</summary>
public sealed class TeardownFunction : IDrillFunction
{
    private readonly TextWriter _log;
    private readonly TeardownRun _step;

    public TeardownFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    public TeardownFunction(DrillServices services)
    {
        _step = services.TeardownRun();
        _log = services.Log;
    }

    public Task<Stream> Handle(Stream input) =>
        TaskJson.RunAsync(input, DrillJson.Default.TeardownInput, DrillJson.Default.TeardownResult, _step.ExecuteAsync, _log, DrillFunctionCatalog.NameOf<TeardownFunction>());
}
