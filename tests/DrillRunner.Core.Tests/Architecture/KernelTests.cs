using static DrillRunner.Core.Tests.Architecture.CoreNamespaceGraph;

namespace DrillRunner.Core.Tests.Architecture;

/// <summary>
/// Core is a kernel and features around it: kinds, plans and runs are the vocabulary every feature
/// speaks, so they may use only one another and the foundations, and no two namespaces may use each
/// other, even through others. A new arrow the wrong way fails here naming it, before it becomes a
/// knot that nothing can be moved out of.
/// </summary>
public sealed class KernelTests
{
    /// <summary>The vocabulary: what a resource kind is, what a plan says, what a run recorded.</summary>
    private static readonly string[] Kernel = [$"{Root}.Kinds", $"{Root}.Plans", $"{Root}.Runs"];

    /// <summary>What everything may use and which itself uses nothing else of Core: the typed errors, and the root's host facts.</summary>
    private static readonly string[] Foundations = [Root, $"{Root}.Errors"];

    private static CoreNamespaceGraph Graph => Instance;

    [Fact]
    public void TheKernel_UsesOnlyTheKernelAndTheFoundations()
    {
        var wrong = Graph.Namespaces.Where(IsKernel)
            .SelectMany(from => Graph.Uses(from).Where(to => !IsKernel(to) && !Foundations.Contains(to)).Select(to => Graph.Describe(from, to)))
            .ToList();

        Assert.True(wrong.Count == 0, "The kernel (Kinds, Plans, Runs) uses a feature; move the vocabulary type into the kernel, or the feature logic out of it:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void TheFoundations_UseNothingElseOfCore()
    {
        var wrong = Foundations
            .SelectMany(from => Graph.Uses(from).Where(to => !Foundations.Contains(to)).Select(to => Graph.Describe(from, to)))
            .ToList();

        Assert.True(wrong.Count == 0, "Errors and the root namespace are used by everything, so they may use nothing else:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void NoTwoCoreNamespaces_UseEachOther()
    {
        var cycles = Graph.Cycles()
            .Select(cycle => string.Join(" → ", cycle.Select(Short)) + ":\n  " + string.Join("\n  ", cycle.Zip(cycle.Skip(1), Graph.Describe)))
            .ToList();

        Assert.True(cycles.Count == 0, "Core's namespaces use each other in a circle; move the type that closes it to where it belongs:\n" + string.Join("\n", cycles));
    }

    /// <summary>The tests above would pass on an empty graph too: this one proves the graph sees Core.</summary>
    [Fact]
    public void TheGraph_SeesCoresDependencies()
    {
        Assert.Contains($"{Root}.Kinds", Graph.Uses($"{Root}.Plans"));
        Assert.Contains($"{Root}.Runs", Graph.Uses($"{Root}.Teardown"));
        Assert.True(Graph.Namespaces.Count() >= 15, string.Join(", ", Graph.Namespaces));
    }

    private static bool IsKernel(string ns) => Kernel.Any(k => ns == k || ns.StartsWith(k + ".", StringComparison.Ordinal));
}
