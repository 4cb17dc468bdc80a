namespace Controller.Learning.Environments;

/// <summary>
/// Steps several environments of one spec in lock-step and resets each as soon as its episode ends, like SB3's
/// <c>DummyVecEnv</c>. All state lives in flat arrays, row <c>i</c> belonging to environment <c>i</c>.
/// </summary>
public sealed class VectorizedEnvironment
{
    private readonly IReadOnlyList<IEnvironment> _environments;
    private readonly double[] _episodeReturns;
    private readonly double[] _episodeCosts;
    private readonly int[] _episodeLengths;
    private readonly IActionPrior[]? _priors;
    private int _nextSeed;

    /// <param name="environments">One or more environments of one spec.</param>
    /// <param name="readLogPriors">Read every environment's <see cref="IActionPrior"/> after each reset and step into
    /// <see cref="LogPriors"/>; only learners that use the prior ask for it.</param>
    /// <exception cref="ArgumentException">No environments, specs that differ, or <paramref name="readLogPriors"/> with an environment that offers no prior.</exception>
    public VectorizedEnvironment(IReadOnlyList<IEnvironment> environments, bool readLogPriors = false)
    {
        ArgumentNullException.ThrowIfNull(environments);
        if (environments.Count == 0)
        {
            throw new ArgumentException("At least one environment is needed.", nameof(environments));
        }

        Spec = environments[0].Spec;
        for (var i = 1; i < environments.Count; i++)
        {
            var other = environments[i].Spec;
            if (other.ObservationSize != Spec.ObservationSize || other.ActionCount != Spec.ActionCount || !other.CostNames.SequenceEqual(Spec.CostNames))
            {
                throw new ArgumentException($"Environment {i} has spec {Describe(other)}, environment 0 has {Describe(Spec)}.", nameof(environments));
            }
        }

        if (Spec.ObservationSize < 1 || Spec.ActionCount < 1)
        {
            throw new ArgumentException($"Environment spec {Describe(Spec)} needs at least one observation feature and one action.", nameof(environments));
        }

        _environments = environments;
        var n = environments.Count;
        Observations = new float[n * Spec.ObservationSize];
        TerminalObservations = new float[n * Spec.ObservationSize];
        TerminalMasks = new bool[n * Spec.ActionCount];
        Masks = new bool[n * Spec.ActionCount];
        Rewards = new float[n];
        Costs = new float[n * Spec.CostCount];
        Terminated = new bool[n];
        Truncated = new bool[n];
        _episodeReturns = new double[n];
        _episodeCosts = new double[n * Spec.CostCount];
        _episodeLengths = new int[n];
        if (readLogPriors)
        {
            _priors = environments.Select((e, i) => e as IActionPrior ?? throw new ArgumentException(
                $"Environment {i} ({e.GetType().Name}) offers no action prior (IActionPrior).", nameof(environments))).ToArray();
            LogPriors = new float[n * Spec.ActionCount];
        }
    }

    public EnvironmentSpec Spec { get; }

    public int Count => _environments.Count;

    /// <summary>Current observation of each environment (after an automatic reset, the new episode's first).</summary>
    public float[] Observations { get; }

    /// <summary>Last observation of the episode that ended in the last step, for bootstrapping truncated episodes.</summary>
    public float[] TerminalObservations { get; }

    public bool[] Masks { get; }

    /// <summary>Mask returned with the terminal observation of the episode that ended in the last step.</summary>
    public bool[] TerminalMasks { get; }

    public float[] Rewards { get; }

    /// <summary>Cost vector of the last step, <c>[Count, CostCount]</c>.</summary>
    public float[] Costs { get; }

    public bool[] Terminated { get; }

    public bool[] Truncated { get; }

    /// <summary>
    /// Log-prior of every action in each environment's current state, <c>[Count, ActionCount]</c>, when asked for at
    /// construction; null otherwise. Entries of masked actions are 0.
    /// </summary>
    public float[]? LogPriors { get; }

    /// <summary>Resets every environment; environment <c>i</c> gets seed <c>seed + i</c>, later resets continue the sequence.</summary>
    public void Reset(int seed)
    {
        _nextSeed = seed;
        for (var i = 0; i < Count; i++)
        {
            ResetOne(i);
        }
    }

    /// <summary>Steps environment <c>i</c> with <c>actions[i]</c>; finished episodes are appended to <paramref name="finished"/>.</summary>
    public void Step(ReadOnlySpan<int> actions, ICollection<EpisodeStatistics> finished)
    {
        if (actions.Length != Count)
        {
            throw new ArgumentException($"Expected {Count} actions, got {actions.Length}.", nameof(actions));
        }

        var obsSize = Spec.ObservationSize;
        var costCount = Spec.CostCount;
        for (var i = 0; i < Count; i++)
        {
            var action = actions[i];
            var mask = Masks.AsSpan(i * Spec.ActionCount, Spec.ActionCount);
            if ((uint)action >= (uint)Spec.ActionCount || !mask[action])
            {
                throw new InvalidOperationException($"Action {action} is not allowed by the current mask of environment {i}.");
            }

            var observation = Observations.AsSpan(i * obsSize, obsSize);
            var costs = Costs.AsSpan(i * costCount, costCount);
            var result = _environments[i].Step(action, observation, mask, costs);
            CheckStep(i, result.Reward, costs);
            Rewards[i] = result.Reward;
            Terminated[i] = result.Terminated;
            Truncated[i] = result.Truncated;
            _episodeReturns[i] += result.Reward;
            _episodeLengths[i]++;
            for (var k = 0; k < costCount; k++)
            {
                _episodeCosts[(i * costCount) + k] += costs[k];
            }

            if (result.Done)
            {
                observation.CopyTo(TerminalObservations.AsSpan(i * obsSize, obsSize));
                mask.CopyTo(TerminalMasks.AsSpan(i * Spec.ActionCount, Spec.ActionCount));
                finished.Add(new EpisodeStatistics(
                    _episodeReturns[i], _episodeCosts.AsSpan(i * costCount, costCount).ToArray(), _episodeLengths[i]));
                ResetOne(i);
            }
            else
            {
                CheckMask(i);
                ReadLogPrior(i);
            }
        }
    }

    private void ResetOne(int i)
    {
        var obsSize = Spec.ObservationSize;
        _environments[i].Reset(_nextSeed++, Observations.AsSpan(i * obsSize, obsSize), Masks.AsSpan(i * Spec.ActionCount, Spec.ActionCount));
        CheckMask(i);
        ReadLogPrior(i);
        _episodeReturns[i] = 0;
        _episodeLengths[i] = 0;
        _episodeCosts.AsSpan(i * Spec.CostCount, Spec.CostCount).Clear();
    }

    /// <summary>Reads environment <paramref name="i"/>'s log-prior for its current state, when it has one: masked entries 0, allowed ones finite.</summary>
    private void ReadLogPrior(int i)
    {
        if (_priors is null || LogPriors is null)
        {
            return;
        }

        var a = Spec.ActionCount;
        var mask = Masks.AsSpan(i * a, a);
        var prior = LogPriors.AsSpan(i * a, a);
        _priors[i].WriteLogPrior(prior);
        for (var j = 0; j < a; j++)
        {
            if (!mask[j])
            {
                prior[j] = 0;
            }
            else if (!float.IsFinite(prior[j]))
            {
                throw new InvalidOperationException($"Environment {i}'s action prior gave allowed action {j} a non-finite log-prior {prior[j]}.");
            }
        }
    }

    private void CheckMask(int i)
    {
        if (!Masks.AsSpan(i * Spec.ActionCount, Spec.ActionCount).Contains(true))
        {
            throw new InvalidOperationException($"Environment {i} returned an action mask that allows no action.");
        }
    }

    private static void CheckStep(int i, float reward, ReadOnlySpan<float> costs)
    {
        if (!float.IsFinite(reward))
        {
            throw new InvalidOperationException($"Environment {i} returned a non-finite reward {reward}.");
        }

        for (var k = 0; k < costs.Length; k++)
        {
            if (!float.IsFinite(costs[k]))
            {
                throw new InvalidOperationException($"Environment {i} returned a non-finite cost {costs[k]} at index {k}.");
            }
        }
    }

    private static string Describe(EnvironmentSpec spec) =>
        $"(observation {spec.ObservationSize}, actions {spec.ActionCount}, costs [{string.Join(", ", spec.CostNames)}])";
}
