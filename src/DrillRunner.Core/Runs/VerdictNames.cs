namespace DrillRunner.Core.Runs;

/// <summary>The spelling of verdicts everywhere outside C#: PASS, FAIL_OBJECTIVE, FAIL, ERROR.</summary>
public static class VerdictNames
{
    public static string Of(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "PASS",
        Verdict.FailObjective => "FAIL_OBJECTIVE",
        Verdict.Fail => "FAIL",
        _ => "ERROR",
    };
}
