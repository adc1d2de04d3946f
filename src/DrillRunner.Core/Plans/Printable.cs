using System.Globalization;
using System.Text;

namespace DrillRunner.Core.Plans;

/// <summary>A value from a plan as it may be shown on a terminal or in a report: control characters written as \uXXXX, never sent raw.</summary>
public static class Printable
{
    public static bool HasControl(string value) => value.Any(char.IsControl);

    public static string Of(string value)
    {
        if (!HasControl(value))
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            text.Append(char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : c);
        }

        return text.ToString();
    }
}
