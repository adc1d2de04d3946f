using System.ComponentModel;
using DrillRunner.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Infrastructure;

/// <summary>
/// Where the runs table is: in AWS (default credentials chain and region), behind another
/// endpoint, or in the local store on this machine (--local).
/// </summary>
public class StoreSettings : CommandSettings
{

    [CommandOption("--local")]
    [Description("Use the local store on this machine (dynalite + stand-in; data in .drill/local of a clone, ~/.drill/local for the installed tool) instead of AWS.")]
    public bool Local { get; init; }

    [CommandOption("--data <DIR>")]
    [Description("With --local: the local store's folder. Default: .drill/local in the clone; ~/.drill/local for the installed tool.")]
    public string? DataDirectory { get; init; }

    [CommandOption("--table <NAME>")]
    [Description("The runs table (the stack's RunsTableName output). Default: $DRILL_RUNS_TABLE.")]
    public string? Table { get; init; }

    [CommandOption("--endpoint <URL>")]
    [Description("A DynamoDB endpoint other than AWS's. Default: $DRILL_DYNAMODB_ENDPOINT.")]
    public string? Endpoint { get; init; }

    public string ResolvedTable => Table ?? Environment.GetEnvironmentVariable(EnvironmentVariables.RunsTable) ?? string.Empty;

    /// <summary>The options that name this store (" --local --data DIR", " --table T"), for the commands a message tells the user to run next.</summary>
    public string StoreOptions =>
        Local ? " --local" + DrillRunner.Local.LocalStore.DataOption(DataDirectory)
        : $" --table {ResolvedTable}" + (Endpoint is null ? string.Empty : $" --endpoint {Endpoint}");

    public string? ResolvedEndpoint => Endpoint ?? Environment.GetEnvironmentVariable(EnvironmentVariables.DynamoDbEndpoint);

    public override ValidationResult Validate()
    {
        if (Local)
        {
            return Table is not null || Endpoint is not null
                ? ValidationResult.Error("--local uses the local store; leave out --table and --endpoint.")
                : ValidationResult.Success();
        }

        if (DataDirectory is not null)
        {
            return ValidationResult.Error("--data goes with --local.");
        }

        if (string.IsNullOrWhiteSpace(ResolvedTable))
        {
            return ValidationResult.Error($"No runs table given. Fix: pass --table NAME (the stack's RunsTableName output), set {EnvironmentVariables.RunsTable}, or use --local.");
        }

        if (ResolvedEndpoint is { } endpoint && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
        {
            return ValidationResult.Error($"--endpoint '{endpoint}' is not an absolute URL. Fix: e.g. --endpoint http://127.0.0.1:8000.");
        }

        return ValidationResult.Success();
    }
}
