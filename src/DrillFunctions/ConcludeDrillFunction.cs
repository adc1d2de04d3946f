using DrillRunner.Core.Drills;
using DrillRunner.Core.Json;

namespace DrillFunctions;

/// <summary>Lambda entry point: compute RTO/RPO and the verdict.</summary>
public sealed class ConcludeDrillFunction : IDrillFunction
{
    private readonly ConcludeDrill _step;

    public ConcludeDrillFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    public ConcludeDrillFunction(DrillServices services)
    {
        _step = services.ConcludeDrill();
    }

    public Task<Stream> Handle(Stream input) =>
        TaskJson.RunAsync(input, DrillJson.Default.RunRef, DrillJson.Default.Conclusion, _step.ExecuteAsync);
}
