using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Datasets;

/// <summary>The dialogues of one TMO-style dataset, logged (M4A1) or synthetic.</summary>
/// <param name="Name">Where it came from: a file path or a generator description.</param>
/// <param name="ModalityCount">Number of modalities every turn offers.</param>
/// <param name="TaskNames">Task names; a turn's task id indexes this list (alphabetical for M4A1, as in TMO).</param>
/// <param name="Dialogues">The dialogues.</param>
public sealed record TmoDataset(string Name, int ModalityCount, IReadOnlyList<string> TaskNames, IReadOnlyList<TmoDialogue> Dialogues)
{
    /// <summary>Longest dialogue, in turns.</summary>
    public int MaxTurns => Dialogues.Max(d => d.Turns.Count);

    /// <summary>True when the scores come from the synthetic generator's draws rather than from a log.</summary>
    public bool IsSynthetic => Dialogues.Count > 0 && Dialogues[0].Turns[0].Draw is not null;

    /// <summary>Loads M4A1 from <paramref name="path"/> and converts it (see <see cref="FromM4A1"/>).</summary>
    public static TmoDataset LoadM4A1(string path) => FromM4A1(M4A1Loader.Load(path), path);

    /// <summary>
    /// Converts loaded M4A1 dialogues: task ids in alphabetical task order, logged actions as flat
    /// indices, refusals scored 0.
    /// </summary>
    /// <exception cref="DatasetFormatException">Dialogues disagree on the number of views.</exception>
    public static TmoDataset FromM4A1(IReadOnlyList<M4A1Dialogue> dialogues, string sourceName)
    {
        var modalityCount = dialogues[0].ImagePaths.Count;
        var mismatch = dialogues.FirstOrDefault(d => d.ImagePaths.Count != modalityCount);
        if (mismatch is not null)
        {
            throw new DatasetFormatException(sourceName, mismatch.Id, "image_paths", $"has {mismatch.ImagePaths.Count} views but dialogue {dialogues[0].Id} has {modalityCount}");
        }

        var space = new ModalityActionSpace(modalityCount);
        var tasks = dialogues.SelectMany(d => d.Turns).Select(t => t.TaskCategory).Distinct().Order(StringComparer.Ordinal).ToArray();
        var taskIds = tasks.Select((name, id) => (name, id)).ToDictionary(p => p.name, p => p.id, StringComparer.Ordinal);
        var converted = dialogues.Select(d => new TmoDialogue(
            d.Id,
            d.Turns.Select(t => new TmoTurn(
                taskIds[t.TaskCategory],
                t.Association,
                space.CloudAction(t.Cloud, t.UploadedViews),
                t.EffectiveScore)).ToArray())).ToArray();
        return new TmoDataset(sourceName, modalityCount, tasks, converted);
    }
}
