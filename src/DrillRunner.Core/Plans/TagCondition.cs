namespace DrillRunner.Core.Plans;

/// <summary>One tag condition of a selection rule: the tag <see cref="Key"/> equals, or does not equal, <see cref="Value"/>.</summary>
/// <param name="NotEquals">True for "notEquals": a resource without the tag also satisfies it.</param>
public sealed record TagCondition(string Key, string Value, bool NotEquals)
{
    public bool IsMetBy(IReadOnlyDictionary<string, string> tags)
    {
        var has = tags.TryGetValue(Key, out var value) && string.Equals(value, Value, StringComparison.Ordinal);
        return NotEquals ? !has : has;
    }

    public override string ToString() => NotEquals ? $"{Key}≠{Value}" : $"{Key}={Value}";
}
