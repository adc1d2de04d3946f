namespace DrillRunner.Local.Processes;

/// <summary>dynalite could not serve its data: another process holds the folder (locked), a file is damaged (corrupt), or something else (failed).</summary>
internal sealed class DynaliteProblem(string kind, string detail) : Exception($"dynalite cannot serve: {detail}")
{
    public const string Locked = "locked";
    public const string Corrupt = "corrupt";
    public const string Failed = "failed";

    public string Kind { get; } = kind;

    public string Detail { get; } = detail;
}
