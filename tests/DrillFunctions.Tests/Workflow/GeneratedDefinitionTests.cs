using System.Text.Json;
using System.Text.Json.Nodes;
using DrillRunner.Local.Processes;
using DrillRunner.Workflow;

namespace DrillFunctions.Tests.Workflow;

/// <summary>The committed state machines are exactly what the C# workflow model writes, and plain JSON an editor can open.</summary>
public sealed class GeneratedDefinitionTests
{
    public static TheoryData<string> Files => [.. Workflows.All.Select(d => d.FileName)];

    [Theory]
    [MemberData(nameof(Files))]
    public void CommittedFile_IsWhatTheModelGenerates(string fileName)
    {
        var definition = Workflows.All.Single(d => d.FileName == fileName);
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Root, "statemachine", fileName)).ReplaceLineEndings("\n");

        Assert.True(
            committed == definition.ToText(),
            $"statemachine/{fileName} differs from the workflow model in src/DrillRunner.Workflow. Change the model, not the file, then run from the repository root: {Workflows.RegenerateCommand}");
    }

    [Fact]
    public void CommittedWorkflowShape_IsWhatTheModelCounts()
    {
        // The cost estimate (DrillCost, in Core, which cannot reference the model) reads its state counts from this file.
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Root, WorkflowShapeFile.RelativePath)).ReplaceLineEndings("\n");

        Assert.True(
            committed == WorkflowShapeFile.ToText(),
            $"{WorkflowShapeFile.RelativePath} differs from what the workflow model in src/DrillRunner.Workflow counts. Do not edit it: run from the repository root: {Workflows.RegenerateCommand}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void CommittedFile_IsValidJsonBeforeSamSubstitutesIt(string fileName)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "statemachine", fileName));

        var parsed = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false });

        Assert.NotNull(parsed!["StartAt"]);
        Assert.True(parsed["TimeoutSeconds"]!.GetValueKind() == JsonValueKind.Number, "TimeoutSeconds must be a number in the file itself, not a substitution");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryState_HasAComment(string fileName)
    {
        var machine = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "statemachine", fileName)))!.AsObject();

        var uncommented = AslDocument.States(machine).Where(s => string.IsNullOrWhiteSpace(s.State["Comment"]?.GetValue<string>())).Select(s => s.Name).ToList();

        Assert.True(uncommented.Count == 0, $"states without a Comment: {string.Join(", ", uncommented)}");
    }

    [Fact]
    public void MachineTimeout_IsTheDrillsTimeLimit()
    {
        // The lock's lifetime and the drill's own deadline are computed from the same constant.
        Assert.Equal(DrillRunner.Core.Runs.DrillDeadline.DefaultTimeLimit.TotalSeconds, RestoreDrillWorkflow.Definition().ToJson()["TimeoutSeconds"]!.GetValue<int>());
    }
}
