using DrillRunner.Core.Drills;
using DrillRunner.Core.Json;

namespace DrillFunctions;

/// <summary>Lambda entry point: run the plan's health checks against the scratch environment.</summary>
public sealed class CheckHealthFunction : IDrillFunction
{
    private readonly TextWriter _log;
    private readonly CheckHealth _step;

    public CheckHealthFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    public CheckHealthFunction(DrillServices services)
    {
        _step = services.CheckHealth();
        _log = services.Log;
    }

    public Task<Stream> Handle(Stream input) =>
        TaskJson.RunAsync(input, DrillJson.Default.RunRef, DrillJson.Default.RunRef, _step.ExecuteAsync, _log, DrillFunctionCatalog.NameOf<CheckHealthFunction>());
}
