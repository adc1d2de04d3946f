namespace DrillRunner.Core.Ports;

/// <summary>A scratch table's life as DescribeTable shows it.</summary>
public enum ScratchTableState
{
    Creating,
    Active,
    Missing,
    Other,
}
