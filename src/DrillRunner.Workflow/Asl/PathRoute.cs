namespace DrillRunner.Workflow.Asl;

/// <summary>
/// The way an execution goes through one scope: the branch each Choice on its way takes, and the loops
/// it goes round (each a LoopUntil, counted per round). <see cref="PathWalk"/> refuses a Choice the
/// route does not decide, so a branch added to a path cannot go uncounted.
/// </summary>
public sealed record PathRoute(IReadOnlyDictionary<StateName, StateName> Choices, IReadOnlyList<StateName> Loops);
