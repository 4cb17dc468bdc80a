namespace Controller.Learning.Buffers;

/// <summary>
/// Contiguous copy of selected rollout rows, the shape the loss functions take. Cost arrays are row-major
/// <c>[sample, constraint]</c> to match the cost critic's output.
/// </summary>
public sealed class Minibatch
{
    public Minibatch(int capacity, int observationSize, int actionCount, int constraintCount, bool statePrior = false)
    {
        ObservationSize = observationSize;
        ActionCount = actionCount;
        ConstraintCount = constraintCount;
        Observations = new float[capacity * observationSize];
        Masks = new bool[capacity * actionCount];
        Actions = new int[capacity];
        OldLogProbabilities = new float[capacity];
        Advantages = new float[capacity];
        Returns = new float[capacity];
        CostAdvantages = new float[capacity * constraintCount];
        CostReturns = new float[capacity * constraintCount];
        if (statePrior)
        {
            LogPriors = new float[capacity * actionCount];
        }
    }

    public int Size { get; set; }

    public int ObservationSize { get; }

    public int ActionCount { get; }

    public int ConstraintCount { get; }

    public float[] Observations { get; }

    public bool[] Masks { get; }

    public int[] Actions { get; }

    public float[] OldLogProbabilities { get; }

    public float[] Advantages { get; }

    public float[] Returns { get; }

    public float[] CostAdvantages { get; }

    public float[] CostReturns { get; }

    /// <summary>See <see cref="RolloutBuffer.LogPriors"/>; null without a state prior.</summary>
    public float[]? LogPriors { get; }

    /// <summary>Copies the rows <paramref name="indices"/> of <paramref name="buffer"/>.</summary>
    public void Gather(RolloutBuffer buffer, ReadOnlySpan<int> indices)
    {
        if (indices.Length > Actions.Length)
        {
            throw new ArgumentException($"Minibatch holds {Actions.Length} samples; asked for {indices.Length}.", nameof(indices));
        }

        if ((LogPriors is null) != (buffer.LogPriors is null))
        {
            throw new ArgumentException(LogPriors is null
                ? "The rollout carries log-priors this minibatch would drop; build it with statePrior."
                : "This minibatch expects log-priors; the rollout has none.", nameof(buffer));
        }

        Size = indices.Length;
        var o = ObservationSize;
        var a = ActionCount;
        var c = ConstraintCount;
        for (var b = 0; b < indices.Length; b++)
        {
            var i = indices[b];
            buffer.Observations.AsSpan(i * o, o).CopyTo(Observations.AsSpan(b * o, o));
            buffer.Masks.AsSpan(i * a, a).CopyTo(Masks.AsSpan(b * a, a));
            Actions[b] = buffer.Actions[i];
            OldLogProbabilities[b] = buffer.LogProbabilities[i];
            Advantages[b] = buffer.Advantages[i];
            Returns[b] = buffer.Returns[i];
            if (LogPriors is not null && buffer.LogPriors is not null)
            {
                buffer.LogPriors.AsSpan(i * a, a).CopyTo(LogPriors.AsSpan(b * a, a));
            }

            for (var k = 0; k < c; k++)
            {
                CostAdvantages[(b * c) + k] = buffer.CostAdvantages[k][i];
                CostReturns[(b * c) + k] = buffer.CostReturns[k][i];
            }
        }
    }
}
