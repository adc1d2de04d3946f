namespace DrillRunner.Core.Plans;

/// <summary>One thing wrong with a plan: where (JSON path), what, and how to fix it.</summary>
public sealed record PlanProblem(string Path, string Message, string Fix)
{
    /// <summary>A hostile plan must not make its own error report huge (it is printed, and stored in the run record).</summary>
    public const int MaxTextLength = 300;

    public string Path { get; init; } = Clip(Path);

    public string Message { get; init; } = Clip(Message);

    public override string ToString() => $"{Path}: {Message} Fix: {Fix}";

    private static string Clip(string text) =>
        text.Length <= MaxTextLength ? text : $"{text[..MaxTextLength]}… ({text.Length:N0} characters in all)";
}
