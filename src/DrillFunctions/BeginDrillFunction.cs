using DrillRunner.Core.Drills;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Json;

namespace DrillFunctions;

/// <summary>Lambda entry point: load the plan, create the run, take the plan's lock.</summary>
public sealed class BeginDrillFunction : IDrillFunction
{
    private readonly TextWriter _log;
    private readonly BeginDrill _step;

    public BeginDrillFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    public BeginDrillFunction(DrillServices services)
    {
        _step = services.BeginDrill();
        _log = services.Log;
    }

    public Task<Stream> Handle(Stream input) =>
        TaskJson.RunAsync(input, DrillJson.Default.BeginInvocation, DrillJson.Default.BeginResult, Begin, _log, DrillFunctionCatalog.NameOf<BeginDrillFunction>());

    private Task<BeginResult> Begin(BeginInvocation invocation, CancellationToken cancellationToken)
    {
        var request = invocation.Input ?? new BeginRequest(string.Empty, null, null, null, null);
        return _step.ExecuteAsync(request with { ExecutionId = invocation.ExecutionId }, cancellationToken);
    }
}
