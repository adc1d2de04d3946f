using DrillRunner.Core.Kinds;

namespace DrillRunner.Core.Tests.Kinds;

public sealed class RestoreKindsTests
{
    /// <summary>Teardown asks the record who deletes: a kind that said neither would be left behind at every drill.</summary>
    [Fact]
    public void EveryKind_IsDeletedEitherByTheStateMachinesCallOrByTheFunctionWithItsGrants()
    {
        Assert.All(RestoreKinds.All, kind =>
        {
            var byStateMachine = kind.DeletedBy == Deleter.StateMachine;
            Assert.True(byStateMachine == kind.Delete is not null, $"{kind.DisplayName}: deleted by {kind.DeletedBy}, but its Delete call is {(kind.Delete is null ? "missing" : "set")}");
            Assert.True(byStateMachine == (kind.FunctionDeleteActions.Count == 0), $"{kind.DisplayName}: deleted by {kind.DeletedBy}, but the function's delete actions are [{string.Join(", ", kind.FunctionDeleteActions)}]");
        });
    }
}
