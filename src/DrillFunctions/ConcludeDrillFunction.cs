using DrillRunner.Core.Drills;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Json;
using DrillRunner.Core.Runs;

namespace DrillFunctions;

/// <summary>Lambda entry point: compute RTO/RPO and the verdict, and emit them as CloudWatch metrics by plan.</summary>
public sealed class ConcludeDrillFunction : IDrillFunction
{
    private readonly ConcludeDrill _step;
    private readonly TimeProvider _time;
    private readonly TextWriter _log;

    public ConcludeDrillFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    public ConcludeDrillFunction(DrillServices services)
    {
        _step = services.ConcludeDrill();
        _time = services.Time;
        _log = services.Log;
    }

    public Task<Stream> Handle(Stream input) =>
        TaskJson.RunAsync(input, DrillJson.Default.RunRef, DrillJson.Default.Conclusion, ConcludeAsync, _log, DrillFunctionCatalog.NameOf<ConcludeDrillFunction>());

    /// <summary>The EMF line for a conclusion: DrillPassed 0/1, and (when measured) RTO and RPO in seconds and whether each breached its objective, by plan.</summary>
    public static string MetricsLine(Conclusion conclusion, DateTimeOffset at)
    {
        var metrics = new Dictionary<string, (double, MetricUnit)> { ["DrillPassed"] = (conclusion.Verdict == VerdictNames.Of(Verdict.Pass) ? 1 : 0, MetricUnit.Count) };
        if (conclusion.RtoSeconds is { } rto)
        {
            metrics["RtoSeconds"] = (rto, MetricUnit.Seconds);
            metrics["RtoOverObjective"] = (rto > conclusion.RtoObjectiveSeconds ? 1 : 0, MetricUnit.Count);
        }

        if (conclusion.RpoSeconds is { } rpo)
        {
            metrics["RpoSeconds"] = (rpo, MetricUnit.Seconds);
            metrics["RpoOverObjective"] = (rpo > conclusion.RpoObjectiveSeconds ? 1 : 0, MetricUnit.Count);
        }

        return EmbeddedMetrics.Line(new Dictionary<string, string> { ["Plan"] = conclusion.PlanName }, metrics, at);
    }

    private async Task<Conclusion> ConcludeAsync(RunRef input, CancellationToken cancellationToken)
    {
        var conclusion = await _step.ExecuteAsync(input, cancellationToken);
        _log.WriteLine(MetricsLine(conclusion, _time.GetUtcNow()));
        return conclusion;
    }
}
