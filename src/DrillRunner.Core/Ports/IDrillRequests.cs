using DrillRunner.Core.Requests;

namespace DrillRunner.Core.Ports;

/// <summary>Drill request items in the runs table: the Pipe starts an execution for each new one.</summary>
public interface IDrillRequests
{
    /// <summary>Writes a new request item (the stream INSERT that the Pipe turns into an execution).</summary>
    Task SubmitAsync(DrillRequest request, CancellationToken cancellationToken);

    /// <summary>Records which run a request became.</summary>
    Task LinkRunAsync(string requestId, string runId, CancellationToken cancellationToken);

    /// <summary>The run a request became, or null while the execution has not begun it.</summary>
    Task<string?> RunIdAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>Records that no execution will begin the request (locally, a command interrupted before it started one: there is no Pipe to start it later).</summary>
    Task MarkNotStartedAsync(string requestId, string because, CancellationToken cancellationToken);

    /// <summary>The request's state, or null when there is no such request.</summary>
    Task<DrillRequestState?> GetAsync(string requestId, CancellationToken cancellationToken);
}
