using DrillFunctions;

namespace DrillRunner.Workflow.Asl;

/// <summary>The function a Lambda task invokes: one of the drill's, by its handler type, or one named in the state.</summary>
public sealed record LambdaFunction(string? Name, string? NamePath)
{
    /// <summary>A drill function, named in the ASL by its SAM substitution.</summary>
    public static LambdaFunction Of<TFunction>()
        where TFunction : IDrillFunction => new(DrillFunctionCatalog.NameOf<TFunction>(), null);

    /// <summary>A function whose name the state holds (a plan's verifier).</summary>
    public static LambdaFunction At(string path) => new(null, path);

    public void WriteTo(System.Text.Json.Nodes.JsonObject parameters)
    {
        if (Name is not null)
        {
            parameters["FunctionName"] = DrillFunctionCatalog.ArnPlaceholder(Name);
        }
        else
        {
            parameters["FunctionName.$"] = NamePath;
        }
    }
}
