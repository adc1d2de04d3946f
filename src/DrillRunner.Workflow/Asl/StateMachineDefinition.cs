using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DrillRunner.Workflow.Asl;

/// <summary>A whole state machine, written as the pretty-printed JSON that statemachine/ keeps.</summary>
public sealed record StateMachineDefinition(string FileName, string Comment, int TimeoutSeconds, StateScope States)
{
    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public JsonObject ToJson() => new()
    {
        ["Comment"] = $"{Comment} Generated from src/DrillRunner.Workflow: change the model, not this file, then run {Workflows.RegenerateCommand}.",
        ["StartAt"] = States.StartAt,
        ["TimeoutSeconds"] = TimeoutSeconds,
        ["States"] = States.States.DeepClone(),
    };

    /// <summary>The file's text: two-space indentation, a final newline, ${...} substitutions left for SAM inside strings.</summary>
    public string ToText() => ToJson().ToJsonString(Pretty) + "\n";
}
