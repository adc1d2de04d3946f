using System.Text.Json;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.AwsBackup;

/// <summary>
/// Judges the user's verifier Lambda's answer, <c>{ "passed": bool, "message": string, "details": any }</c>,
/// and keeps it in the run record. Anything else is the verifier's failure, not a pass.
/// </summary>
public sealed class RecordVerifierAnswer(IRunStore runs, TimeProvider time)
{
    public const int MaxDetailsLength = 4000;

    public async Task<TargetRef> ExecuteAsync(VerifierReply input, CancellationToken cancellationToken)
    {
        var record = await runs.GetTargetAsync(input.RunId, input.TargetId, cancellationToken);
        var function = input.Function;
        var payload = input.Answer ?? default;
        if (payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("passed", out var passedElement)
            || passedElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            var got = payload.ValueKind == JsonValueKind.Undefined ? "nothing" : Truncate(payload.GetRawText(), 200);
            await runs.SaveTargetAsync(record with { Verifier = new VerifierAnswer(function, false, "no verdict", got) }, cancellationToken);
            throw new VerifierFailed($"the verifier Lambda '{function}' answered {got}, not {{ \"passed\": true|false, \"message\": \"…\" }}");
        }

        var passed = passedElement.ValueKind == JsonValueKind.True;
        var message = AwsAnswer.String(payload, "message") ?? (passed ? "passed" : "failed without a message");
        var details = payload.TryGetProperty("details", out var d) && d.ValueKind != JsonValueKind.Null ? Truncate(d.GetRawText(), MaxDetailsLength) : null;
        record = record with { Verifier = new VerifierAnswer(function, passed, message, details) };
        if (!passed)
        {
            await runs.SaveTargetAsync(record, cancellationToken);
            throw new VerificationFailed($"the verifier Lambda '{function}' failed the restore: {message}");
        }

        await runs.SaveTargetAsync(record with { Stage = TargetStage.Verified, VerifiedAt = time.GetUtcNow() }, cancellationToken);
        return new TargetRef(input.RunId, input.TargetId);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
