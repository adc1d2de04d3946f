using System.Text.Json;

namespace DrillRunner.Core.Plans;

/// <summary>
/// Reads one JSON object field by field, recording a problem (with its JSON path) for every
/// wrong type or unknown field instead of stopping at the first one.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly List<PlanProblem> _problems;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public JsonObjectReader(JsonElement element, string path, List<PlanProblem> problems)
    {
        _element = element;
        Path = path;
        _problems = problems;
    }

    public string Path { get; }

    public List<PlanProblem> Problems => _problems;

    public string At(string field) => $"{Path}.{field}";

    public void Problem(string path, string message, string fix) => _problems.Add(new PlanProblem(path, message, fix));

    /// <summary>Whether the object gives the field (not null), without taking it as known.</summary>
    public bool Has(string field) => _element.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null;

    public bool TryGet(string field, out JsonElement value)
    {
        _known.Add(field);
        if (_element.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    public string? String(string field, bool required, string fix)
    {
        if (!TryGet(field, out var value))
        {
            if (required)
            {
                Problem(At(field), "is required.", fix);
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            Problem(At(field), "must be a non-empty string.", fix);
            return null;
        }

        return value.GetString();
    }

    public double? Number(string field, bool required, double min, double max, string fix)
    {
        if (!TryGet(field, out var value))
        {
            if (required)
            {
                Problem(At(field), "is required.", fix);
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || number < min || number > max)
        {
            Problem(At(field), $"must be a number from {min} to {max}.", fix);
            return null;
        }

        return number;
    }

    public long? Whole(string field, long min, long max, string fix)
    {
        if (!TryGet(field, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number) || number < min || number > max)
        {
            Problem(At(field), $"must be a whole number from {min} to {max}.", fix);
            return null;
        }

        return number;
    }

    public bool? Boolean(string field, string fix)
    {
        if (!TryGet(field, out var value))
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Problem(At(field), "must be true or false.", fix);
            return null;
        }

        return value.GetBoolean();
    }

    public IEnumerable<(JsonElement Item, string Path)> Array(string field, bool required, string fix)
    {
        if (!TryGet(field, out var value))
        {
            if (required)
            {
                Problem(At(field), "is required.", fix);
            }

            yield break;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Problem(At(field), "must be an array.", fix);
            yield break;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            yield return (item, $"{At(field)}[{index++}]");
        }
    }

    public JsonObjectReader? Object(string field, bool required, string fix)
    {
        if (!TryGet(field, out var value))
        {
            if (required)
            {
                Problem(At(field), "is required.", fix);
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Problem(At(field), "must be an object.", fix);
            return null;
        }

        return new JsonObjectReader(value, At(field), _problems);
    }

    /// <summary>An object whose values are all strings (e.g. restore metadata); empty when absent.</summary>
    public Dictionary<string, string> StringMap(string field, string fix)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!TryGet(field, out var value))
        {
            return map;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Problem(At(field), "must be an object of string values.", fix);
            return map;
        }

        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                map[property.Name] = property.Value.GetString()!;
            }
            else
            {
                Problem($"{At(field)}.{property.Name}", "must be a string (AWS Backup metadata values are strings, e.g. \"true\" or \"5432\").", fix);
            }
        }

        return map;
    }

    /// <summary>Call last: every field not asked for is an unknown field.</summary>
    public void RejectUnknownFields()
    {
        foreach (var property in _element.EnumerateObject())
        {
            if (property.Name != "$schema" && !_known.Contains(property.Name))
            {
                var known = string.Join(", ", _known.Order(StringComparer.Ordinal));
                Problem(At(property.Name), "is not a known field.", $"remove it or correct its spelling; known fields here: {known}.");
            }
        }
    }
}
