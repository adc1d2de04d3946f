namespace DrillRunner.Local.Processes;

/// <summary>
/// Local mode cannot start on this machine: its files, its Node packages or Node.js itself are missing.
/// The message says what is missing and the exact command that fixes it; the CLI prints it as a configuration error.
/// </summary>
public sealed class LocalModeUnavailable(string message) : Exception(message);
