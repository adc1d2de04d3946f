using DrillRunner.Core.Json;
using DrillRunner.Core.RunbookGaps;

namespace DrillFunctions;

/// <summary>
/// Lambda entry point after a target is verified: "compare" records what its restore lacks that its
/// source has (and answers whether to read the source's auto scaling); "scaling" adds the auto
/// scaling policies the state machine read (Application Auto Scaling has no SDK on the build feed).
/// </summary>
public sealed class RecordRunbookGapFunction : IDrillFunction
{
    private readonly DrillServices _services;
    private readonly RecordRunbookGap _gap;

    public RecordRunbookGapFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    public RecordRunbookGapFunction(DrillServices services)
    {
        _services = services;
        _gap = new RecordRunbookGap(services.Runs, services.Inspector, services.Time);
    }

    public Task<Stream> Handle(Stream input) =>
        TaskJson.RunAsync(input, DrillJson.Default.RunbookGapInput, DrillJson.Default.RunbookGapStep, StepAsync, _services.Log, DrillFunctionCatalog.NameOf<RecordRunbookGapFunction>());

    private async Task<RunbookGapStep> StepAsync(RunbookGapInput request, CancellationToken cancellationToken)
    {
        switch (request.Mode)
        {
            case RunbookGapInput.Compare:
                return await _gap.CompareAsync(request.RunId, request.TargetId, cancellationToken);
            case RunbookGapInput.Scaling:
                await _gap.RecordScalingAsync(request.RunId, request.TargetId, request.Answer, cancellationToken);
                return new RunbookGapStep(request.RunId, request.TargetId, false, string.Empty);
            default:
                throw new ArgumentException($"Unknown mode '{request.Mode}': use \"{RunbookGapInput.Compare}\" or \"{RunbookGapInput.Scaling}\".");
        }
    }
}
