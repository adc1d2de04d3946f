namespace DrillRunner.Core.Runs;

/// <summary>
/// What a drill found for one of the plan's relations, checked on the restored (scratch) resources only.
/// A relation that could not be checked (a target it names failed) has <see cref="Checked"/> false and says why.
/// </summary>
/// <param name="RelationId">The relation's id in the plan.</param>
/// <param name="Description">What was checked, e.g. "orders.customerId → customers.pk" or "orders ≥ 10 × customers".</param>
/// <param name="Checked">Whether the relation was checked at all.</param>
/// <param name="Passed">Whether it holds; false also when it was not checked.</param>
/// <param name="Why">The sentence a person reads: what was found, or why it was not checked.</param>
public sealed record RelationResult(string RelationId, string Description, bool Checked, bool Passed, string Why)
{
    /// <summary>References looked up (sampled items that had the attribute).</summary>
    public long References { get; init; }

    /// <summary>References naming nothing in the restored target.</summary>
    public long Dangling { get; init; }

    /// <summary>Sampled items that lack the attribute (or hold it as neither string nor number): counted, not silently skipped.</summary>
    public long MissingAttribute { get; init; }

    /// <summary>Up to five dangling values, or their hashes when <see cref="ExamplesHashed"/>.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    public bool ExamplesHashed { get; init; }

    /// <summary>The seed of the sample: the same seed over the same table draws the same items.</summary>
    public int? Seed { get; init; }

    /// <summary>The plan's sample size.</summary>
    public int? SampleSize { get; init; }

    /// <summary>Items of the "from" table read and sampled from (every item when <see cref="WholeTable"/>).</summary>
    public long? ItemsSampled { get; init; }

    /// <summary>The "from" table was small enough to be checked whole.</summary>
    public bool WholeTable { get; init; }

    /// <summary>A count ratio's counts: the target's and the per target's.</summary>
    public long? Count { get; init; }

    public long? PerCount { get; init; }

    /// <summary>True when the relation failed to check or does not hold: it fails the drill (a relation not checked because its target failed does not add a second failure).</summary>
    public bool FailsDrill => Checked && !Passed;
}
