using System.Globalization;
using DrillRunner.Core.Runs;

namespace DrillRunner.Cli.Reports;

/// <summary>Numbers as the report prints them.</summary>
internal static class Text
{
    public static string Duration(double? seconds) => seconds is { } s ? RunJudge.Minutes(s) : "—";

    public static string Percent(double? share) => share is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s * 100:0}%") : "—";

    /// <summary>Dollars: cents when large, four decimals for the fractions of a cent drills mostly cost.</summary>
    public static string Usd(double? usd) => usd is { } u ? "$" + u.ToString(u >= 1 ? "0.00" : "0.0000", CultureInfo.InvariantCulture) : "—";

    /// <summary>Said where no drill in the window carries a cost estimate (drills older than the estimate), so the card is never blank.</summary>
    public const string CostNotRecorded = "not recorded for these drills";

    /// <summary>Said of the monthly cost while one drill sets no pace.</summary>
    public const string PaceUnknown = "no monthly figure until a second drill sets the pace";

    /// <summary>Said instead of a figure for a plan with no drill in the window.</summary>
    public const string NoDrill = "no drill in the window";

    /// <summary>Said of a target of the latest drill with no runbook gap: it was not verified, or drilled before gaps were recorded.</summary>
    public const string RunbookGapNotRecorded = "not recorded for the latest drill";

    public static string Days(double? days) => days is { } d ? string.Create(CultureInfo.InvariantCulture, $"{d:0.#}") : "never passed";

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Verdict(Verdict verdict) => VerdictNames.Of(verdict);

    public static string Number(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : string.Empty;
}
