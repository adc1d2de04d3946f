namespace DrillRunner.Core.Ports;

/// <summary>An item as canonical text per attribute (type-tagged, sets sorted), so that equality is meaningful.</summary>
public sealed record ItemSnapshot(IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>An attribute's plain value: "S" and "N" values without their type tag.</summary>
    public string? Plain(string attribute) =>
        Attributes.TryGetValue(attribute, out var text) && text.Length > 2 && text[1] == ':' ? text[2..] : null;

    public bool SameAs(ItemSnapshot other) =>
        Attributes.Count == other.Attributes.Count
        && Attributes.All(a => other.Attributes.TryGetValue(a.Key, out var value) && value == a.Value);
}
