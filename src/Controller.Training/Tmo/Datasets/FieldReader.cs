using System.Text.Json;

namespace Controller.Training.Tmo.Datasets;

/// <summary>Typed access to JSON fields that fails with the file, dialogue and field named.</summary>
internal readonly record struct FieldReader(string File, int? DialogueId, string Location)
{
    public FieldReader ForDialogue(int id) => this with { DialogueId = id };

    /// <summary>The exception to throw for a broken <paramref name="field"/>.</summary>
    public DatasetFormatException Error(string field, string problem)
    {
        var qualified = DialogueId is null ? $"{Location}.{field}" : field;
        return new DatasetFormatException(File, DialogueId, qualified, problem);
    }

    public JsonElement Property(JsonElement parent, string field)
    {
        var name = field[(field.LastIndexOf('.') + 1)..];
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            throw Error(field, "missing");
        }

        return value;
    }

    public int Int(JsonElement parent, string field) => IntValue(Property(parent, field), field);

    public double Number(JsonElement parent, string field) => NumberValue(Property(parent, field), field);

    public string String(JsonElement parent, string field) => StringValue(Property(parent, field), field);

    public IReadOnlyList<JsonElement> Array(JsonElement parent, string field)
    {
        var value = Property(parent, field);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(field, $"expected an array, found {value.ValueKind}");
        }

        return value.EnumerateArray().ToArray();
    }

    public int IntValue(JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var result))
        {
            throw Error(field, $"expected an integer, found {Show(value)}");
        }

        return result;
    }

    public double NumberValue(JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var result) || !double.IsFinite(result))
        {
            throw Error(field, $"expected a finite number, found {Show(value)}");
        }

        return result;
    }

    public string StringValue(JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Error(field, $"expected a string, found {Show(value)}");
        }

        return value.GetString()!;
    }

    private static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"string \"{Truncate(value.GetString()!)}\"",
        JsonValueKind.Number => $"number {value.GetRawText()}",
        _ => value.ValueKind.ToString(),
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
