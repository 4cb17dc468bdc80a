using Controller.Learning.Algorithms;

namespace Controller.Learning.Buffers;

/// <summary>
/// On-policy storage of one rollout, laid out <c>[step, env]</c> (row <c>i = t·envs + e</c>). Observations are stored
/// already normalised. Cost arrays are per constraint (<c>[constraint][i]</c>), in the order of the multipliers.
/// With a state prior (<see cref="Algorithms.TrainingSetup.StateLogPrior"/>) it also keeps the log-prior each row was sampled with.
/// </summary>
public sealed class RolloutBuffer
{
    public RolloutBuffer(int steps, int envs, int observationSize, int actionCount, int constraintCount, bool statePrior = false)
    {
        Steps = steps;
        Envs = envs;
        ObservationSize = observationSize;
        ActionCount = actionCount;
        ConstraintCount = constraintCount;
        var n = steps * envs;
        Observations = new float[n * observationSize];
        Masks = new bool[n * actionCount];
        Actions = new int[n];
        LogProbabilities = new float[n];
        Rewards = new float[n];
        Values = new float[n];
        Dones = new bool[n];
        Advantages = new float[n];
        Returns = new float[n];
        Costs = NewChannels(constraintCount, n);
        CostValues = NewChannels(constraintCount, n);
        CostAdvantages = NewChannels(constraintCount, n);
        CostReturns = NewChannels(constraintCount, n);
        if (statePrior)
        {
            LogPriors = new float[n * actionCount];
        }
    }

    public int Steps { get; }

    public int Envs { get; }

    public int Size => Steps * Envs;

    public int ObservationSize { get; }

    public int ActionCount { get; }

    public int ConstraintCount { get; }

    public float[] Observations { get; }

    public bool[] Masks { get; }

    public int[] Actions { get; }

    /// <summary>log π_old(a|s) at collection time.</summary>
    public float[] LogProbabilities { get; }

    /// <summary>Rewards, with γ·V(terminal) added on truncated steps.</summary>
    public float[] Rewards { get; }

    public float[] Values { get; }

    /// <summary>The episode ended with this step (terminated or truncated).</summary>
    public bool[] Dones { get; }

    public float[] Advantages { get; }

    public float[] Returns { get; }

    public float[][] Costs { get; }

    public float[][] CostValues { get; }

    public float[][] CostAdvantages { get; }

    public float[][] CostReturns { get; }

    /// <summary>The environment's log-prior added to the logits at collection, <c>[i, action]</c>; null without a state prior.</summary>
    public float[]? LogPriors { get; }

    /// <summary>Runs GAE on the reward and on each constrained cost.</summary>
    public void ComputeAdvantages(ReadOnlySpan<float> lastValues, IReadOnlyList<float[]> lastCostValues, double gamma, double lambda)
    {
        Gae.Compute(Rewards, Values, Dones, lastValues, Envs, gamma, lambda, Advantages, Returns);
        for (var k = 0; k < ConstraintCount; k++)
        {
            Gae.Compute(Costs[k], CostValues[k], Dones, lastCostValues[k], Envs, gamma, lambda, CostAdvantages[k], CostReturns[k]);
        }
    }

    private static float[][] NewChannels(int count, int n) => Enumerable.Range(0, count).Select(_ => new float[n]).ToArray();
}
