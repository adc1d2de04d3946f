using System.Reflection;
using System.Text.Json.Serialization;

namespace DrillRunner.Core.Runs;

/// <summary>
/// The spelling of verdicts everywhere outside C# (PASS, FAIL_OBJECTIVE, FAIL, ERROR): the names
/// <see cref="Verdict"/>'s members carry for JSON, so run records, the runs table's items, the CLI,
/// the report, notifications and the state machine's Choice all read one mapping.
/// </summary>
public static class VerdictNames
{
    private static readonly IReadOnlyDictionary<Verdict, string> Names = Enum.GetValues<Verdict>().ToDictionary(
        verdict => verdict,
        verdict => typeof(Verdict).GetField(verdict.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"Verdict.{verdict} has no JsonStringEnumMemberName."));

    public static string Of(Verdict verdict) => Names[verdict];

    /// <summary>The verdict a name spells; null for anything else.</summary>
    public static Verdict? Parse(string? name) => Names.Where(n => n.Value == name).Select(n => (Verdict?)n.Key).FirstOrDefault();
}
