using Controller.Training.OffPolicy.Estimators;
using Controller.Training.OffPolicy.OutcomeModels;

namespace Controller.Training.OffPolicy;

/// <summary>
/// The entry point of off-policy evaluation: estimates what a target policy's reward and every cost would have been,
/// per decision, on the situations a log recorded, with IPS, self-normalised IPS and doubly robust, each with a 95 %
/// interval. Bad input (an empty log, a propensity of 0 or NaN, lengths that disagree, a target that needs an action the
/// logging policy could not take) is refused with an <see cref="OffPolicyInputException"/> naming the record and field.
/// </summary>
public static class OffPolicyEvaluator
{
    private static readonly IOffPolicyEstimator Ips = new InverseProbabilityScoring();
    private static readonly IOffPolicyEstimator Snips = new SelfNormalizedIps();
    private static readonly IOffPolicyEstimator Dr = new DoublyRobust();

    public static OffPolicyReport Evaluate(IReadOnlyList<LoggedDecision> logs, ITargetPolicy target, OffPolicyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        options ??= new OffPolicyOptions();
        options.Validate();
        var shape = LogShape.Check(logs, options.CostNames);
        var probabilities = TargetProbabilities.Of(logs, target, shape);
        var (weights, diagnostics) = ImportanceWeights.Of(logs, probabilities, options.WeightCap);

        var model = options.OutcomeModel;
        if (model is not null && logs.Count < 2 * options.CrossFitFolds)
        {
            throw new OffPolicyInputException($"{logs.Count} logged decisions: cross-fitting the outcome model over {options.CrossFitFolds} folds needs at least {2 * options.CrossFitFolds}");
        }

        var folds = model is null ? [] : CrossFitting.AssignFolds(logs.Count, options.CrossFitFolds, options.Seed);
        var outcomes = new List<OutcomeEstimates>();
        foreach (var column in OutcomeColumn.All(options.CostNames))
        {
            var observed = logs.Select(column.Of).ToArray();
            var plain = new OutcomeSample(weights, observed);
            PolicyValueEstimate? doublyRobust = null;
            if (model is not null)
            {
                var (direct, logged) = CrossFitting.Predict(logs, probabilities, column, model, folds, options.CrossFitFolds, shape.ActionCount);
                CheckPredictions(model, column, direct, logged);
                doublyRobust = Dr.Estimate(plain with { DirectPredictions = direct, LoggedPredictions = logged });
            }

            outcomes.Add(new OutcomeEstimates(column.Name, Ips.Estimate(plain), Snips.Estimate(plain), doublyRobust));
        }

        var loggingPolicies = logs
            .GroupBy(d => (d.PolicyName, d.PolicyVersion))
            .Select(g => new LoggingPolicyCount(g.Key.PolicyName, g.Key.PolicyVersion, g.Count()))
            .OrderByDescending(c => c.Decisions)
            .ToArray();
        var modelName = model is null ? null : $"{model.Name}, cross-fitted over {options.CrossFitFolds} folds";
        return new OffPolicyReport(target.Name, logs.Count, loggingPolicies, diagnostics, outcomes, modelName);
    }

    private static void CheckPredictions(IOutcomeModelTrainer model, OutcomeColumn column, double[] direct, double[] logged)
    {
        var bad = Array.FindIndex(direct, p => !double.IsFinite(p));
        bad = bad >= 0 ? bad : Array.FindIndex(logged, p => !double.IsFinite(p));
        if (bad >= 0)
        {
            throw new OffPolicyInputException($"outcome model '{model.Name}' predicted a non-finite {column.Name} for logged decision {bad}") { RecordIndex = bad };
        }
    }
}
