using DrillRunner.Workflow;

// Writes the state machines the model defines into a directory (statemachine/ by default): Workflows.RegenerateCommand.
var directory = args.Length > 0 ? args[0] : "statemachine";
if (!Directory.Exists(directory))
{
    Console.Error.WriteLine($"No directory '{directory}': give the repository's statemachine folder, e.g. {Workflows.RegenerateCommand}");
    return 2;
}

foreach (var definition in Workflows.All)
{
    var path = Path.Combine(directory, definition.FileName);
    await File.WriteAllTextAsync(path, definition.ToText());
    Console.WriteLine($"wrote {path}");
}

return 0;
