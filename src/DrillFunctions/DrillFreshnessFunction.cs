using System.Text;
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
        _measure = new MeasureFreshness(services.Plans, services.Runs, services.Time);
    }

    public async Task<Stream> Handle(Stream input)
    {
        var freshness = await _measure.ExecuteAsync(CancellationToken.None);
        foreach (var (plan, hours) in freshness)
        {
            _services.Log.WriteLine(EmbeddedMetrics.Line(
                new Dictionary<string, string> { ["Plan"] = plan },
                new Dictionary<string, (double, string)> { ["HoursSinceLastPass"] = (Math.Round(hours, 2), "None") },
                _services.Time.GetUtcNow()));
        }

        return new MemoryStream(Encoding.UTF8.GetBytes($"{{\"plans\":{freshness.Count}}}"));
    }
}
