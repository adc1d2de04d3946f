namespace DrillRunner.Cli;

/// <summary>The exit codes scripts and CI pipelines rely on.</summary>
public static class ExitCodes
{
    public const int Pass = 0;
    public const int NotPass = 1;
    public const int UsageOrConfiguration = 2;
}
