using System.Globalization;
using Controller.Training.OffPolicy;
using Controller.Training.OffPolicy.KnownAnswer;

namespace Controller.Benchmarks.OffPolicy;

/// <summary>
/// The OPE known-answer check of issue #12 at full size: the known contextual bandit logged many times over with fixed
/// seeds; per estimator and outcome the bias against the enumerated truth, the spread, and the 95 % intervals' coverage.
/// Two logging policies side by side: the problem's explorative one (every allowed action ≥ 0.1) and the service
/// baseline's ε-greedy with ε = 0.05, whose rare actions carry weights up to 48.
/// </summary>
public sealed class OffPolicyEvaluationBenchmark : IBenchmark
{
    private const int DefaultReplications = 500;
    private const int Decisions = 1000;

    /// <summary>The ε-greedy logger's favourite per context: the logging table's most likely action.</summary>
    private static readonly int[] Favourite = [0, 0, 0];

    public string Name => "ope";

    public string Description => "Off-policy estimators (IPS, SNIPS, DR with ML.NET FastTree) on a bandit with known values: bias, sd and 95 % interval coverage per outcome.";

    public Task<BenchmarkReport> RunAsync(BenchmarkSettings settings, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var replications = settings.Replications ?? DefaultReplications;
        (string Name, KnownBanditProblem Problem)[] scenarios =
        [
            ("explorative (μ ≥ 0.1)", KnownBanditProblem.Standard),
            ("ε-greedy 0.05", KnownBanditProblem.Standard.WithEpsilonGreedyLogging(0.05, Favourite)),
        ];
        var rows = new List<IReadOnlyList<string>>();
        var figures = new Dictionary<string, double>();
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{replications} replications × {Decisions} logged decisions per scenario, seeds {settings.Seed}…{settings.Seed + replications - 1}; DR: {new OffPolicyOptions().OutcomeModel!.Name}, 2 cross-fitting folds."),
            "bias/sem = (mean estimate − truth) / (sd / √replications): |bias/sem| ≤ 3 is unbiased within its error; coverage target 90–98 %.",
        };
        foreach (var (scenario, problem) in scenarios)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var steps = new Progress<int>(done =>
            {
                if (done % 50 == 0 || done == replications)
                {
                    progress.Report($"{scenario}: {done}/{replications} replications");
                }
            });
            var result = KnownAnswerStudy.Run(problem, replications, Decisions, new OffPolicyOptions(), settings.Seed, steps);
            var key = scenario.StartsWith('ε') ? "epsilonGreedy" : "explorative";
            foreach (var row in result.Rows)
            {
                rows.Add(Row(scenario, row));
                figures[$"{key}.{row.Estimator}.{row.Outcome}.coverage"] = row.Coverage;
                figures[$"{key}.{row.Estimator}.{row.Outcome}.biasInSem"] = row.BiasInStandardErrors;
            }

            figures[$"{key}.effectiveSampleSize"] = result.EffectiveSampleSize.Mean;
            figures[$"{key}.seconds"] = result.Elapsed.TotalSeconds;
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{scenario}: effective sample size {result.EffectiveSampleSize.Mean:F0} ± {result.EffectiveSampleSize.StandardDeviation:F0} of {Decisions}; {result.Elapsed.TotalSeconds:F1} s."));
        }

        return Task.FromResult(new BenchmarkReport(
            "Off-policy evaluation against known values",
            ["logging", "estimator", "outcome", "truth", "mean", "bias", "bias/sem", "sd", "mean se", "coverage"],
            rows,
            figures,
            notes));
    }

    private static string[] Row(string scenario, EstimatorAccuracy row) =>
    [
        scenario,
        row.Estimator.ToString(),
        row.Outcome,
        Format(row.Truth),
        Format(row.MeanEstimate),
        Format(row.Bias),
        row.BiasInStandardErrors.ToString("F2", CultureInfo.InvariantCulture),
        Format(row.StandardDeviation),
        Format(row.MeanStandardError),
        row.Coverage.ToString("P1", CultureInfo.InvariantCulture),
    ];

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
