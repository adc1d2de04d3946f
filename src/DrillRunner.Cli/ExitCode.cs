namespace DrillRunner.Cli;

/// <summary>One exit code a command can end with, and what it means for that command (its help lists them).</summary>
internal sealed record ExitCode(int Code, string Meaning);
