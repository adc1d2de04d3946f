namespace DrillRunner.Core.Kinds;

/// <summary>
/// Who deletes a kind's scratch resources at teardown. Tables and buckets the teardown function deletes
/// through its own ports (a table may refuse while it is still restoring; a bucket must be emptied first);
/// everything else it hands, once guarded, to the state machine's delete call for the kind.
/// </summary>
public enum Deleter
{
    /// <summary>The state machine, through the kind's <see cref="RestoreKind.Delete"/> call.</summary>
    StateMachine,

    /// <summary>The teardown function, through its scratch-tables port.</summary>
    ScratchTables,

    /// <summary>The teardown function, through its scratch-buckets port.</summary>
    ScratchBuckets,
}
