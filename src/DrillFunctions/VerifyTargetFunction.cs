using DrillRunner.Core.DataVerification;
using DrillRunner.Core.Json;

namespace DrillFunctions;

/// <summary>Lambda entry point: verify the restored data (answers done: false when it must continue in another invocation).</summary>
public sealed class VerifyTargetFunction : IDrillFunction
{
    private readonly TextWriter _log;
    private readonly VerifyTarget _step;

    public VerifyTargetFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    public VerifyTargetFunction(DrillServices services)
    {
        _step = services.VerifyTarget();
        _log = services.Log;
    }

    public Task<Stream> Handle(Stream input) =>
        TaskJson.RunAsync(input, DrillJson.Default.TargetRef, DrillJson.Default.VerificationStep, _step.ExecuteAsync, _log, DrillFunctionCatalog.NameOf<VerifyTargetFunction>());
}
