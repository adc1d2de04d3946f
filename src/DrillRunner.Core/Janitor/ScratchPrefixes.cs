namespace DrillRunner.Core.Janitor;

/// <summary>The janitor's guard on the prefix it is given: an empty one would name every table.</summary>
internal static class ScratchPrefixes
{
    public static string Required(string scratchPrefix) =>
        string.IsNullOrWhiteSpace(scratchPrefix)
            ? throw new ArgumentException("The janitor needs the stack's scratch prefix; an empty one would match every resource.", nameof(scratchPrefix))
            : scratchPrefix;
}
