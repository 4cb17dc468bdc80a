using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Baselines;

/// <summary>
/// Base of the exploration–decision baselines: a multi-armed bandit per task (arm = action) that
/// learns online from the rewards of the dialogues it plays, starting from nothing at each seed.
/// Plain bandits do not know the budgets, so they run without the mask.
/// </summary>
public abstract class BanditPolicy(int taskCount, int actionCount) : ITmoPolicy
{
    private protected ArmStatistics Arms { get; } = new(taskCount, actionCount);

    public abstract string Name { get; }

    public bool UsesBudgetMask => false;

    public void BeginEpisode(TmoEnvironment environment)
    {
    }

    public int ChooseAction(TmoEnvironment environment, ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask) =>
        Choose(environment.Dialogue.Turns[environment.Turn].TaskId, mask);

    public void Observe(TmoEnvironment environment, in TmoStepOutcome outcome) =>
        Arms.Add(environment.Dialogue.Turns[outcome.Turn].TaskId, outcome.Action, outcome.Reward);

    /// <summary>Picks an allowed action for a turn of <paramref name="task"/>.</summary>
    protected abstract int Choose(int task, ReadOnlySpan<bool> mask);
}

/// <summary>ε-greedy per task: a uniformly random allowed action with probability ε, else the best mean so far.</summary>
public sealed class EpsilonGreedyPolicy(int taskCount, int actionCount, int seed, double epsilon = EpsilonGreedyPolicy.DefaultEpsilon)
    : BanditPolicy(taskCount, actionCount)
{
    /// <summary>Exploration rate; the textbook default.</summary>
    public const double DefaultEpsilon = 0.1;

    private readonly Random _random = new(seed);

    public override string Name => "ε-greedy";

    protected override int Choose(int task, ReadOnlySpan<bool> mask)
    {
        if (_random.NextDouble() < epsilon)
        {
            var allowed = new List<int>();
            for (var action = 0; action < mask.Length; action++)
            {
                if (mask[action])
                {
                    allowed.Add(action);
                }
            }

            return allowed.Count == 0 ? ModalityActionSpace.Local : allowed[_random.Next(allowed.Count)];
        }

        return ArmStatistics.ArgMax(mask, action => Arms.Mean(task, action));
    }
}

/// <summary>UCB1 per task: every arm once, then mean + c·√(2 ln n / nₐ).</summary>
public sealed class Ucb1Policy(int taskCount, int actionCount, double exploration = 1.0) : BanditPolicy(taskCount, actionCount)
{
    public override string Name => "UCB1";

    protected override int Choose(int task, ReadOnlySpan<bool> mask)
    {
        var total = Arms.TaskCount(task);
        return ArmStatistics.ArgMax(mask, action =>
        {
            var n = Arms.Count(task, action);
            return n == 0 ? double.PositiveInfinity : Arms.Mean(task, action) + (exploration * Math.Sqrt(2 * Math.Log(total) / n));
        });
    }
}

/// <summary>
/// Gaussian Thompson sampling per task: prior N(0, 1) on each arm's mean reward, noise variance
/// <see cref="NoiseVariance"/>; each turn samples every arm's mean from its posterior and plays the best.
/// </summary>
public sealed class ThompsonSamplingPolicy(int taskCount, int actionCount, int seed) : BanditPolicy(taskCount, actionCount)
{
    /// <summary>Assumed reward noise variance; TMO rewards spread over about ±0.5.</summary>
    public const double NoiseVariance = 0.25;

    private readonly Random _random = new(seed);

    public override string Name => "Thompson sampling";

    protected override int Choose(int task, ReadOnlySpan<bool> mask) =>
        ArmStatistics.ArgMax(mask, action =>
        {
            var precision = 1.0 + (Arms.Count(task, action) / NoiseVariance);
            var mean = Arms.Sum(task, action) / NoiseVariance / precision;
            return mean + (StandardNormal() / Math.Sqrt(precision));
        });

    private double StandardNormal() =>
        Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
