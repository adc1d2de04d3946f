using System.Diagnostics;
using System.Text.Json;

namespace DrillRunner.Local.Processes;

/// <summary>dynalite, the DynamoDB engine of local mode, on 127.0.0.1 and a free port.</summary>
public sealed class DynaliteProcess : IAsyncDisposable
{
    private readonly Process _process;

    private DynaliteProcess(Process process, int port)
    {
        _process = process;
        Url = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Url { get; }

    /// <param name="dataPath">A folder to keep the data on disk, or null for memory only.</param>
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
            throw new InvalidOperationException($"dynalite did not start: {error}");
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
            _process.Dispose();
        }
    }
}
