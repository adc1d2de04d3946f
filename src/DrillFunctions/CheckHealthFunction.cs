using DrillRunner.Core.Drills;
using DrillRunner.Core.Json;

namespace DrillFunctions;

/// <summary>Lambda entry point: run the plan's health checks against the scratch environment.</summary>
public sealed class CheckHealthFunction : IDrillFunction
{
    private readonly CheckHealth _step;

    public CheckHealthFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    public CheckHealthFunction(DrillServices services)
    {
        _step = services.CheckHealth();
    }

    public Task<Stream> Handle(Stream input) =>
        TaskJson.RunAsync(input, DrillJson.Default.RunRef, DrillJson.Default.RunRef, _step.ExecuteAsync);
}
