namespace DrillFunctions.Tests;

/// <summary>One IAM statement.</summary>
public sealed record Statement(List<string> Actions, List<string> Resources, Dictionary<object, object>? Condition)
{
    public void Deconstruct(out List<string> actions, out List<string> resources)
    {
        actions = Actions;
        resources = Resources;
    }

    /// <summary>The condition's value for a key under an operator (e.g. StringLike, aws:ResourceTag/Name), as written.</summary>
    public string? ConditionValue(string @operator, string key) =>
        Condition is not null && Condition.TryGetValue(@operator, out var block) && TemplateDocument.Map(block).TryGetValue(key, out var value)
            ? value switch
            {
                string text => text,
                Dictionary<object, object> sub when sub.ContainsKey("Fn::Sub") => (string)sub["Fn::Sub"],
                _ => value.ToString(),
            }
            : null;
}
