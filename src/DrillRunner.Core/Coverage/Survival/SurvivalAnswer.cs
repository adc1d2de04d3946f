namespace DrillRunner.Core.Coverage.Survival;

/// <summary>One answer to "would its data survive this event?", naming what survives or why nothing does.</summary>
/// <param name="Answer">Yes, no or unknown.</param>
/// <param name="Because">The plain reason: the guard that keeps it, the copy that survives, or why none does.</param>
/// <param name="Copy">The copy that survives, when a copy (not the resource itself) is the answer.</param>
public sealed record SurvivalAnswer(Survives Answer, string Because, CopyHeld? Copy = null)
{
    /// <summary>"yes: …", "no: …", "unknown: …", compact for tables.</summary>
    public string Describe() => $"{Answer switch { Survives.Yes => "yes", Survives.No => "no", _ => "unknown" }}: {Because}";
}
