namespace DrillRunner.Core.Capacity;

/// <summary>
/// What one stretch of an execution costs Step Functions and Lambda: the transitions it makes (a state
/// entered is one), how many of its states are Tasks (they write more history), and how many of those
/// invoke a Lambda function. Counted from the workflow model (<see cref="WorkflowShape"/>), never by hand.
/// </summary>
public sealed record PathShape(long Transitions, long Tasks, long Invocations)
{
    public static PathShape None { get; } = new(0, 0, 0);

    /// <summary>History events the stretch writes, at most about: 5 per Task (scheduled, started, succeeded, entered, exited), 2 per other state.</summary>
    public long HistoryEvents => (5 * Tasks) + (2 * (Transitions - Tasks));

    public static PathShape operator +(PathShape a, PathShape b) => new(a.Transitions + b.Transitions, a.Tasks + b.Tasks, a.Invocations + b.Invocations);

    public static PathShape operator -(PathShape a, PathShape b) => new(a.Transitions - b.Transitions, a.Tasks - b.Tasks, a.Invocations - b.Invocations);

    /// <summary>The stretch gone round <paramref name="rounds"/> times (a loop's).</summary>
    public static PathShape operator *(PathShape a, long rounds) => new(a.Transitions * rounds, a.Tasks * rounds, a.Invocations * rounds);
}
