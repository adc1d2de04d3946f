namespace DrillRunner.Core.Safety;

/// <summary>Run ids: sortable by start time, short enough to fit in scratch table names.</summary>
public static class RunIds
{
    public static string New(DateTimeOffset startedAt, Random random) =>
        $"{startedAt.UtcDateTime:yyyyMMdd-HHmmss}-{random.Next(0, 0x10000):x4}";
}
