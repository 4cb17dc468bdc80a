using Controller.Training.Tmo.Datasets;
using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Baselines;

/// <summary>
/// Exhaustive search for the best action sequence of a dialogue that the oracle knows in advance
/// (its tasks and the score model). One pass yields both the unconstrained optimum and the best
/// sequence within the budgets. When scores depend on the order of earlier actions (the
/// nearest-neighbour estimator), the search walks the whole tree, 9^T leaves for M = 3, pricing
/// all actions of a node with one estimator query and tracking the best feasible leaf beside the best
/// leaf overall (no pruning: an over-budget prefix can still lead to the best unconstrained plan). When they depend only on how many images each call uploaded (the synthetic
/// generator), histories with the same counts are merged and, within a count, only the action
/// with the best association is kept, so the search is a small dynamic programme.
/// Plans are cached per dialogue id, so the two oracles share one search.
/// </summary>
public sealed class OracleSearch
{
    /// <summary>Largest tree the order-dependent search walks before refusing.</summary>
    public const long MaxTreeLeaves = 5_000_000;

    private readonly TmoProblem _problem;
    private readonly TmoEnvironmentOptions _options;
    private readonly Dictionary<int, OraclePlan> _plans = [];

    public OracleSearch(TmoProblem problem, TmoEnvironmentOptions options)
    {
        _problem = problem;
        _options = options;
    }

    /// <summary>The plan of <paramref name="dialogue"/>, searched once and then cached.</summary>
    public OraclePlan Plan(TmoDialogue dialogue)
    {
        if (!_plans.TryGetValue(dialogue.Id, out var plan))
        {
            plan = _problem.Scores.DependsOnOrder ? new TreeSearch(this, dialogue).Run() : new CountSearch(this, dialogue).Run();
            _plans[dialogue.Id] = plan;
        }

        return plan;
    }

    private double StepReward(TmoDialogue dialogue, int turn, int action, double score)
    {
        var costs = _problem.Costs;
        return _options.Reward.Combine(
            score,
            AssociationScore.Normalised(_problem.Space, dialogue.Turns[turn].Association, action),
            costs.NormalisedLatency(action),
            costs.NormalisedUsage(action));
    }

    private bool WithinBudget(double latencyS, double usageUsd) =>
        BudgetComparison.Within(latencyS, _options.LatencyBudgetS) && BudgetComparison.Within(usageUsd, _options.UsageBudgetUsd);

    /// <summary>Depth-first over every sequence; each depth keeps its best suffixes.</summary>
    private sealed class TreeSearch
    {
        private readonly OracleSearch _owner;
        private readonly TmoDialogue _dialogue;
        private readonly int _turns;
        private readonly int _actions;
        private readonly int[] _history;
        private readonly int[][] _bestSuffix;
        private readonly int[][] _bestFeasibleSuffix;
        private readonly double[][] _scores;

        public TreeSearch(OracleSearch owner, TmoDialogue dialogue)
        {
            _owner = owner;
            _dialogue = dialogue;
            _turns = dialogue.Turns.Count;
            _actions = owner._problem.Space.ActionCount;
            if (Math.Pow(_actions, _turns) > MaxTreeLeaves)
            {
                throw new InvalidOperationException($"the oracle would search {_actions}^{_turns} sequences for dialogue {dialogue.Id}, over its limit of {MaxTreeLeaves:N0}; use fewer modalities or turns");
            }

            _history = new int[_turns];
            _bestSuffix = Enumerable.Range(0, _turns + 1).Select(_ => new int[_turns]).ToArray();
            _bestFeasibleSuffix = Enumerable.Range(0, _turns + 1).Select(_ => new int[_turns]).ToArray();
            _scores = Enumerable.Range(0, _turns).Select(_ => new double[_actions]).ToArray();
        }

        public OraclePlan Run()
        {
            var (best, feasible) = Search(0, 0, 0);
            var feasiblePlan = double.IsNegativeInfinity(feasible) ? new int[_turns] : _bestFeasibleSuffix[0].ToArray();
            return new OraclePlan(_bestSuffix[0].ToArray(), best, feasiblePlan, feasible);
        }

        // Returns the best total reward from `turn` on, unconstrained and within budget, and leaves
        // the matching suffixes in _bestSuffix[turn] and _bestFeasibleSuffix[turn].
        private (double Best, double Feasible) Search(int turn, double latencyS, double usageUsd)
        {
            if (turn == _turns)
            {
                return (0, _owner.WithinBudget(latencyS, usageUsd) ? 0 : double.NegativeInfinity);
            }

            var costs = _owner._problem.Costs;
            var scores = _scores[turn];
            _owner._problem.Scores.ScoreActions(_dialogue, turn, _history, scores);
            double best = double.NegativeInfinity, feasible = double.NegativeInfinity;
            for (var action = 0; action < _actions; action++)
            {
                _history[turn] = action;
                var reward = _owner.StepReward(_dialogue, turn, action, scores[action]);
                var nextLatency = latencyS + costs.LatencyS(action);
                var nextUsage = usageUsd + costs.UsageUsd(action);
                var (childBest, childFeasible) = Search(turn + 1, nextLatency, nextUsage);
                if (reward + childBest > best)
                {
                    best = reward + childBest;
                    _bestSuffix[turn][turn] = action;
                    Array.Copy(_bestSuffix[turn + 1], turn + 1, _bestSuffix[turn], turn + 1, _turns - turn - 1);
                }

                if (reward + childFeasible > feasible)
                {
                    feasible = reward + childFeasible;
                    _bestFeasibleSuffix[turn][turn] = action;
                    Array.Copy(_bestFeasibleSuffix[turn + 1], turn + 1, _bestFeasibleSuffix[turn], turn + 1, _turns - turn - 1);
                }
            }

            return (best, feasible);
        }
    }

    /// <summary>Dynamic programme over (turn, how many calls of each cost kind so far).</summary>
    private sealed class CountSearch
    {
        private readonly OracleSearch _owner;
        private readonly TmoDialogue _dialogue;
        private readonly int _turns;
        private readonly int _kinds;
        private readonly int[] _representative;
        private readonly Dictionary<long, (double Best, int BestAction, double Feasible, int FeasibleAction)> _memo = [];
        private readonly double[] _scores;

        public CountSearch(OracleSearch owner, TmoDialogue dialogue)
        {
            _owner = owner;
            _dialogue = dialogue;
            _turns = dialogue.Turns.Count;
            var space = owner._problem.Space;
            _kinds = space.ModalityCount + 2;
            if (_turns > 15 || _kinds > 15)
            {
                throw new InvalidOperationException($"the oracle's count search packs counts in 4 bits: dialogue {dialogue.Id} has {_turns} turns and {_kinds} cost kinds, at most 15 each");
            }

            // Any action of a kind stands for the kind in the history the score model reads.
            _representative = new int[_kinds];
            for (var action = space.ActionCount - 1; action >= 0; action--)
            {
                _representative[owner._problem.Costs.KindOf(action)] = action;
            }

            _scores = new double[space.ActionCount];
        }

        public OraclePlan Run()
        {
            var counts = new int[_kinds];
            var root = Solve(0, counts);
            var best = Walk(feasible: false);
            var feasible = double.IsNegativeInfinity(root.Feasible) ? new int[_turns] : Walk(feasible: true);
            return new OraclePlan(best, root.Best, feasible, root.Feasible);
        }

        private int[] Walk(bool feasible)
        {
            var counts = new int[_kinds];
            var plan = new int[_turns];
            for (var turn = 0; turn < _turns; turn++)
            {
                var node = Solve(turn, counts);
                plan[turn] = feasible ? node.FeasibleAction : node.BestAction;
                counts[_owner._problem.Costs.KindOf(plan[turn])]++;
            }

            return plan;
        }

        private (double Best, int BestAction, double Feasible, int FeasibleAction) Solve(int turn, int[] counts)
        {
            var key = Key(counts);
            if (_memo.TryGetValue(key, out var cached))
            {
                return cached;
            }

            var costs = _owner._problem.Costs;
            if (turn == _turns)
            {
                double latency = 0, usage = 0;
                for (var kind = 0; kind < _kinds; kind++)
                {
                    latency += counts[kind] * costs.LatencyS(_representative[kind]);
                    usage += counts[kind] * costs.UsageUsd(_representative[kind]);
                }

                var leaf = (0.0, -1, _owner.WithinBudget(latency, usage) ? 0.0 : double.NegativeInfinity, -1);
                _memo[key] = leaf;
                return leaf;
            }

            var history = new int[turn];
            var filled = 0;
            for (var kind = 0; kind < _kinds; kind++)
            {
                for (var c = 0; c < counts[kind]; c++)
                {
                    history[filled++] = _representative[kind];
                }
            }

            _owner._problem.Scores.ScoreActions(_dialogue, turn, history, _scores);
            var bestInKind = new int[_kinds];
            var bestRewardInKind = Enumerable.Repeat(double.NegativeInfinity, _kinds).ToArray();
            for (var action = 0; action < _scores.Length; action++)
            {
                var kind = costs.KindOf(action);
                var reward = _owner.StepReward(_dialogue, turn, action, _scores[action]);
                if (reward > bestRewardInKind[kind])
                {
                    bestRewardInKind[kind] = reward;
                    bestInKind[kind] = action;
                }
            }

            var result = (Best: double.NegativeInfinity, BestAction: 0, Feasible: double.NegativeInfinity, FeasibleAction: 0);
            for (var kind = 0; kind < _kinds; kind++)
            {
                counts[kind]++;
                var child = Solve(turn + 1, counts);
                counts[kind]--;
                if (bestRewardInKind[kind] + child.Best > result.Best)
                {
                    result.Best = bestRewardInKind[kind] + child.Best;
                    result.BestAction = bestInKind[kind];
                }

                if (bestRewardInKind[kind] + child.Feasible > result.Feasible)
                {
                    result.Feasible = bestRewardInKind[kind] + child.Feasible;
                    result.FeasibleAction = bestInKind[kind];
                }
            }

            _memo[key] = result;
            return result;
        }

        private static long Key(int[] counts)
        {
            long key = 0;
            for (var kind = 0; kind < counts.Length; kind++)
            {
                key |= (long)counts[kind] << (4 * kind);
            }

            return key;
        }
    }
}
