using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Infrastructure;

/// <summary>Where the runs table is: in AWS (default credentials chain and region) or behind a given endpoint.</summary>
public class RunsTableSettings : CommandSettings
{
    public const string TableVariable = "DRILL_RUNS_TABLE";
    public const string EndpointVariable = "DRILL_DYNAMODB_ENDPOINT";

    [CommandOption("--table <NAME>")]
    [Description("The runs table (the stack's RunsTableName output). Default: $DRILL_RUNS_TABLE.")]
    public string? Table { get; init; }

    [CommandOption("--endpoint <URL>")]
    [Description("A DynamoDB endpoint other than AWS's, e.g. a local stand-in. Default: $DRILL_DYNAMODB_ENDPOINT.")]
    public string? Endpoint { get; init; }

    public string ResolvedTable => Table ?? Environment.GetEnvironmentVariable(TableVariable) ?? string.Empty;

    public string? ResolvedEndpoint => Endpoint ?? Environment.GetEnvironmentVariable(EndpointVariable);

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(ResolvedTable))
        {
            return ValidationResult.Error($"No runs table given. Fix: pass --table NAME (the stack's RunsTableName output) or set {TableVariable}.");
        }

        if (ResolvedEndpoint is { } endpoint && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
        {
            return ValidationResult.Error($"--endpoint '{endpoint}' is not an absolute URL. Fix: e.g. --endpoint http://127.0.0.1:8000.");
        }

        return ValidationResult.Success();
    }
}
