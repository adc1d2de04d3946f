using System.Diagnostics;
using System.Text.Json;

namespace DrillRunner.Local.Processes;

/// <summary>dynalite, the DynamoDB engine of local mode, on 127.0.0.1 and a free port.</summary>
public sealed class DynaliteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _watch;
    private volatile DynaliteProblem? _problem;

    private DynaliteProcess(Process process, int port)
    {
        _process = process;
        Url = new Uri($"http://127.0.0.1:{port}");
        _watch = WatchAsync();
    }

    public Uri Url { get; }

    /// <summary>Why dynalite stopped serving after it had started (e.g. a damaged data file it met while reading), if it did.</summary>
    internal DynaliteProblem? Problem => _problem;

    /// <param name="dataPath">A folder to keep the data on disk, or null for memory only.</param>
    /// <exception cref="DynaliteProblem">The folder is held by another process, damaged, or dynalite failed.</exception>
    public static async Task<DynaliteProcess> StartAsync(string? dataPath, CancellationToken cancellationToken)
    {
        var options = JsonSerializer.Serialize(new Dictionary<string, object?> { ["path"] = dataPath });
        var process = NodeScript.Start("dynalite-server.js", options);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null)
        {
            var error = await process.StandardError.ReadToEndAsync(cancellationToken);
            process.Dispose();
            throw new DynaliteProblem(DynaliteProblem.Failed, $"dynalite did not start: {error}");
        }

        if (ProblemIn(line) is { } problem)
        {
            process.Dispose();
            throw problem;
        }

        using var document = JsonDocument.Parse(line);
        return new DynaliteProcess(process, document.RootElement.GetProperty("port").GetInt32());
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        finally
        {
            await _watch;
            _process.Dispose();
        }
    }

    /// <summary>After it is ready, dynalite's one line on stderr says why it stopped, should it stop.</summary>
    private async Task WatchAsync()
    {
        while (await _process.StandardError.ReadLineAsync() is { } line)
        {
            _problem = ProblemIn(line) ?? _problem;
        }
    }

    private static DynaliteProblem? ProblemIn(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.TryGetProperty("problem", out var kind)
                ? new DynaliteProblem(kind.GetString() ?? DynaliteProblem.Failed, document.RootElement.GetProperty("detail").GetString() ?? string.Empty)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
