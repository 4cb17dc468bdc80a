using Controller.Learning.Environments;

namespace Controller.Learning.Tests.Environments;

/// <summary>
/// One-step episodes: a context drawn uniformly, observed one-hot; reward and costs of each action read from tables.
/// Optional per-context masks. Counts every action it is asked to take that its own mask forbade.
/// </summary>
internal sealed class TableBandit : IEnvironment
{
    private readonly float[,] _rewards;
    private readonly float[,,] _costs;
    private readonly Func<int, Random, bool[]>? _maskFor;
    private Random _random = new(0);
    private int _context;
    private bool[] _mask = [];

    /// <param name="rewards">[context, action] rewards.</param>
    /// <param name="costs">[context, action, cost] costs; may have zero cost entries.</param>
    /// <param name="maskFor">Mask per context (given a random source for masks that vary); all allowed when null.</param>
    public TableBandit(float[,] rewards, float[,,] costs, IReadOnlyList<string> costNames, Func<int, Random, bool[]>? maskFor = null)
    {
        _rewards = rewards;
        _costs = costs;
        _maskFor = maskFor;
        Spec = new EnvironmentSpec(rewards.GetLength(0), rewards.GetLength(1), costNames);
    }

    public EnvironmentSpec Spec { get; }

    public int Contexts => _rewards.GetLength(0);

    public int Actions => _rewards.GetLength(1);

    /// <summary>Actions taken that the mask forbade (must stay 0).</summary>
    public int MaskedChoices { get; private set; }

    public int Steps { get; private set; }

    /// <summary>A two-cost-free bandit with one best arm per context.</summary>
    public static TableBandit Unconstrained(float[,] rewards, Func<int, Random, bool[]>? maskFor = null) =>
        new(rewards, new float[rewards.GetLength(0), rewards.GetLength(1), 0], [], maskFor);

    public float Reward(int context, int action) => _rewards[context, action];

    public float Cost(int context, int action, int cost) => _costs[context, action, cost];

    public void Reset(int? seed, Span<float> observation, Span<bool> actionMask)
    {
        if (seed is { } s)
        {
            _random = new Random(s);
        }

        _context = _random.Next(Contexts);
        Observe(observation, actionMask);
    }

    public StepResult Step(int action, Span<float> observation, Span<bool> actionMask, Span<float> costs)
    {
        Steps++;
        if (!_mask[action])
        {
            MaskedChoices++;
        }

        var reward = _rewards[_context, action];
        for (var k = 0; k < costs.Length; k++)
        {
            costs[k] = _costs[_context, action, k];
        }

        Observe(observation, actionMask);
        return new StepResult(reward, Terminated: true, Truncated: false);
    }

    public bool[] MaskFor(int context) => _maskFor?.Invoke(context, _random) ?? Enumerable.Repeat(true, Actions).ToArray();

    private void Observe(Span<float> observation, Span<bool> actionMask)
    {
        observation.Clear();
        observation[_context] = 1f;
        _mask = MaskFor(_context);
        _mask.CopyTo(actionMask);
    }
}
