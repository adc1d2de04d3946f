using DrillRunner.Core.Drills;
using DrillRunner.Core.Json;

namespace DrillFunctions;

/// <summary>Lambda entry point: one look at a restoring scratch table.</summary>
public sealed class CheckRestoreFunction : IDrillFunction
{
    private readonly CheckRestore _step;

    public CheckRestoreFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    public CheckRestoreFunction(DrillServices services)
    {
        _step = services.CheckRestore();
    }

    public Task<Stream> Handle(Stream input) =>
        TaskJson.RunAsync(input, DrillJson.Default.RestorePoll, DrillJson.Default.RestorePoll, _step.ExecuteAsync);
}
