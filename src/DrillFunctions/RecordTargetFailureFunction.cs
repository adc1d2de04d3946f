using DrillRunner.Core.Drills;
using DrillRunner.Core.Json;

namespace DrillFunctions;

/// <summary>Lambda entry point: record a target's failure so the others go on.</summary>
public sealed class RecordTargetFailureFunction : IDrillFunction
{
    private readonly TextWriter _log;
    private readonly RecordTargetFailure _step;

    public RecordTargetFailureFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    public RecordTargetFailureFunction(DrillServices services)
    {
        _step = services.RecordTargetFailure();
        _log = services.Log;
    }

    public Task<Stream> Handle(Stream input) =>
        TaskJson.RunAsync(input, DrillJson.Default.TargetFailureInput, DrillJson.Default.ValidationReport, _step.ExecuteAsync, _log, DrillFunctionCatalog.NameOf<RecordTargetFailureFunction>());
}
