using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Drills;

/// <summary>Marks the run ERROR when the runner itself failed, keeping the error's name and message.</summary>
public sealed class RecordRunnerError(IRunStore runs, TimeProvider time)
{
    public async Task<RunnerErrorInput> ExecuteAsync(RunnerErrorInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(input.RunId))
        {
            return input; // The run never began: there is no record to mark, and nothing to tear down.
        }

        DrillRun run;
        try
        {
            run = await runs.GetAsync(input.RunId, cancellationToken);
        }
        catch (RunNotFound)
        {
            return input;
        }

        var description = $"{input.Error?.Error ?? "Unknown"}: {input.Error?.Message() ?? "no description"}";
        await runs.SaveAsync(
            run with
            {
                RunnerError = description,
                Verdict = Verdict.Error,
                VerdictReason = $"the runner failed: {description}",
                Status = RunStatus.Concluded,
                ConcludedAt = time.GetUtcNow(),
            },
            cancellationToken);
        return input;
    }
}
