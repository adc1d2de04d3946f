using DrillRunner.Core.Drills;
using DrillRunner.Core.Json;

namespace DrillFunctions;

/// <summary>Lambda entry point: mark the run ERROR when the runner itself failed.</summary>
public sealed class RecordRunnerErrorFunction : IDrillFunction
{
    private readonly TextWriter _log;
    private readonly RecordRunnerError _step;

    public RecordRunnerErrorFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    public RecordRunnerErrorFunction(DrillServices services)
    {
        _step = services.RecordRunnerError();
        _log = services.Log;
    }

    public Task<Stream> Handle(Stream input) =>
        TaskJson.RunAsync(input, DrillJson.Default.RunnerErrorInput, DrillJson.Default.RunnerErrorInput, _step.ExecuteAsync, _log, DrillFunctionCatalog.NameOf<RecordRunnerErrorFunction>());
}
