namespace DrillRunner.Aws.DynamoDb;

/// <summary>The SDK hands out DateTime of varying Kind; the domain works in UTC offsets.</summary>
internal static class AwsTime
{
    public static DateTimeOffset ToOffset(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero),
        DateTimeKind.Utc => new DateTimeOffset(value, TimeSpan.Zero),
        _ => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero),
    };
}
