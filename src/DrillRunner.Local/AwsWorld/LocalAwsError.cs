namespace DrillRunner.Local.AwsWorld;

/// <summary>An error as a Step Functions AWS SDK integration raises it: "Service.ExceptionName" and a message.</summary>
public sealed class LocalAwsError(string name, string message) : Exception(message)
{
    public string Name { get; } = name;
}
