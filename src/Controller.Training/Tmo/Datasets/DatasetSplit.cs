namespace Controller.Training.Tmo.Datasets;

/// <summary>A split of a dataset's dialogues into training and test sets.</summary>
/// <param name="Train">Dialogues the policy and the estimator learn from.</param>
/// <param name="Test">Held-out dialogues for evaluation.</param>
public sealed record DatasetSplit(IReadOnlyList<TmoDialogue> Train, IReadOnlyList<TmoDialogue> Test)
{
    /// <summary>TMO's protocol: 20% of dialogues held out for test.</summary>
    public const double DefaultTestFraction = 0.2;

    /// <summary>
    /// Shuffles whole dialogues (in file order) with <paramref name="seed"/> under <paramref name="rule"/>
    /// and holds out the first round(<paramref name="testFraction"/> · n) of them, at least one of each side.
    /// </summary>
    public static DatasetSplit BySeed(IReadOnlyList<TmoDialogue> dialogues, int seed, double testFraction = DefaultTestFraction, SplitRule rule = SplitRule.Python)
    {
        if (dialogues.Count < 2)
        {
            throw new ArgumentException($"a split needs at least 2 dialogues, got {dialogues.Count}", nameof(dialogues));
        }

        if (testFraction is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "test fraction must be in (0, 1)");
        }

        var order = dialogues.ToArray();
        if (rule == SplitRule.Python)
        {
            new PythonRandom(seed).Shuffle(order);
        }
        else
        {
            new Random(seed).Shuffle(order);
        }

        var testCount = Math.Clamp((int)Math.Round(testFraction * order.Length, MidpointRounding.AwayFromZero), 1, order.Length - 1);
        return new DatasetSplit(order[testCount..], order[..testCount]);
    }
}
