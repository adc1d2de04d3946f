using System.Collections.Concurrent;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Requests;

namespace DrillRunner.Core.Tests.Fakes;

internal sealed class InMemoryDrillRequests : IDrillRequests
{
    public ConcurrentDictionary<string, (DrillRequest Request, string? RunId)> Items { get; } = new();

    public Task SubmitAsync(DrillRequest request, CancellationToken cancellationToken)
    {
        Items[request.RequestId] = (request, null);
        return Task.CompletedTask;
    }

    public Task LinkRunAsync(string requestId, string runId, CancellationToken cancellationToken)
    {
        Items.AddOrUpdate(requestId, _ => (null!, runId), (_, item) => (item.Request, runId));
        return Task.CompletedTask;
    }

    public Task<string?> RunIdAsync(string requestId, CancellationToken cancellationToken) =>
        Task.FromResult(Items.TryGetValue(requestId, out var item) ? item.RunId : null);

    public ConcurrentDictionary<string, string> NotStarted { get; } = new();

    public Task MarkNotStartedAsync(string requestId, string because, CancellationToken cancellationToken)
    {
        NotStarted[requestId] = because;
        return Task.CompletedTask;
    }

    public Task<DrillRequestState?> GetAsync(string requestId, CancellationToken cancellationToken) =>
        Task.FromResult(Items.TryGetValue(requestId, out var item) ? new DrillRequestState(item.RunId, NotStarted.GetValueOrDefault(requestId)) : null);
}
