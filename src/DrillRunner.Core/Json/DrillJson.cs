using System.Text.Json.Serialization;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Json;

/// <summary>Source-generated (trim- and AOT-safe) JSON for run records and task contracts.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(DrillRun))]
[JsonSerializable(typeof(TargetRun))]
[JsonSerializable(typeof(BeginRequest))]
[JsonSerializable(typeof(BeginInvocation))]
[JsonSerializable(typeof(BeginResult))]
[JsonSerializable(typeof(TargetRef))]
[JsonSerializable(typeof(VerificationStep))]
[JsonSerializable(typeof(RestorePoll))]
[JsonSerializable(typeof(TargetFailureInput))]
[JsonSerializable(typeof(RunRef))]
[JsonSerializable(typeof(RunnerErrorInput))]
[JsonSerializable(typeof(Conclusion))]
[JsonSerializable(typeof(TeardownResult))]
[JsonSerializable(typeof(JanitorReport))]
[JsonSerializable(typeof(TeardownInput))]
[JsonSerializable(typeof(RecoveryPointPage))]
[JsonSerializable(typeof(RecoveryPointChoice))]
[JsonSerializable(typeof(PointListing))]
[JsonSerializable(typeof(RestoreMetadataRequest))]
[JsonSerializable(typeof(AwsAnswerInput))]
[JsonSerializable(typeof(StartRestoreJobParameters))]
[JsonSerializable(typeof(RestoreJobAnswer))]
[JsonSerializable(typeof(RestoreJobPoll))]
[JsonSerializable(typeof(RestoredResourceAnswer))]
[JsonSerializable(typeof(ResourceReadiness))]
[JsonSerializable(typeof(VerifierReply))]
[JsonSerializable(typeof(ValidationReport))]
[JsonSerializable(typeof(JanitorInput))]
[JsonSerializable(typeof(JanitorChoice))]
[JsonSerializable(typeof(ExecutionStatusChange))]
[JsonSerializable(typeof(ExecutionEndedResult))]
[JsonSerializable(typeof(RunbookGaps.RunbookGapInput))]
[JsonSerializable(typeof(RunbookGaps.RunbookGapStep))]
[JsonSerializable(typeof(Coverage.CoverageAudit))]
[JsonSerializable(typeof(Coverage.AuditStep))]
[JsonSerializable(typeof(Coverage.PageKept))]
[JsonSerializable(typeof(Coverage.Survival.StackTemplateRead))]
[JsonSerializable(typeof(Coverage.AuditJudged))]
[JsonSerializable(typeof(List<Coverage.EstateObservation>))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonNode))]
public sealed partial class DrillJson : JsonSerializerContext
{
}
