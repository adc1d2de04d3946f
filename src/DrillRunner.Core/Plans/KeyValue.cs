namespace DrillRunner.Core.Plans;

/// <summary>A key attribute value as a plan writes it: a string or a number.</summary>
public sealed record KeyValue(string Text, bool IsNumber)
{
    public override string ToString() => IsNumber ? Text : $"\"{Text}\"";
}
