using System.ComponentModel;
using System.Diagnostics;

namespace DrillRunner.Local.Processes;

/// <summary>Starts one of local mode's Node scripts from the repository, with its streams redirected.</summary>
internal static class NodeScript
{
    public static Process Start(string script, params string[] arguments)
    {
        RepoPaths.RequireNodeModules();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepoPaths.NodeScript(script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"Could not start node for {script}; is Node.js 20+ on PATH?");
        }
        catch (Win32Exception)
        {
            throw new LocalModeUnavailable($"Local mode runs {script} on Node.js, and no 'node' is on PATH. Fix: install Node.js 20+ (https://nodejs.org) and put it on PATH, then run this command again.");
        }
    }
}
