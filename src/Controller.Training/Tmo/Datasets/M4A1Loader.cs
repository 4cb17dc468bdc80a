using System.Text.Json;

namespace Controller.Training.Tmo.Datasets;

/// <summary>
/// Reads the M4A1 dataset (schema in <c>shared/m4a1/README.md</c>) and checks every field it uses,
/// so a broken file fails here with the file, dialogue id and field named, not later as a bad number.
/// </summary>
public static class M4A1Loader
{
    /// <summary>The four task categories of M4A1 (its README); any other <c>task_cat</c> is an error.</summary>
    public static IReadOnlyList<string> TaskCategories { get; } = ["Assistive System", "Message Editing", "Query", "Recommendation"];

    /// <summary>Loads and validates the dataset at <paramref name="path"/>.</summary>
    /// <exception cref="DatasetFormatException">The file is missing, is not JSON, or breaks the schema.</exception>
    public static IReadOnlyList<M4A1Dialogue> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new DatasetFormatException(path, null, "(file)", "file not found; download data/M4A1.json from the TMO repository and pass its path with --dataset");
        }

        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>Loads and validates a dataset from <paramref name="stream"/>; <paramref name="sourceName"/> names it in errors.</summary>
    public static IReadOnlyList<M4A1Dialogue> Load(Stream stream, string sourceName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException ex)
        {
            throw new DatasetFormatException(sourceName, null, "(document)", $"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}): {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new DatasetFormatException(sourceName, null, "(document)", $"expected a JSON array of dialogues, found {root.ValueKind}");
            }

            var dialogues = new List<M4A1Dialogue>(root.GetArrayLength());
            var seenIds = new HashSet<int>();
            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                var reader = new FieldReader(sourceName, null, $"[{index}]");
                var dialogue = ReadDialogue(element, reader);
                if (!seenIds.Add(dialogue.Id))
                {
                    throw new DatasetFormatException(sourceName, dialogue.Id, "id", "duplicate dialogue id");
                }

                dialogues.Add(dialogue);
                index++;
            }

            if (dialogues.Count == 0)
            {
                throw new DatasetFormatException(sourceName, null, "(document)", "the array holds no dialogues");
            }

            return dialogues;
        }
    }

    private static M4A1Dialogue ReadDialogue(JsonElement element, FieldReader reader)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw reader.Error("(dialogue)", $"expected an object, found {element.ValueKind}");
        }

        var id = reader.Int(element, "id");
        reader = reader.ForDialogue(id);

        var imagePaths = reader.Array(element, "image_paths")
            .Select((path, i) => reader.StringValue(path, $"image_paths[{i}]"))
            .ToArray();
        if (imagePaths.Length == 0)
        {
            throw reader.Error("image_paths", "expected at least one view");
        }

        var modalityCount = imagePaths.Length;
        var interactions = reader.Array(element, "interactions");
        if (interactions.Count == 0)
        {
            throw reader.Error("interactions", "expected at least one turn");
        }

        var associationRows = reader.Array(element, "association_score");
        if (associationRows.Count != interactions.Count)
        {
            throw reader.Error("association_score", $"has {associationRows.Count} rows but the dialogue has {interactions.Count} turns");
        }

        var turns = new M4A1Turn[interactions.Count];
        for (var t = 0; t < turns.Length; t++)
        {
            var association = ReadAssociationRow(associationRows[t], modalityCount, reader, $"association_score[{t}]");
            turns[t] = ReadTurn(interactions[t], modalityCount, association, reader, $"interactions[{t}]");
        }

        return new M4A1Dialogue(id, imagePaths, turns);
    }

    private static double[] ReadAssociationRow(JsonElement row, int modalityCount, FieldReader reader, string field)
    {
        if (row.ValueKind != JsonValueKind.Array)
        {
            throw reader.Error(field, $"expected an array of {modalityCount} numbers, found {row.ValueKind}");
        }

        if (row.GetArrayLength() != modalityCount)
        {
            throw reader.Error(field, $"has {row.GetArrayLength()} entries but the dialogue has {modalityCount} views");
        }

        return row.EnumerateArray().Select((value, m) => reader.NumberValue(value, $"{field}[{m}]")).ToArray();
    }

    private static M4A1Turn ReadTurn(JsonElement turn, int modalityCount, double[] association, FieldReader reader, string field)
    {
        if (turn.ValueKind != JsonValueKind.Object)
        {
            throw reader.Error(field, $"expected an object, found {turn.ValueKind}");
        }

        var action = reader.Int(turn, $"{field}.action");
        if (action is not (0 or 1))
        {
            throw reader.Error($"{field}.action", $"expected 0 (local) or 1 (cloud), found {action}");
        }

        var views = ReadUploadedViews(turn, modalityCount, reader, $"{field}.image_index");
        if (action == 0 && views.Length > 0)
        {
            throw reader.Error($"{field}.image_index", "a local turn cannot upload views");
        }

        var score = reader.Number(turn, $"{field}.score");
        if (score < 0)
        {
            throw reader.Error($"{field}.score", $"must be ≥ 0, found {score}");
        }

        var task = reader.String(turn, $"{field}.task_cat");
        if (!TaskCategories.Contains(task))
        {
            // A typo would silently become a fifth task and shift every task id the estimator and policies use.
            throw reader.Error($"{field}.task_cat", $"unknown task '{task}'; M4A1's tasks are {string.Join(", ", TaskCategories.Select(t => $"'{t}'"))}");
        }

        return new M4A1Turn(
            Question: reader.String(turn, $"{field}.question"),
            TaskCategory: task,
            Cloud: action == 1,
            UploadedViews: views,
            Answer: reader.String(turn, $"{field}.answer"),
            Score: score,
            InteractionTimeS: reader.Number(turn, $"{field}.interaction_time"),
            UsageCostUsd: reader.Number(turn, $"{field}.usage_cost"),
            Association: association);
    }

    private static int[] ReadUploadedViews(JsonElement turn, int modalityCount, FieldReader reader, string field)
    {
        var name = field[(field.LastIndexOf('.') + 1)..];
        if (!turn.TryGetProperty(name, out var value))
        {
            throw reader.Error(field, "missing (use null for no upload)");
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw reader.Error(field, $"expected null or an array of view indices, found {value.ValueKind}");
        }

        var views = value.EnumerateArray().Select((v, i) => reader.IntValue(v, $"{field}[{i}]")).ToArray();
        foreach (var view in views)
        {
            if (view < 0 || view >= modalityCount)
            {
                throw reader.Error(field, $"view index {view} is outside 0..{modalityCount - 1}");
            }
        }

        if (views.Distinct().Count() != views.Length)
        {
            throw reader.Error(field, "lists a view twice");
        }

        return views;
    }
}
