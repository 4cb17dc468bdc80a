using System.Diagnostics;
using Controller.Training.Reports;

namespace Controller.Training.OffPolicy.KnownAnswer;

/// <summary>
/// Replicates "log n decisions from the known problem, estimate the target" many times with fixed seeds and measures,
/// per estimator and outcome, the bias against the enumerated truth, the spread, and how often the 95 % interval covered
/// the truth.
/// </summary>
public static class KnownAnswerStudy
{
    /// <param name="seed">Replication r draws its log from <c>new Random(seed + r)</c> and cross-fits with fold seed r.</param>
    /// <param name="progress">Told after each replication (1-based count).</param>
    public static KnownAnswerResult Run(
        KnownBanditProblem problem,
        int replications,
        int decisionsPerReplication,
        OffPolicyOptions options,
        int seed = 0,
        IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        if (replications < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(replications), replications, "at least 2 replications to measure a spread");
        }

        var clock = Stopwatch.StartNew();
        var truth = problem.TrueTargetValues();
        var target = problem.TargetPolicy();
        var estimates = new Dictionary<(EstimatorKind, int), List<PolicyValueEstimate>>();
        var names = OutcomeColumn.All(problem.CostNames).Select(c => c.Name).ToArray();
        var ess = new List<double>(replications);
        for (var r = 0; r < replications; r++)
        {
            var log = problem.Generate(decisionsPerReplication, new Random(seed + r));
            var report = OffPolicyEvaluator.Evaluate(log, target, options with { CostNames = problem.CostNames, Seed = r });
            ess.Add(report.Weights.EffectiveSampleSize);
            for (var o = 0; o < report.Outcomes.Count; o++)
            {
                foreach (var estimate in report.Outcomes[o].All())
                {
                    var key = (estimate.Estimator, o);
                    if (!estimates.TryGetValue(key, out var list))
                    {
                        estimates[key] = list = [];
                    }

                    list.Add(estimate);
                }
            }

            progress?.Report(r + 1);
        }

        var rows = estimates
            .OrderBy(e => e.Key.Item1).ThenBy(e => e.Key.Item2)
            .Select(e => Summarise(e.Key.Item1, names[e.Key.Item2], truth[e.Key.Item2], e.Value))
            .ToArray();
        return new KnownAnswerResult(rows, MeanAndDeviation.Of(ess), decisionsPerReplication, clock.Elapsed);
    }

    private static EstimatorAccuracy Summarise(EstimatorKind kind, string outcome, double truth, List<PolicyValueEstimate> estimates)
    {
        var spread = MeanAndDeviation.Of([.. estimates.Select(e => e.Value)]);
        return new EstimatorAccuracy(
            kind,
            outcome,
            truth,
            spread.Mean,
            spread.StandardDeviation,
            estimates.Average(e => e.StandardError),
            estimates.Count(e => e.Covers(truth)) / (double)estimates.Count,
            estimates.Count);
    }
}
