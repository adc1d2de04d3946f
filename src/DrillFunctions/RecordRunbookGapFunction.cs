using DrillRunner.Core.Json;
using DrillRunner.Core.RunbookGaps;

namespace DrillFunctions;

/// <summary>
/// Lambda entry point after a target is verified: "compare" (also when no mode is given) records
/// what its restore lacks that its source has (and answers whether to read the source's auto
/// scaling); "scaling" adds the auto scaling policies the state machine read (Application Auto
/// Scaling has no SDK on the build feed).
/// </summary>
public sealed class RecordRunbookGapFunction : IDrillFunction
{
    private readonly RecordRunbookGap _gap;
    private readonly StepRouter _router;

    public RecordRunbookGapFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    public RecordRunbookGapFunction(DrillServices services)
    {
        _gap = services.RecordRunbookGap();
        var json = DrillJson.Default;
        _router = new StepRouter(DrillFunctionCatalog.NameOf<RecordRunbookGapFunction>(), "mode", services.Log)
            .On(RunbookGapInput.Compare, json.RunbookGapInput, json.RunbookGapStep, CompareAsync)
            .OnUnnamed(json.RunbookGapInput, json.RunbookGapStep, CompareAsync)
            .On(RunbookGapInput.Scaling, json.RunbookGapInput, json.RunbookGapStep, ScalingAsync);
    }

    public Task<Stream> Handle(Stream input) => _router.RouteAsync(input);

    private Task<RunbookGapStep> CompareAsync(RunbookGapInput request, CancellationToken cancellationToken) =>
        _gap.CompareAsync(request.RunId, request.TargetId, cancellationToken);

    private async Task<RunbookGapStep> ScalingAsync(RunbookGapInput request, CancellationToken cancellationToken)
    {
        await _gap.RecordScalingAsync(request.RunId, request.TargetId, request.Answer, cancellationToken);
        return new RunbookGapStep(request.RunId, request.TargetId, false, string.Empty);
    }
}
