using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using DrillRunner.Local.Processes;

namespace DrillRunner.Local.Workflow;

/// <summary>
/// The Node processes that run executions (run-state-machine.mjs), kept for the life of this process:
/// starting Node and loading the engine took more CPU than most executions, and a test run makes
/// hundreds. Each worker runs several executions at once; a new execution goes to an idle worker, a
/// new one while there are fewer than the pool holds, or else the least busy.
/// A worker that died is replaced, and the executions it was running end with its last words.
/// </summary>
internal static class StateMachineWorkers
{
    /// <summary>One per core, at most 4: the engine's JavaScript runs on one thread per worker.</summary>
    private static readonly Worker?[] Pool = new Worker?[Math.Clamp(Environment.ProcessorCount, 1, 4)];
    private static readonly Lock PoolLock = new();
    private static long _nextId;

    /// <summary>Runs one job; yields its messages (events, then the result) as the worker writes them.</summary>
    public static async IAsyncEnumerable<JsonObject> RunAsync(JsonObject job, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var worker = Acquire();
        var id = Interlocked.Increment(ref _nextId);
        var messages = worker.Register(id);
        try
        {
            await worker.SendAsync(new JsonObject { ["id"] = id, ["job"] = job }, cancellationToken);
            await foreach (var message in messages.ReadAllAsync(cancellationToken))
            {
                yield return message;
                if (message["kind"]?.GetValue<string>() == "result")
                {
                    yield break;
                }
            }
        }
        finally
        {
            if (worker.Unregister(id) && !worker.HasExited)
            {
                // Ended before its result (cancelled): stop the execution, as StopExecution would.
                await worker.SendAsync(new JsonObject { ["id"] = id, ["abort"] = true }, CancellationToken.None);
            }
        }
    }

    private static Worker Acquire()
    {
        lock (PoolLock)
        {
            // An idle worker if there is one; else a new one while the pool has room; else the least busy.
            var live = Pool.Where(w => w is { HasExited: false }).Select(w => w!).ToList();
            if (live.FirstOrDefault(w => w.Running == 0) is { } idle)
            {
                return idle;
            }

            var free = Array.FindIndex(Pool, w => w is null || w.HasExited);
            return free >= 0 ? Pool[free] = Worker.Start() : live.MinBy(w => w.Running)!;
        }
    }

    private sealed class Worker
    {
        private const int KeptErrorCharacters = 8_000;
        private readonly Process _process;
        private readonly ConcurrentDictionary<long, Channel<JsonObject>> _jobs = new();
        private readonly SemaphoreSlim _writing = new(1, 1);
        private readonly StringBuilder _errors = new();

        private Worker(Process process)
        {
            _process = process;
            _ = Task.Run(ReadOutputAsync);
            _ = Task.Run(ReadErrorsAsync);
        }

        public int Running => _jobs.Count;

        public bool HasExited => _process.HasExited;

        public static Worker Start() => new(NodeScript.Start("run-state-machine.mjs"));

        public ChannelReader<JsonObject> Register(long id)
        {
            var channel = Channel.CreateUnbounded<JsonObject>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            _jobs[id] = channel;
            return channel.Reader;
        }

        /// <summary>True if the job had not ended yet.</summary>
        public bool Unregister(long id) => _jobs.TryRemove(id, out var channel) && channel.Writer.TryComplete();

        public async Task SendAsync(JsonObject message, CancellationToken cancellationToken)
        {
            var line = message.ToJsonString() + "\n";
            await _writing.WaitAsync(cancellationToken);
            try
            {
                await _process.StandardInput.WriteAsync(line.AsMemory(), cancellationToken);
                await _process.StandardInput.FlushAsync(cancellationToken);
            }
            catch (IOException) when (_process.HasExited)
            {
                // The reader ends this worker's jobs with its last words.
            }
            finally
            {
                _writing.Release();
            }
        }

        private async Task ReadOutputAsync()
        {
            string? unreadable = null;
            try
            {
                while (await _process.StandardOutput.ReadLineAsync() is { } line)
                {
                    if (JsonNode.Parse(line) is not JsonObject message || message["id"] is not JsonValue idValue || !idValue.TryGetValue<long>(out var id))
                    {
                        throw new FormatException($"no job id in '{line[..Math.Min(line.Length, 200)]}'");
                    }

                    if (!_jobs.TryGetValue(id, out var channel))
                    {
                        continue; // an aborted job's last lines
                    }

                    channel.Writer.TryWrite(message);
                    if (message["kind"]?.GetValue<string>() == "result" && _jobs.TryRemove(id, out _))
                    {
                        channel.Writer.TryComplete();
                    }
                }
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException)
            {
                // A line that is not the worker's JSON: its executions cannot be followed any more.
                unreadable = $"an unreadable line from the runner ({ex.Message}); ";
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            string errors;
            lock (_errors)
            {
                errors = _errors.ToString();
            }

            var died = new InvalidOperationException($"The local state machine runner ended without a result (exit code {_process.ExitCode}): {unreadable}{errors}");
            foreach (var id in _jobs.Keys)
            {
                if (_jobs.TryRemove(id, out var channel))
                {
                    channel.Writer.TryComplete(died);
                }
            }
        }

        private async Task ReadErrorsAsync()
        {
            var buffer = new char[1024];
            int read;
            while ((read = await _process.StandardError.ReadAsync(buffer)) > 0)
            {
                lock (_errors)
                {
                    _errors.Append(buffer, 0, read);
                    if (_errors.Length > KeptErrorCharacters)
                    {
                        _errors.Remove(0, _errors.Length - KeptErrorCharacters);
                    }
                }
            }
        }
    }
}
