namespace DrillRunner.Cli;

/// <summary>
/// One command of `drill`: where it sits (e.g. ["plan", "validate"]), what it does, examples that
/// work when pasted into a shell, and the exit codes it ends with.
/// </summary>
internal sealed record CommandEntry(IReadOnlyList<string> Path, Type Command, string Description, IReadOnlyList<IReadOnlyList<string>> Examples, IReadOnlyList<ExitCode> ExitCodes)
{
    /// <summary>How a user types it: "drill plan validate".</summary>
    public string Invocation => "drill " + string.Join(' ', Path);

    /// <summary>The settings type the command binds its options to (the T of AsyncCommand&lt;T&gt; or Command&lt;T&gt;).</summary>
    public Type Settings
    {
        get
        {
            for (var type = Command; type is not null; type = type.BaseType)
            {
                if (type.IsGenericType && type.GetGenericArguments() is [var settings] && typeof(Spectre.Console.Cli.CommandSettings).IsAssignableFrom(settings))
                {
                    return settings;
                }
            }

            throw new InvalidOperationException($"{Command.Name} is not a command with settings.");
        }
    }
}
