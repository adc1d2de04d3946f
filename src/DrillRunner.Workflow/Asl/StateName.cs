using DrillFunctions;

namespace DrillRunner.Workflow.Asl;

/// <summary>
/// A state's name in its scope. The builders take one for a state and for every transition (Next,
/// Default, a Choice rule, a Catch), never a string, so a transition names a symbol the compiler
/// checks; each workflow declares its states once, as fields, beside the code that adds them.
/// </summary>
public sealed record StateName(string Value)
{
    /// <summary>A Lambda task state, named as the handler catalog names its function.</summary>
    public static StateName Of<TFunction>()
        where TFunction : IDrillFunction => new(DrillFunctionCatalog.NameOf<TFunction>());

    public override string ToString() => Value;
}
