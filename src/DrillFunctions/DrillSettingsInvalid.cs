namespace DrillFunctions;

/// <summary>
/// A function's environment is missing a variable or holds one it cannot use. Thrown while the
/// function is constructed, so the cold start fails with the variable's name and the fix instead of
/// the first drill failing later.
/// </summary>
public sealed class DrillSettingsInvalid(string variable, string problem, string fix)
    : Exception($"{variable} {problem}. Fix: {fix}")
{
    /// <summary>The environment variable at fault.</summary>
    public string Variable { get; } = variable;
}
