namespace DrillRunner.Core.Runs;

/// <summary>
/// How long a target's restore was expected to take, and from what: the target's record keeps it so
/// the polls that follow it, and the report, read the same figure (<c>Capacity.ForecastRestore</c> makes it).
/// </summary>
public sealed record RestoreForecast(double Seconds, string From)
{
    public const string FromEarlierDrills = "earlier drills";
    public const string FromTableSize = "table size";
    public const string FromAwsBackup = "AWS Backup's estimate";

    [System.Text.Json.Serialization.JsonIgnore]
    public TimeSpan Duration => TimeSpan.FromSeconds(Seconds);
}
