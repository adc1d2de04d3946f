namespace DrillRunner.Cli.Infrastructure;

/// <summary>
/// A plan named on the command line must be one the runs table knows: a misspelt name is an error
/// that names the stored plans, not a report of an empty plan (stale, objectives of 0 s) or an empty
/// history. A name with runs but no stored plan (its plan item lost) is still known: its runs are reported.
/// </summary>
internal static class StoredPlanName
{
    /// <summary>What to tell the user when <paramref name="name"/> is neither a stored plan nor has runs; null when it is known.</summary>
    /// <param name="storeOptions">The options naming the store, so the fix printed acts on it when pasted.</param>
    public static async Task<string?> ProblemAsync(DrillStore store, string name, string storeOptions, CancellationToken cancellationToken)
    {
        var names = (await store.Plans.ListNamesAsync(cancellationToken)).Order(StringComparer.Ordinal).ToList();
        if (names.Contains(name, StringComparer.Ordinal) || (await store.Runs.HistoryAsync(name, null, 1, cancellationToken)).Count > 0)
        {
            return null;
        }

        return names.Count == 0
            ? $"no plan named '{name}', and no plans are stored in {store.Description}; store one with `drill plan apply FILE{storeOptions}`."
            : $"no plan named '{name}'; stored plans: {string.Join(", ", names)}";
    }
}
