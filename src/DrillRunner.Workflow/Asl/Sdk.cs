using DrillRunner.Core.Kinds;

namespace DrillRunner.Workflow.Asl;

/// <summary>Resources of AWS SDK service integrations.</summary>
public static class Sdk
{
    public static string Resource(string service, string action) => $"arn:aws:states:::aws-sdk:{service}:{action}";

    public static string Resource(AwsCall call) => Resource(call.Service, call.Action);

    public static string Backup(string action) => Resource("backup", action);

    public static string Tagging(string action) => Resource("resourcegroupstaggingapi", action);
}
