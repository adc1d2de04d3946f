using System.Text.Json.Nodes;
using DrillRunner.Core.Json;
using DrillRunner.Core.Reporting;

namespace DrillFunctions;

/// <summary>Scheduled Lambda entry point: emits HoursSinceLastPass per plan, which the "no PASS in 8 days" alarm watches.</summary>
public sealed class DrillFreshnessFunction : IDrillFunction
{
    private readonly MeasureFreshness _measure;
    private readonly DrillServices _services;

    public DrillFreshnessFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    public DrillFreshnessFunction(DrillServices services)
    {
        _services = services;
        _measure = services.MeasureFreshness();
    }

    /// <summary>The schedule's input, if any, is not needed: every plan is measured.</summary>
    public Task<Stream> Handle(Stream input) =>
        TaskJson.RunAsync(input, DrillJson.Default.JsonNode, DrillJson.Default.JsonNode, MeasureAsync, _services.Log, DrillFunctionCatalog.NameOf<DrillFreshnessFunction>(), whenEmpty: new JsonObject());

    private async Task<JsonNode> MeasureAsync(JsonNode scheduled, CancellationToken cancellationToken)
    {
        var freshness = await _measure.ExecuteAsync(cancellationToken);
        foreach (var (plan, hours) in freshness)
        {
            _services.Log.WriteLine(EmbeddedMetrics.Line(
                new Dictionary<string, string> { ["Plan"] = plan },
                new Dictionary<string, (double, MetricUnit)> { ["HoursSinceLastPass"] = (Math.Round(hours, 2), MetricUnit.None) },
                _services.Time.GetUtcNow()));
        }

        return new JsonObject { ["plans"] = freshness.Count };
    }
}
