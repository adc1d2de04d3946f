using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Tests.Architecture;

/// <summary>
/// Which namespace of Core uses which, read from the compiled assembly (signatures, fields, method
/// bodies, attributes), so a fully qualified name cannot hide a dependency the way it hides from a
/// look at the <c>using</c> lines. A constant is the one thing it cannot see: the compiler copies its
/// value into the user.
/// </summary>
internal sealed class CoreNamespaceGraph
{
    public const string Root = "DrillRunner.Core";

    private static readonly Lazy<CoreNamespaceGraph> Loaded = new(() => new(typeof(DrillRun).Assembly));

    /// <summary>For each namespace, the namespaces it uses, each with the first type dependency that shows it.</summary>
    private readonly SortedDictionary<string, SortedDictionary<string, string>> _uses = new(StringComparer.Ordinal);

    private CoreNamespaceGraph(System.Reflection.Assembly core)
    {
        var architecture = new ArchLoader().LoadAssemblies(core).Build();
        foreach (var type in architecture.Types.Where(t => InCore(NamespaceOf(t))))
        {
            var from = NamespaceOf(type)!;
            _uses.TryAdd(from, new(StringComparer.Ordinal));
            foreach (var used in type.Dependencies.Select(d => d.Target).Where(t => InCore(NamespaceOf(t)) && NamespaceOf(t) != from))
            {
                _uses[from].TryAdd(NamespaceOf(used)!, $"{used.Name} used by {type.Name}");
            }
        }
    }

    public static CoreNamespaceGraph Instance => Loaded.Value;

    public IEnumerable<string> Namespaces => _uses.Keys;

    /// <summary>The namespaces <paramref name="from"/> uses directly.</summary>
    public IReadOnlyCollection<string> Uses(string from) => _uses.TryGetValue(from, out var uses) ? uses.Keys : [];

    /// <summary>"Plans → Kinds (RestoreKinds used by PlanReader)": an edge, with what shows it.</summary>
    public string Describe(string from, string to) => $"{Short(from)} → {Short(to)} ({_uses[from][to]})";

    /// <summary>
    /// The cycles, named so the message says what to break: in each group of namespaces that reach
    /// one another (Tarjan's strongly connected components), a shortest way round from each member
    /// that no cycle named before passes through.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var cycles = new List<IReadOnlyList<string>>();
        foreach (var group in StronglyConnected().Where(g => g.Count > 1))
        {
            var named = new HashSet<string>(StringComparer.Ordinal);
            foreach (var start in group.Order(StringComparer.Ordinal))
            {
                if (named.Contains(start))
                {
                    continue;
                }

                var cycle = ShortestPathBack(start, group);
                named.UnionWith(cycle);
                cycles.Add(cycle);
            }
        }

        return cycles;
    }

    /// <summary>A namespace's name below Core ("Plans", "Drills.Contracts"; the root itself is "(root)").</summary>
    public static string Short(string ns) => ns == Root ? "(root)" : ns[(Root.Length + 1)..];

    /// <summary>Null for the compiler's own types (&lt;Module&gt;, &lt;PrivateImplementationDetails&gt;).</summary>
    private static string? NamespaceOf(IType type) => type.Namespace?.FullName;

    private static bool InCore(string? ns) => ns is not null && (ns == Root || ns.StartsWith(Root + ".", StringComparison.Ordinal));

    private List<string> ShortestPathBack(string start, IReadOnlySet<string> group)
    {
        var cameFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var at = queue.Dequeue();
            foreach (var next in Uses(at).Where(group.Contains))
            {
                if (next == start)
                {
                    var path = new List<string> { start };
                    for (var back = at; back != start; back = cameFrom[back])
                    {
                        path.Insert(1, back);
                    }

                    path.Add(start);
                    return path;
                }

                if (cameFrom.TryAdd(next, at))
                {
                    queue.Enqueue(next);
                }
            }
        }

        throw new InvalidOperationException($"{start} is in a strongly connected group but no path leads back to it");
    }

    private List<IReadOnlySet<string>> StronglyConnected()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var groups = new List<IReadOnlySet<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in Uses(node))
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var group = new HashSet<string>(StringComparer.Ordinal);
                string popped;
                do
                {
                    popped = stack.Pop();
                    group.Add(popped);
                }
                while (popped != node);
                groups.Add(group);
            }
        }

        foreach (var node in Namespaces.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return groups;
    }
}
