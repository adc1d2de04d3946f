using DrillRunner.Core.Coverage.Survival;
using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Coverage;

/// <summary>
/// The "Would we survive?" table's cells, one wording for the console, the HTML and the Markdown report:
/// the owner, then per event the answer (marked when the resource is required to survive it) with the
/// copy that survives or why nothing does.
/// </summary>
public static class SurvivalTable
{
    /// <summary>The column headings after the resource's, in event order.</summary>
    public static IReadOnlyList<string> Headings { get; } = ["Owner", "Stack deleted", "Account lost", "Region lost"];

    public static string Owner(Survivability survival) => survival.Owner.Describe(survival.EffectiveDeletionPolicy);

    /// <summary>"no (required)", "yes", "unknown (advisory)": the answer's word and whether it counts.</summary>
    public static string Verdict(Survivability survival, SurvivalEvent e)
    {
        var answer = survival.Of(e).Answer;
        var word = answer switch { Survives.Yes => "yes", Survives.No => "no", _ => "unknown" };
        return answer == Survives.Yes ? word : $"{word} ({(survival.Required.Contains(e) ? "required" : "advisory")})";
    }

    /// <summary>The copy that survives (where it lives), or the reason.</summary>
    public static string Reason(Survivability survival, SurvivalEvent e) =>
        survival.Of(e) is { Copy: { } copy, Answer: Survives.Yes } && e != SurvivalEvent.Stack ? copy.Where() : survival.Of(e).Because;

    /// <summary>"yes: recovery point in vault …", one line per cell.</summary>
    public static string Cell(Survivability survival, SurvivalEvent e) => $"{Verdict(survival, e)}: {Reason(survival, e)}";

    /// <summary>The cells after the resource's: owner, stack, account, region.</summary>
    public static IReadOnlyList<string> Row(Survivability survival) =>
        [Owner(survival), .. Enum.GetValues<SurvivalEvent>().Select(e => Cell(survival, e))];
}
