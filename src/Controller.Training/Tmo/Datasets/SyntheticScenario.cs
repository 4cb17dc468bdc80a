namespace Controller.Training.Tmo.Datasets;

/// <summary>Shape of a synthetic TMO dataset (the journal version's generator, scaled up).</summary>
/// <param name="Modalities">Modalities per turn (TMO: 3).</param>
/// <param name="Tasks">Number of tasks (TMO: 4).</param>
/// <param name="MinTurns">Fewest turns per dialogue.</param>
/// <param name="MaxTurns">Most turns per dialogue (TMO: 5).</param>
/// <param name="Dialogues">Number of dialogues.</param>
/// <param name="Seed">Seed of every draw.</param>
public sealed record SyntheticScenario(int Modalities = 3, int Tasks = 4, int MinTurns = 2, int MaxTurns = 5, int Dialogues = 100, int Seed = 0)
{
    /// <summary>Checks the shape and names the first bad field.</summary>
    public SyntheticScenario Validated()
    {
        Check(Modalities is >= 1 and <= 10, nameof(Modalities), Modalities, "1..10");
        Check(Tasks is >= 1 and <= 64, nameof(Tasks), Tasks, "1..64");
        Check(MinTurns is >= 1 and <= 15, nameof(MinTurns), MinTurns, "1..15");
        Check(MaxTurns >= MinTurns && MaxTurns <= 15, nameof(MaxTurns), MaxTurns, $"{MinTurns}..15");
        Check(Dialogues is >= 2 and <= 1_000_000, nameof(Dialogues), Dialogues, "2..1000000");
        return this;
    }

    private static void Check(bool ok, string field, int value, string range)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(field, value, $"synthetic scenario field '{field}' must be in {range}, got {value}");
        }
    }
}
