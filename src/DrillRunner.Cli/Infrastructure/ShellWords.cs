namespace DrillRunner.Cli.Infrastructure;

/// <summary>Arguments written so that a POSIX shell reads them back as the same words (help examples are pasted into shells).</summary>
internal static class ShellWords
{
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    public static string Quote(string word)
    {
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@,+%".Contains(c, StringComparison.Ordinal)))
        {
            return word;
        }

        // Double quotes read best ("release 4.2"), but leave $, `, \, " and ! to the shell: those words get single quotes.
        return word.IndexOfAny(['"', '$', '`', '\\', '!']) < 0
            ? $"\"{word}\""
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
