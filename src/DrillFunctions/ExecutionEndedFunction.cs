using DrillRunner.Core.Drills;
using DrillRunner.Core.Json;

namespace DrillFunctions;

/// <summary>
/// EventBridge target for the drill machine's executions that ended ABORTED, TIMED_OUT or FAILED
/// (they run no Catch): marks the run Stopped, releases the plan's lock, leaves the rest to the janitor.
/// </summary>
public sealed class ExecutionEndedFunction : IDrillFunction
{
    private readonly TextWriter _log;
    private readonly EndStoppedRun _step;

    public ExecutionEndedFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    public ExecutionEndedFunction(DrillServices services)
    {
        _step = services.EndStoppedRun();
        _log = services.Log;
    }

    public Task<Stream> Handle(Stream input) =>
        TaskJson.RunAsync(input, DrillJson.Default.ExecutionStatusChange, DrillJson.Default.ExecutionEndedResult, _step.ExecuteAsync, _log, DrillFunctionCatalog.NameOf<ExecutionEndedFunction>());
}
