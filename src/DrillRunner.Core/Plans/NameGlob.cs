using System.Text.RegularExpressions;

namespace DrillRunner.Core.Plans;

/// <summary>
/// A selection rule's name pattern: '*' is any run of characters, '?' one character, everything
/// else itself (so a '.' or '[' in a pattern is a literal, never a regular expression).
/// </summary>
public sealed partial record NameGlob(string Pattern)
{
    /// <summary>Longer than any name of a kind the runner selects (DynamoDB tables: 255).</summary>
    public const int MaxLength = 255;

    public bool Matches(string name) => Matches(Pattern.AsSpan(), name.AsSpan());

    /// <summary>Why a pattern cannot be used (null when it can), with the characters the selectable kinds' names allow.</summary>
    public static string? Problem(string pattern)
    {
        if (pattern.Length > MaxLength)
        {
            return $"is {pattern.Length} characters; no table or bucket name is longer than {MaxLength}.";
        }

        return AllowedCharacters().IsMatch(pattern)
            ? null
            : "may hold only letters, digits, '_', '.', '-' and the wildcards '*' (any run of characters) and '?' (one character); it is a glob, not a regular expression.";
    }

    public override string ToString() => Pattern;

    // Iterative glob match with backtracking to the last '*': linear in practice, no regex engine involved.
    private static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        int p = 0, n = 0, star = -1, mark = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.*?-]+$")]
    private static partial Regex AllowedCharacters();
}
