using System.Reflection;
using System.Text.Json.Serialization;

namespace DrillRunner.Core.Plans;

/// <summary>The events a resource's data must outlive, as a plan's <c>survival.require</c> and the stack's SurvivalRequire name them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SurvivalEvent>))]
public enum SurvivalEvent
{
    /// <summary>Its CloudFormation stack is deleted (the post-mortem: a stack stuck in ROLLBACK_FAILED, deleted with the data).</summary>
    [JsonStringEnumMemberName("stack")]
    Stack = 1,

    /// <summary>Its account is lost or compromised (ransomware, a leaked administrator key).</summary>
    [JsonStringEnumMemberName("account")]
    Account = 2,

    /// <summary>Its region is lost.</summary>
    [JsonStringEnumMemberName("region")]
    Region = 3,
}

/// <summary>The spelling of <see cref="SurvivalEvent"/> outside C# ("stack", "account", "region"): one mapping for plans, the template's parameter and the reports.</summary>
public static class SurvivalEvents
{
    private static readonly IReadOnlyDictionary<SurvivalEvent, string> Names = Enum.GetValues<SurvivalEvent>().ToDictionary(
        e => e,
        e => typeof(SurvivalEvent).GetField(e.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name);

    /// <summary>What a stack without a SurvivalRequire parameter and a plan without "survival" require: outliving the stack's deletion, the post-mortem's failure.</summary>
    public static IReadOnlyList<SurvivalEvent> Default { get; } = [SurvivalEvent.Stack];

    public static string Of(SurvivalEvent e) => Names[e];

    /// <summary>The event a name spells (exactly, lower case); null for anything else.</summary>
    public static SurvivalEvent? Parse(string? name) => Names.Where(n => n.Value == name).Select(n => (SurvivalEvent?)n.Key).FirstOrDefault();

    /// <summary>"stack, account, region", for messages.</summary>
    public static string List => string.Join(", ", Enum.GetValues<SurvivalEvent>().Select(Of));

    /// <summary>The template parameter's word for requiring nothing (all survival findings advisory).</summary>
    public const string None = "none";

    /// <summary>What the template's SurvivalRequire parameter may be: "none", or a comma-separated list of events (tested against the template).</summary>
    public const string ListRule = "^(none|(stack|account|region)(,(stack|account|region))*)$";

    /// <summary>
    /// The events a comma-separated list names ("stack,account"; "none": none), as the template's
    /// SurvivalRequire parameter gives them; null for anything else.
    /// </summary>
    public static IReadOnlyList<SurvivalEvent>? ParseList(string text)
    {
        if (text.Trim() == None)
        {
            return [];
        }

        var events = new List<SurvivalEvent>();
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (Parse(name) is not { } survived)
            {
                return null;
            }

            events.Add(survived);
        }

        return [.. events.Distinct().Order()];
    }
}
