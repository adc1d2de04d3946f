using DrillRunner.Core.Json;
using DrillRunner.Core.Relations;

namespace DrillFunctions;

/// <summary>Lambda entry point: check the plan's relations on the restored (scratch) tables and buckets.</summary>
public sealed class CheckRelationsFunction : IDrillFunction
{
    private readonly TextWriter _log;
    private readonly CheckRelations _step;

    public CheckRelationsFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    public CheckRelationsFunction(DrillServices services)
    {
        _step = services.CheckRelations();
        _log = services.Log;
    }

    public Task<Stream> Handle(Stream input) =>
        TaskJson.RunAsync(input, DrillJson.Default.RunRef, DrillJson.Default.RunRef, _step.ExecuteAsync, _log, DrillFunctionCatalog.NameOf<CheckRelationsFunction>());
}
