namespace DrillRunner.Cli;

/// <summary>The exit codes scripts and CI pipelines rely on.</summary>
public static class ExitCodes
{
    public const int Pass = 0;
    public const int NotPass = 1;
    public const int UsageOrConfiguration = 2;

    /// <summary>`drill run --wait` gave up waiting; the drill itself goes on and is reported later.</summary>
    public const int TimedOut = 3;

    /// <summary>Interrupted (Ctrl-C or SIGTERM): 128 + SIGINT, as shells report a command a user stopped.</summary>
    public const int Interrupted = 130;
}
