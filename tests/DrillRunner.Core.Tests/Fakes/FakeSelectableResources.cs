using DrillRunner.Core.Kinds;
using DrillRunner.Core.Ports;

namespace DrillRunner.Core.Tests.Fakes;

/// <summary>An account's tables and buckets with their tags; counts the looks so tests can see tags are read only when needed.</summary>
internal sealed class FakeSelectableResources : ISelectableResources
{
    private readonly Dictionary<(RestoreKind Kind, string Name), Dictionary<string, string>> _resources = [];

    public int Describes { get; private set; }

    public int Listings { get; private set; }

    public FakeSelectableResources Table(string name, params (string Key, string Value)[] tags) => Add(RestoreKinds.DynamoDbTable, name, tags);

    public FakeSelectableResources Bucket(string name, params (string Key, string Value)[] tags) => Add(RestoreKinds.S3Bucket, name, tags);

    public Task<IReadOnlyList<string>> ListNamesAsync(RestoreKind kind, CancellationToken cancellationToken)
    {
        Listings++;
        return Task.FromResult<IReadOnlyList<string>>(_resources.Keys.Where(k => k.Kind == kind).Select(k => k.Name).ToList());
    }

    public Task<SelectableResource?> DescribeAsync(RestoreKind kind, string name, CancellationToken cancellationToken)
    {
        Describes++;
        return Task.FromResult(_resources.TryGetValue((kind, name), out var tags)
            ? new SelectableResource(name, kind.ArnOf("eu-west-1", "111122223333", name), tags)
            : null);
    }

    private FakeSelectableResources Add(RestoreKind kind, string name, (string Key, string Value)[] tags)
    {
        _resources[(kind, name)] = tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        return this;
    }
}
