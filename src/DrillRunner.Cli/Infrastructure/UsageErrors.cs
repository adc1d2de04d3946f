using System.Reflection;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Infrastructure;

/// <summary>
/// Turns Spectre's parse errors into messages that name the command, the word that was wrong and
/// the closest known one: a typo in a release gate's options must stop it, and say how to fix it.
/// </summary>
internal static partial class UsageErrors
{
    public static string Describe(Exception exception, IReadOnlyList<string> args)
    {
        if (exception is Amazon.Runtime.AmazonClientException && exception.Message.StartsWith("Failed to resolve AWS credentials", StringComparison.Ordinal))
        {
            return "No AWS credentials were found. Fix: sign in as the AWS CLI would (aws configure, aws sso login, AWS_PROFILE, or a role in CI), or use --local for the local store.";
        }

        var entry = CommandCatalog.Find(args);

        // Spectre reports a value its converter refused with the type's name only: name the option instead.
        if (NotConvertible().Match(exception.Message) is { Success: true } value && entry is not null)
        {
            var at = args.ToList().IndexOf(value.Groups["value"].Value);
            var named = at > 0 && args[at - 1].StartsWith('-') ? args[at - 1] : "an option";
            var kind = value.Groups["type"].Value is "Int32" or "Int64" ? "a whole number" : value.Groups["type"].Value is "Double" ? "a number" : $"a {value.Groups["type"].Value}";
            return $"{named} takes {kind}; '{value.Groups["value"].Value}' is not one (or is out of range). `{entry.Invocation} --help` says what it takes.";
        }

        if (exception is not CommandParseException)
        {
            return exception.Message;
        }

        if (UnknownOption().Match(exception.Message) is { Success: true } option)
        {
            return entry is null ? exception.Message : UnknownOptionOf(entry, option.Groups["name"].Value);
        }

        if (UnknownCommand().Match(exception.Message) is { Success: true } command)
        {
            var word = command.Groups["name"].Value;
            return entry is null
                ? UnknownCommandIn(args, word)
                : $"{entry.Invocation} takes no argument '{word}'.{QuoteHint(args, word)} `{entry.Invocation} --help` lists its options.";
        }

        if (ExtraArgument().Match(exception.Message) is { Success: true } extra && entry is not null)
        {
            var arguments = ArgumentsOf(entry);
            var word = extra.Groups["name"].Value;
            return $"'{word}' is one argument too many: {entry.Invocation} takes {(arguments.Count == 0 ? "no arguments" : string.Join(' ', arguments))}.{QuoteHint(args, word)}";
        }

        if (UnexpectedOption().Match(exception.Message) is { Success: true } unexpected && entry is null)
        {
            return $"{Dashes(unexpected.Groups["name"].Value)} needs a command before it: drill COMMAND [OPTIONS]. `drill --help` lists the commands.";
        }

        return exception.Message;
    }

    /// <summary>
    /// What Spectre lets through or words badly: an option that needs a value given none (it would
    /// bind a placeholder), a flag given one, an option given twice (the last would win silently), and
    /// words after -- (they would be dropped). Null when the arguments have none of these.
    /// </summary>
    public static string? Check(IReadOnlyList<string> args)
    {
        if (CommandCatalog.Find(args) is not { } entry)
        {
            return null;
        }

        var options = OptionAttributesOf(entry);
        var given = new Dictionary<CommandOptionAttribute, string>();
        for (var i = entry.Path.Count; i < args.Count; i++)
        {
            var word = args[i];
            if (word == "--")
            {
                // Spectre keeps what follows for commands that take it; none of drill's do, so it would be lost.
                return $"{entry.Invocation} takes nothing after --, so {string.Join(' ', args.Skip(i + 1).Select(ShellWords.Quote))} would be ignored. Fix: leave out the --.";
            }

            if (!word.StartsWith('-'))
            {
                continue;
            }

            var name = word.Split('=', 2)[0];
            if (options.FirstOrDefault(o => Spellings(o).Contains(name)) is not { } option)
            {
                continue;
            }

            var inline = word.Contains('=', StringComparison.Ordinal);
            var valueFollows = option.ValueName is not null && !inline && i + 1 < args.Count;
            var written = valueFollows ? $"{word} {args[i + 1]}" : word;
            if (given.TryGetValue(option, out var earlier))
            {
                return $"{name} is given twice ({earlier} and {written}); give it once.";
            }

            given[option] = written;
            var needsValue = option.ValueName is not null && !option.ValueIsOptional;
            if (needsValue && !inline && (!valueFollows || args[i + 1].StartsWith("--", StringComparison.Ordinal)))
            {
                return $"{name} needs a value: {name} {option.ValueName}. `{entry.Invocation} --help` says what it takes.";
            }

            if (option.ValueName is null && inline)
            {
                return $"{name} is a flag and takes no value: write {name} alone.";
            }

            i += needsValue && !inline ? 1 : 0;
        }

        return null;
    }

    /// <summary>Every spelling of every option the command takes (--plan, -h …), from its settings type.</summary>
    public static IReadOnlyList<string> OptionsOf(CommandEntry entry) =>
        OptionAttributesOf(entry).SelectMany(Spellings).Append("--help").ToList();

    private static List<CommandOptionAttribute> OptionAttributesOf(CommandEntry entry) =>
        entry.Settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
            .OfType<CommandOptionAttribute>()
            .ToList();

    private static IEnumerable<string> Spellings(CommandOptionAttribute option) =>
        option.LongNames.Select(n => "--" + n).Concat(option.ShortNames.Select(n => "-" + n));

    private static string UnknownOptionOf(CommandEntry entry, string name)
    {
        var typed = Dashes(name);
        var options = OptionsOf(entry);
        var closest = ClosestName.Among(typed, options);
        return closest is null
            ? $"{entry.Invocation} has no option {typed}. Its options: {string.Join(", ", options.Where(o => o.StartsWith("--", StringComparison.Ordinal)))}."
            : $"{entry.Invocation} has no option {typed}. Did you mean {closest}? (`{entry.Invocation} --help` lists its options.)";
    }

    private static string UnknownCommandIn(IReadOnlyList<string> args, string word)
    {
        var branch = CommandCatalog.Branches.FirstOrDefault(b => args.Count > 1 && args[0] == b.Name && args[1] == word).Name;
        var known = branch is null
            ? CommandCatalog.All.Select(e => e.Path[0]).Distinct().ToList()
            : CommandCatalog.All.Where(e => e.Path[0] == branch && e.Path.Count > 1).Select(e => e.Path[1]).ToList();
        var where = branch is null ? "drill" : $"drill {branch}";
        var closest = ClosestName.Among(word, known);
        return $"{where} has no command '{word}'.{(closest is null ? string.Empty : $" Did you mean '{closest}'?")} Its commands: {string.Join(", ", known)}.";
    }

    private static List<string> ArgumentsOf(CommandEntry entry) =>
        entry.Settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<CommandArgumentAttribute>())
            .OfType<CommandArgumentAttribute>()
            .OrderBy(a => a.Position)
            .Select(a => a.ValueName)
            .ToList();

    /// <summary>A stray word right after an option's value is most likely the rest of an unquoted phrase (--reason release 4.2).</summary>
    private static string QuoteHint(IReadOnlyList<string> args, string word)
    {
        var at = args.ToList().IndexOf(word);
        if (at < 2 || !args[at - 2].StartsWith("--", StringComparison.Ordinal) || args[at - 1].StartsWith('-'))
        {
            return string.Empty;
        }

        var phrase = string.Join(' ', args.Skip(at - 1).TakeWhile(a => !a.StartsWith('-')));
        return $" Did you mean {args[at - 2]} {ShellWords.Quote(phrase)}? A value with spaces needs quotes.";
    }

    private static string Dashes(string name) => (name.Length == 1 ? "-" : "--") + name;

    [GeneratedRegex("^Unknown option '(?<name>.+)'\\.$")]
    private static partial Regex UnknownOption();

    [GeneratedRegex("^Unknown command '(?<name>.+)'\\.$")]
    private static partial Regex UnknownCommand();

    [GeneratedRegex("^Could not match '(?<name>.+)' with an argument\\.$")]
    private static partial Regex ExtraArgument();

    [GeneratedRegex("^Failed to convert '(?<value>.*)' to (?<type>\\w+)\\.?$")]
    private static partial Regex NotConvertible();

    [GeneratedRegex("^Unexpected option '(?<name>.+)'\\.$")]
    private static partial Regex UnexpectedOption();
}
