using Controller.Learning.Environments;
using Controller.Training.Tmo.Datasets;

namespace Controller.Training.Tmo.Environments;

/// <summary>
/// TMO's offloading MDP: an episode is one dialogue, a step one turn, an action local or cloud
/// with a subset of modalities. Reward r = α·R̂ + β_A·Ā − β_L·L̄ − β_U·Ū; cost vector
/// [latency_s, usage_usd] against per-dialogue budgets. See <see cref="TmoEnvironmentOptions"/>
/// for what differs from the reference implementation.
/// </summary>
public sealed class TmoEnvironment : IEnvironment
{
    /// <summary>Names of the cost vector's entries.</summary>
    public static IReadOnlyList<string> CostNames { get; } = ["latency_s", "usage_usd"];

    private readonly IReadOnlyList<TmoDialogue> _dialogues;
    private readonly TmoObservationEncoder _observations;
    private readonly double[] _scores;
    private readonly double[] _estimatedRewards;
    private readonly int[] _history;
    private Random _random;
    private int _scoredTurn = -1;
    private TmoDialogue? _dialogue;
    private int _turn;
    private bool _done = true;

    /// <param name="problem">Action space, cost profile and score model.</param>
    /// <param name="dialogues">Dialogues that <see cref="Reset"/> draws from (the training or test split).</param>
    /// <param name="options">Budgets, reward weights, observation, masking.</param>
    /// <param name="seed">Seed of the dialogue draws.</param>
    public TmoEnvironment(TmoProblem problem, IReadOnlyList<TmoDialogue> dialogues, TmoEnvironmentOptions options, int seed = 0)
    {
        if (dialogues.Count == 0)
        {
            throw new ArgumentException("the environment needs at least one dialogue", nameof(dialogues));
        }

        Problem = problem;
        Options = options.Validated();
        _dialogues = dialogues;
        MaxTurns = problem.Dataset.MaxTurns;
        _observations = new TmoObservationEncoder(problem.Encoding, problem.Dataset.TaskNames.Count, MaxTurns, options.Observation);
        _scores = new double[problem.Space.ActionCount];
        _estimatedRewards = new double[problem.Space.ActionCount];
        _history = new int[Math.Max(MaxTurns, dialogues.Max(d => d.Turns.Count))];
        _random = new Random(seed);
        Spec = new EnvironmentSpec(_observations.Size, problem.Space.ActionCount, CostNames);
    }

    public EnvironmentSpec Spec { get; }

    public TmoProblem Problem { get; }

    public TmoEnvironmentOptions Options { get; }

    /// <summary>Longest dialogue of the dataset: the horizon the budget mask reserves for.</summary>
    public int MaxTurns { get; }

    /// <summary>Names of the observation features.</summary>
    public IReadOnlyList<string> ObservationNames => _observations.FeatureNames();

    /// <summary>The dialogue of the current episode.</summary>
    public TmoDialogue Dialogue => _dialogue ?? throw new InvalidOperationException("call Reset before using the environment");

    /// <summary>Index of the turn the next action decides.</summary>
    public int Turn => _turn;

    /// <summary>Latency spent in this dialogue so far, seconds.</summary>
    public double SpentLatencyS { get; private set; }

    /// <summary>Money spent in this dialogue so far, US dollars.</summary>
    public double SpentUsageUsd { get; private set; }

    /// <summary>Actions the agent took in this dialogue so far, oldest first.</summary>
    public ReadOnlySpan<int> History => _history.AsSpan(0, _turn);

    /// <summary>The last step's outcome.</summary>
    public TmoStepOutcome LastOutcome { get; private set; }

    /// <inheritdoc />
    public void Reset(int? seed, Span<float> observation, Span<bool> actionMask)
    {
        if (seed is { } s)
        {
            _random = new Random(s);
        }

        ResetTo(_dialogues[_random.Next(_dialogues.Count)], observation, actionMask);
    }

    /// <summary>Starts an episode on <paramref name="dialogue"/> (evaluation walks the test split with this).</summary>
    public void ResetTo(TmoDialogue dialogue, Span<float> observation, Span<bool> actionMask)
    {
        if (dialogue.Turns.Count == 0)
        {
            throw new ArgumentException($"dialogue {dialogue.Id} has no turns", nameof(dialogue));
        }

        _dialogue = dialogue;
        _turn = 0;
        _scoredTurn = -1;
        _done = false;
        SpentLatencyS = 0;
        SpentUsageUsd = 0;
        Observe(observation, actionMask);
    }

    /// <inheritdoc />
    public StepResult Step(int action, Span<float> observation, Span<bool> actionMask, Span<float> costs)
    {
        if (_done)
        {
            throw new InvalidOperationException("the episode is over; call Reset");
        }

        if ((uint)action >= (uint)Spec.ActionCount)
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, $"action must be 0..{Spec.ActionCount - 1}");
        }

        if (!IsAllowed(action))
        {
            throw new InvalidOperationException($"action {action} ({Problem.Space.Label(action)}) is masked: it would overrun a remaining budget");
        }

        var outcome = Evaluate(action);
        LastOutcome = outcome;
        costs[0] = (float)outcome.LatencyS;
        costs[1] = (float)outcome.UsageUsd;
        SpentLatencyS += outcome.LatencyS;
        SpentUsageUsd += outcome.UsageUsd;
        _history[_turn] = action;
        _turn++;
        _done = _turn >= Dialogue.Turns.Count;
        Observe(observation, actionMask);
        return new StepResult((float)outcome.Reward, Terminated: _done, Truncated: false);
    }

    /// <summary>What <paramref name="action"/> would yield at the current turn, without taking it.</summary>
    public TmoStepOutcome Evaluate(int action)
    {
        if (_done)
        {
            throw new InvalidOperationException("the episode is over; call Reset");
        }

        var turn = Dialogue.Turns[_turn];
        if (_scoredTurn != _turn)
        {
            // One estimator query prices every action of the turn; greedy and the mask reuse it.
            Problem.Scores.ScoreActions(Dialogue, _turn, ScoringHistory(), _scores);
            _scoredTurn = _turn;
        }

        var space = Problem.Space;
        var costs = Problem.Costs;
        var normalisedAssociation = AssociationScore.Normalised(space, turn.Association, action);
        var reward = Options.Reward.Combine(_scores[action], normalisedAssociation, costs.NormalisedLatency(action), costs.NormalisedUsage(action));
        return new TmoStepOutcome(_turn, action, _scores[action], AssociationScore.Raw(space, turn.Association, action), normalisedAssociation, costs.LatencyS(action), costs.UsageUsd(action), reward);
    }

    /// <summary>Writes the reward every action would earn at the current turn (what one-step greedy maximises).</summary>
    public void EstimateRewards(Span<double> rewards)
    {
        for (var action = 0; action < Spec.ActionCount; action++)
        {
            rewards[action] = Evaluate(action).Reward;
        }
    }

    /// <summary>
    /// True when <paramref name="action"/> leaves room in both budgets for Local on every later turn
    /// up to <see cref="MaxTurns"/>. Local is always affordable: it is the fallback. Reserving Local's
    /// cost (not the cheapest latency and the cheapest usage separately, which no single action may
    /// reach together) means a masked policy never overruns a budget that all-Local fits: after any
    /// allowed action, Local on every remaining turn still fits.
    /// </summary>
    public bool IsAffordable(int action)
    {
        if (action == ModalityActionSpace.Local)
        {
            return true;
        }

        var laterTurns = Math.Max(0, MaxTurns - _turn - 1);
        var costs = Problem.Costs;
        var local = ModalityActionSpace.Local;
        return BudgetComparison.Within(SpentLatencyS + costs.LatencyS(action) + (laterTurns * costs.LatencyS(local)), Options.LatencyBudgetS)
            && BudgetComparison.Within(SpentUsageUsd + costs.UsageUsd(action) + (laterTurns * costs.UsageUsd(local)), Options.UsageBudgetUsd);
    }

    /// <summary>True when the current mask allows <paramref name="action"/>.</summary>
    public bool IsAllowed(int action) => !Options.MaskOverBudget || IsAffordable(action);

    private ReadOnlySpan<int> ScoringHistory() => Options.UseLoggedHistory ? LoggedHistory() : _history.AsSpan(0, _turn);

    private int[] LoggedHistory()
    {
        var logged = new int[_turn];
        for (var j = 0; j < _turn; j++)
        {
            logged[j] = Dialogue.Turns[j].LoggedAction;
        }

        return logged;
    }

    private void Observe(Span<float> observation, Span<bool> actionMask)
    {
        var showRewards = _observations.ShowsRewards && !_done;
        if (showRewards)
        {
            EstimateRewards(_estimatedRewards);
        }

        _observations.Write(
            Dialogue,
            _turn,
            ScoringHistory(),
            1 - (SpentLatencyS / Options.LatencyBudgetS),
            1 - (SpentUsageUsd / Options.UsageBudgetUsd),
            showRewards ? _estimatedRewards : [],
            observation);
        for (var action = 0; action < Spec.ActionCount; action++)
        {
            actionMask[action] = _done || IsAllowed(action);
        }
    }
}
