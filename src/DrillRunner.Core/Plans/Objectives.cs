namespace DrillRunner.Core.Plans;

/// <summary>Recovery objectives the drill's measurements are judged against.</summary>
public sealed record Objectives(double RtoMinutes, double RpoMinutes)
{
    public TimeSpan Rto => TimeSpan.FromMinutes(RtoMinutes);

    public TimeSpan Rpo => TimeSpan.FromMinutes(RpoMinutes);
}
