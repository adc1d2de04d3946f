using System.Text;

namespace DrillRunner.Core.Selection;

/// <summary>
/// A selected target's id is its resource's name, made to fit the target-id rules (1–40 of
/// A-Z a-z 0-9 _ -) and distinct from every id given before it: the same names give the same ids.
/// </summary>
internal sealed class SelectedTargetIds(IEnumerable<string> explicitIds)
{
    private const int MaxLength = 40;
    private readonly HashSet<string> _used = new(explicitIds, StringComparer.Ordinal);

    /// <summary>The id for <paramref name="name"/>, and why it differs from the name (null when it does not).</summary>
    public (string Id, string? Renamed) For(string name)
    {
        var fitted = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            fitted.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '-');
        }

        var id = fitted.Length > MaxLength ? fitted.ToString(0, MaxLength) : fitted.ToString();
        string? renamed = id == name ? null : $"a target id holds 1–{MaxLength} of A-Z a-z 0-9 _ -";
        if (_used.Add(id))
        {
            return (id, renamed);
        }

        var clash = id;
        for (var n = 2; ; n++)
        {
            var suffix = $"-{n}";
            var candidate = (id.Length + suffix.Length > MaxLength ? id[..(MaxLength - suffix.Length)] : id) + suffix;
            if (_used.Add(candidate))
            {
                return (candidate, $"'{clash}' is already a target id");
            }
        }
    }
}
