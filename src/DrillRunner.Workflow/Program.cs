using DrillRunner.Workflow;

// Writes the state machines the model defines into a directory (statemachine/ by default), and the counts
// the cost estimate takes from them into Core, from the repository root above it: Workflows.RegenerateCommand.
var directory = args.Length > 0 ? args[0] : "statemachine";
if (!Directory.Exists(directory))
{
    Console.Error.WriteLine($"No directory '{directory}': give the repository's statemachine folder, e.g. {Workflows.RegenerateCommand}");
    return 2;
}

var shape = Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)))!, WorkflowShapeFile.RelativePath);
if (!Directory.Exists(Path.GetDirectoryName(shape)))
{
    Console.Error.WriteLine($"No folder for {WorkflowShapeFile.RelativePath} beside '{directory}': give the statemachine folder at the repository's root, e.g. {Workflows.RegenerateCommand}");
    return 2;
}

foreach (var definition in Workflows.All)
{
    var path = Path.Combine(directory, definition.FileName);
    await File.WriteAllTextAsync(path, definition.ToText());
    Console.WriteLine($"wrote {path}");
}

await File.WriteAllTextAsync(shape, WorkflowShapeFile.ToText());
Console.WriteLine($"wrote {shape}");
return 0;
