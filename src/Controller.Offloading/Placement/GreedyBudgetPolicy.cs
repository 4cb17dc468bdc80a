using Controller.Offloading.EdgeCloud;

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
        using var evaluator = CreateEvaluator(context);
        var space = evaluator.Space;
        Span<bool> mask = space.Count <= StackMaskLimit ? stackalloc bool[space.Count] : new bool[space.Count];
        int best = Scan(evaluator, mask, out int feasible);
        int chosen = best;
        double epsilon = _options.Epsilon;
        if (epsilon > 0 && random.NextDouble() < epsilon)
        {
            chosen = NthAllowed(mask, random.Next(feasible));
        }

        var action = space.Decode(chosen);
        var expected = evaluator.Cost(action).ToEstimate(evaluator.Quality(action));
        return new PlacementChoice(action.Location, evaluator.ModalityIds(action.ModalityMask), action.DraftLength,
            chosen, Propensity(chosen == best, feasible), expected);
    }

    /// <summary>
    /// π(a | context) for every index of the request's action space (M = offered modalities, K =
    /// <see cref="GreedyBudgetOptions.MaxDraftLength"/>): what off-policy evaluation needs to score this policy
    /// as a target on logged data. Not for the hot path: allocates the result.
    /// </summary>
    public double[] ActionProbabilities(PlacementContext context)
    {
        using var evaluator = CreateEvaluator(context);
        var mask = new bool[evaluator.Space.Count];
        int best = Scan(evaluator, mask, out int feasible);
        var probabilities = new double[mask.Length];
        for (int index = 0; index < mask.Length; index++)
        {
            probabilities[index] = mask[index] ? Propensity(index == best, feasible) : 0;
        }

        return probabilities;
    }

    private ActionEvaluator CreateEvaluator(PlacementContext context)
    {
        var inputs = PlacementInputs.Resolve(context, _options.MaxDraftLength, _options.Defaults, _options.CostModel.Acceptance);
        return new ActionEvaluator(inputs, CompositeActionSpace.Get(inputs.ModalityCount, _options.MaxDraftLength), _options.CostModel);
    }

    /// <summary>ε-greedy: the greedy action 1 − ε + ε/n, any other feasible action ε/n; with ε = 0 exactly 1 and 0.</summary>
    private double Propensity(bool isBest, int feasible)
    {
        double epsilon = _options.Epsilon;
        if (epsilon == 0)
        {
            return isBest ? 1 : 0;
        }

        return isBest ? 1 - epsilon + (epsilon / feasible) : epsilon / feasible;
    }

    /// <summary>
    /// One pass over the space in its own order — Local, then per modality subset its Cloud action and its
    /// Speculative actions for k = 1..K with E[N(k)] accumulated — writing the feasibility mask (structural,
    /// plus budgets when enabled), counting feasible actions and returning the reward-maximising one (lowest
    /// index on ties). When nothing is feasible, the offered action that overruns the budgets least
    /// (<see cref="BudgetLimits.Overrun"/>: fewest budgets, then the smallest ratio) is allowed alone — Local when money
    /// ran out, the least-energy remote action when the device's energy did.
    /// </summary>
    private int Scan(ActionEvaluator evaluator, Span<bool> mask, out int feasible)
    {
        var space = evaluator.Space;
        var inputs = evaluator.Inputs;
        var search = new Search(_options, inputs.Limits, inputs.Request.LatencySloMs);
        mask.Clear();
        search.Offer(mask, 0, evaluator.LocalCost, evaluator.LocalQuality, association: 0);
        if (inputs.LinkUp)
        {
            int draftCap = Math.Min(inputs.DraftLengthCap, space.MaxDraftLength);
            for (int rank = 0; rank < space.SubsetCount; rank++)
            {
                int subset = space.SubsetAt(rank);
                if (!evaluator.IsOffered(subset))
                {
                    continue;
                }

                double quality = evaluator.CloudQuality(subset);
                double association = evaluator.Association(subset);
                search.Offer(mask, space.CloudIndex(rank), evaluator.CloudCost(subset), quality, association);
                double alpha = evaluator.Alpha(subset);
                double expectedTokens = 1;
                double term = 1;
                for (int k = 1; k <= draftCap; k++)
                {
                    term *= alpha;
                    expectedTokens += term;
                    search.Offer(mask, space.SpeculativeIndex(rank, k), evaluator.SpeculativeCost(subset, k, expectedTokens), quality, association);
                }
            }
        }

        if (search.Feasible == 0)
        {
            mask[search.LeastOverrun] = true;
            feasible = 1;
            return search.LeastOverrun;
        }

        feasible = search.Feasible;
        return search.Best;
    }

    /// <summary>Running arg-max of the reward over the feasible actions offered to it.</summary>
    private ref struct Search(GreedyBudgetOptions options, BudgetLimits limits, double latencySloMs)
    {
        public int Best = -1;
        public int Feasible;
        public int LeastOverrun;
        private double _bestReward = double.NegativeInfinity;
        private (int Budgets, double Ratio) _leastOverrun = (int.MaxValue, double.PositiveInfinity);

        public void Offer(Span<bool> mask, int index, in ModeCost cost, double quality, double association)
        {
            // Local is offered first, so it is the fallback on ties and whenever its ratio is not beaten.
            var overrun = limits.Overrun(cost.LatencyMs, cost.CloudCostUsd, cost.DeviceEnergyJoules);
            if (overrun.Budgets < _leastOverrun.Budgets || (overrun.Budgets == _leastOverrun.Budgets && overrun.Ratio < _leastOverrun.Ratio))
            {
                _leastOverrun = overrun;
                LeastOverrun = index;
            }

            if (options.MaskBudgetOverruns && !limits.Admits(cost.LatencyMs, cost.CloudCostUsd, cost.DeviceEnergyJoules))
            {
                return;
            }

            mask[index] = true;
            Feasible++;
            double reward = options.Reward(quality, association, cost, latencySloMs);
            // Strictly greater, and indices arrive out of order, so break ties towards the lower index explicitly.
            if (Best < 0 || reward > _bestReward || (reward == _bestReward && index < Best))
            {
                Best = index;
                _bestReward = reward;
            }
        }
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
