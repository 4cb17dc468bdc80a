namespace Controller.Learning.Buffers;

/// <summary>
/// Circular off-policy storage of transitions with normalised observations, the next state's action mask (so targets
/// maximise over allowed actions only) and the raw cost vector of constrained costs (so RC-DQN can shape rewards with
/// the multipliers current at sampling time).
/// </summary>
public sealed class ReplayBuffer
{
    public ReplayBuffer(int capacity, int observationSize, int actionCount, int constraintCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        ObservationSize = observationSize;
        ActionCount = actionCount;
        ConstraintCount = constraintCount;
        Observations = new float[capacity * observationSize];
        NextObservations = new float[capacity * observationSize];
        NextMasks = new bool[capacity * actionCount];
        Actions = new int[capacity];
        Rewards = new float[capacity];
        Costs = new float[capacity * constraintCount];
        Terminated = new bool[capacity];
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    public int ObservationSize { get; }

    public int ActionCount { get; }

    public int ConstraintCount { get; }

    public float[] Observations { get; }

    public float[] NextObservations { get; }

    public bool[] NextMasks { get; }

    public int[] Actions { get; }

    public float[] Rewards { get; }

    /// <summary><c>[row, constraint]</c>.</summary>
    public float[] Costs { get; }

    /// <summary>The episode ended in the MDP's sense: no bootstrap. Truncation is not termination.</summary>
    public bool[] Terminated { get; }

    private int Next { get; set; }

    public void Add(ReadOnlySpan<float> observation, int action, float reward, ReadOnlySpan<float> costs, ReadOnlySpan<float> nextObservation, ReadOnlySpan<bool> nextMask, bool terminated)
    {
        var i = Next;
        observation.CopyTo(Observations.AsSpan(i * ObservationSize, ObservationSize));
        nextObservation.CopyTo(NextObservations.AsSpan(i * ObservationSize, ObservationSize));
        nextMask.CopyTo(NextMasks.AsSpan(i * ActionCount, ActionCount));
        costs.CopyTo(Costs.AsSpan(i * ConstraintCount, ConstraintCount));
        Actions[i] = action;
        Rewards[i] = reward;
        Terminated[i] = terminated;
        Next = (Next + 1) % Capacity;
        Count = Math.Min(Count + 1, Capacity);
    }

    /// <summary>Uniform sample with replacement, as SB3's replay buffer.</summary>
    public void SampleIndices(Random random, Span<int> indices)
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("Cannot sample from an empty replay buffer.");
        }

        for (var b = 0; b < indices.Length; b++)
        {
            indices[b] = random.Next(Count);
        }
    }
}
