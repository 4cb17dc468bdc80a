using System.Globalization;

namespace Controller.Training.OffPolicy.Gate;

/// <summary>
/// The promotion gate as a pure function of an off-policy report: a candidate passes only if it rests on at least the
/// configured number of logged decisions (and effective decisions), its reward's lower 95 % bound beats the active
/// policy's estimate by the margin, and every cost's upper 95 % bound stays within its per-decision budget.
/// </summary>
public static class PromotionGate
{
    public static PromotionVerdict Judge(OffPolicyReport candidate, ActivePolicyValue active, PromotionCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(criteria);
        criteria.Validate();
        if (!double.IsFinite(active.RewardEstimate))
        {
            throw new ArgumentOutOfRangeException(nameof(active), active.RewardEstimate, "the active policy's reward estimate must be finite");
        }

        var estimator = criteria.Estimator;
        var checks = new List<GateCheck>
        {
            AtLeast("decisions", candidate.DecisionCount, criteria.MinimumDecisions, "logged decisions"),
            AtLeast("effective sample size", candidate.Weights.EffectiveSampleSize, criteria.MinimumEffectiveSampleSize, "effective decisions"),
            Reward(candidate.Reward.Get(estimator), active, criteria),
        };
        checks.AddRange(candidate.Costs.Select(cost => Cost(cost.Outcome, cost.Get(estimator), criteria.CostBudgets, estimator)));
        checks.AddRange(criteria.CostBudgets.Keys
            .Where(cost => candidate.Find(cost) is null || cost == OutcomeColumn.RewardName)
            .Select(cost => new GateCheck($"cost {cost}", false, double.NaN, criteria.CostBudgets[cost], $"a budget is configured but the report has no cost named '{cost}'")));
        return new PromotionVerdict(candidate.TargetPolicy, active.PolicyName, estimator, checks);
    }

    private static GateCheck AtLeast(string name, double observed, double minimum, string unit) =>
        new(name, observed >= minimum, observed, minimum,
            string.Create(CultureInfo.InvariantCulture, $"{observed:0.#} {unit} {(observed >= minimum ? "≥" : "<")} the minimum {minimum:0.#}"));

    private static GateCheck Reward(PolicyValueEstimate? estimate, ActivePolicyValue active, PromotionCriteria criteria)
    {
        var threshold = active.RewardEstimate + criteria.RewardMargin;
        if (estimate is null)
        {
            return new GateCheck("reward", false, double.NaN, threshold, $"the report has no {criteria.Estimator} estimate (was an outcome model configured?)");
        }

        var passed = estimate.Lower > threshold;
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{criteria.Estimator} lower bound {estimate.Lower:G4} (estimate {estimate.Value:G4}) {(passed ? ">" : "≤")} {active.PolicyName}'s {active.RewardEstimate:G4} + margin {criteria.RewardMargin:G4} ({active.Source})");
        return new GateCheck("reward", passed, estimate.Lower, threshold, detail);
    }

    private static GateCheck Cost(string cost, PolicyValueEstimate? estimate, IReadOnlyDictionary<string, double> budgets, EstimatorKind estimator)
    {
        var name = $"cost {cost}";
        if (!budgets.TryGetValue(cost, out var budget))
        {
            return new GateCheck(name, false, estimate?.Upper ?? double.NaN, double.NaN, "no budget configured for this cost: an unchecked cost cannot pass");
        }

        if (estimate is null)
        {
            return new GateCheck(name, false, double.NaN, budget, $"the report has no {estimator} estimate (was an outcome model configured?)");
        }

        var passed = estimate.Upper <= budget;
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{estimator} upper bound {estimate.Upper:G4} (estimate {estimate.Value:G4}) {(passed ? "≤" : ">")} budget {budget:G4} per decision");
        return new GateCheck(name, passed, estimate.Upper, budget, detail);
    }
}
