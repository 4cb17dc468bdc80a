namespace Controller.Training.Tmo.Datasets;

/// <summary>
/// A dataset file is missing or does not match its schema. The message names the file, the
/// dialogue (when one is involved) and the field, so a user can find the problem in the file.
/// </summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException(string file, int? dialogueId, string field, string problem, Exception? inner = null)
        : base(Describe(file, dialogueId, field, problem), inner)
    {
        File = file;
        DialogueId = dialogueId;
        Field = field;
    }

    /// <summary>Path of the offending file as the user gave it.</summary>
    public string File { get; }

    /// <summary>Id of the dialogue that holds the problem, or null when it is not inside one.</summary>
    public int? DialogueId { get; }

    /// <summary>JSON path of the offending field, e.g. <c>interactions[2].score</c>.</summary>
    public string Field { get; }

    private static string Describe(string file, int? dialogueId, string field, string problem)
    {
        var where = dialogueId is { } id ? $"dialogue {id}, field '{field}'" : $"field '{field}'";
        return $"{file}: {where}: {problem}";
    }
}
