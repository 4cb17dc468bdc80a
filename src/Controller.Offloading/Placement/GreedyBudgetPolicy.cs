namespace Controller.Offloading.Placement;

/// <summary>
/// Baseline policy "baseline-greedy": for every feasible action (structural mask, and budget mask when
/// enabled) it computes the one-step expected reward of <see cref="GreedyBudgetOptions.Reward"/> and takes
/// the best (lowest index on ties); with probability ε it instead takes a uniformly random feasible action.
/// Propensities are exact: the best action 1 − ε + ε/n, each other ε/n, n feasible actions. It plans one
/// request at a time and does not learn — the yardstick learned policies must beat. Thread-safe; all
/// randomness comes from the <see cref="Random"/> passed in.
/// </summary>
public sealed class GreedyBudgetPolicy : IPlacementPolicy
{
    /// <summary>Masks up to this many actions live on the stack (M = 8, K = 16 needs 4,353).</summary>
    private const int StackMaskLimit = 8_192;

    private readonly GreedyBudgetOptions _options;

    public GreedyBudgetPolicy(GreedyBudgetOptions? options = null)
    {
        _options = options ?? new GreedyBudgetOptions();
        _options.Validate();
    }

    public string Name => "baseline-greedy";

    public string Version => _options.Version;

    public string Algorithm => "baseline-greedy";

    public GreedyBudgetOptions Options => _options;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The context is invalid or names an unknown device class; the message names the field.</exception>
    public PlacementChoice Decide(PlacementContext context, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var inputs = PlacementInputs.Resolve(context, _options.MaxDraftLength, _options.Defaults, _options.CostModel.Acceptance);
        var space = CompositeActionSpace.Get(inputs.ModalityCount, _options.MaxDraftLength);
        using var evaluator = new ActionEvaluator(inputs, space, _options.CostModel);
        Span<bool> mask = space.Count <= StackMaskLimit ? stackalloc bool[space.Count] : new bool[space.Count];
        int feasible = evaluator.FillMask(mask, _options.MaskBudgetOverruns);

        int best = BestAction(evaluator, mask);
        int chosen = best;
        double epsilon = _options.Epsilon;
        if (epsilon > 0 && random.NextDouble() < epsilon)
        {
            chosen = NthAllowed(mask, random.Next(feasible));
        }

        double propensity = epsilon == 0 ? 1
            : chosen == best ? 1 - epsilon + (epsilon / feasible)
            : epsilon / feasible;
        var action = space.Decode(chosen);
        var expected = evaluator.Cost(action).ToEstimate(evaluator.Quality(action));
        return new PlacementChoice(action.Location, evaluator.ModalityIds(action.ModalityMask), action.DraftLength,
            chosen, propensity, expected);
    }

    /// <summary>The reward-maximising allowed action (lowest index on ties).</summary>
    private int BestAction(ActionEvaluator evaluator, ReadOnlySpan<bool> mask)
    {
        double slo = evaluator.Inputs.Request.LatencySloMs;
        int best = -1;
        double bestReward = double.NegativeInfinity;
        for (int index = 0; index < mask.Length; index++)
        {
            if (!mask[index])
            {
                continue;
            }

            var action = evaluator.Space.Decode(index);
            var cost = evaluator.Cost(action);
            double reward = _options.Reward(evaluator.Quality(action), evaluator.Association(action), cost, slo);
            if (best < 0 || reward > bestReward)
            {
                best = index;
                bestReward = reward;
            }
        }

        return best;
    }

    private static int NthAllowed(ReadOnlySpan<bool> mask, int n)
    {
        for (int index = 0; index < mask.Length; index++)
        {
            if (mask[index] && n-- == 0)
            {
                return index;
            }
        }

        throw new InvalidOperationException("The mask has fewer allowed actions than counted.");
    }
}
