using System.Globalization;
using Controller.Training.OffPolicy;
using Controller.Training.OffPolicy.KnownAnswer;
using Controller.Training.OffPolicy.OutcomeModels;
using Xunit.Abstractions;

namespace Controller.Training.Tests.OffPolicy;

/// <summary>
/// The OPE target on <see cref="KnownBanditProblem.Standard"/>: over fixed-seed replications every estimator is
/// unbiased within its error (|mean − truth| ≤ 3 standard errors of the mean) and its 95 % intervals cover the truth in
/// 90–98 % of replications, for the reward and each cost. The full run is <c>controller bench ope</c>.
/// </summary>
public sealed class KnownAnswerTests(ITestOutputHelper output)
{
    private const int Decisions = 1000;

    [Fact]
    public void TrueTargetValues_StandardProblem_MatchHandEnumeration()
    {
        var truth = KnownBanditProblem.Standard.TrueTargetValues();

        // Reward: 0.5·(0.06 + 0.18 + 0.55 + 0.2) + 0.3·(0.02 + 0.12 + 0.14 + 0.72) + 0.2·(0.63 + 0.1 + 0.06).
        Assert.Equal((0.5 * 0.99) + (0.3 * 1.0) + (0.2 * 0.79), truth[0], 12);
        // Cloud spend: 0.5·(0.00024 + 0.0025 + 0.00016) + 0.3·(0.000225 + 0.0012 + 0.0006) + 0.2·(0.0002 + 0.0004).
        Assert.Equal((0.5 * 0.0029) + (0.3 * 0.002025) + (0.2 * 0.0006), truth[2], 12);
    }

    [Fact]
    public void Generate_LargeLog_OutcomeMeansAndPropensitiesAreTheProblems()
    {
        var problem = KnownBanditProblem.Standard;
        var log = problem.Generate(40_000, new Random(8));

        var cell = log.Where(d => d.Context[1] == 1 && d.Action == 3).ToArray();
        Assert.All(cell, d => Assert.Equal(0.1, d.Propensity));
        // 40,000 × 0.3 × 0.1 ≈ 1,200 records: the reward's se is 0.3/√1200 ≈ 0.009, energy's 20·0.29/√1200 ≈ 0.17.
        Assert.InRange(cell.Average(d => d.Reward), 1.2 - 0.04, 1.2 + 0.04);
        Assert.InRange(cell.Average(d => d.Costs[0]), 20 - 0.7, 20 + 0.7);
        Assert.DoesNotContain(log, d => d.Context[2] == 1 && d.Action == 3);
    }

    [Fact]
    public void Study_IpsAndSnips200Replications_UnbiasedAndCover90To98Percent()
    {
        var result = KnownAnswerStudy.Run(KnownBanditProblem.Standard, 200, Decisions, new OffPolicyOptions { OutcomeModel = null }, seed: 1000);

        Print(result);
        Assert.Equal(8, result.Rows.Count);
        AssertUnbiasedAndCovering(result, coverageLow: 0.90, coverageHigh: 0.98);
    }

    /// <remarks>
    /// DR refits FastTree 8 times per replication (2 folds × 4 outcomes, ≈ 30 ms each with scoring at load 10), so 200
    /// replications took 18–27 s here; this test runs 60 (≈ 6 s) and widens the coverage band to 85–100 %: with 60
    /// replications the coverage's own sd is √(0.95·0.05/60) ≈ 2.8 points, so 85 % is 3.5 sd below 95 % and a count of
    /// 58–60 of 60 is not evidence against 95 %. The 200-replication run (18 s, every DR row 91.5–96 %, |bias| ≤ 2 sem)
    /// and the full one are <c>controller bench ope</c>.
    /// </remarks>
    [Fact]
    public void Study_DoublyRobustFastTree60Replications_UnbiasedAndCover85To100Percent()
    {
        var result = KnownAnswerStudy.Run(KnownBanditProblem.Standard, 60, Decisions, new OffPolicyOptions { OutcomeModel = new FastTreeOutcomeModel() }, seed: 1000);

        Print(result);
        Assert.Equal(12, result.Rows.Count);
        AssertUnbiasedAndCovering(result, coverageLow: 0.85, coverageHigh: 1.0);
    }

    private static void AssertUnbiasedAndCovering(KnownAnswerResult result, double coverageLow, double coverageHigh)
    {
        Assert.All(result.Rows, row =>
        {
            Assert.True(Math.Abs(row.BiasInStandardErrors) <= 3, $"{row.Estimator} {row.Outcome}: bias {row.Bias:G3} = {row.BiasInStandardErrors:F2} standard errors of the mean");
            Assert.InRange(row.Coverage, coverageLow, coverageHigh);
        });
    }

    private void Print(KnownAnswerResult result)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Rows[0].Replications} replications × {result.DecisionsPerReplication} decisions, ESS {result.EffectiveSampleSize.Mean:F0} ± {result.EffectiveSampleSize.StandardDeviation:F0}, {result.Elapsed.TotalSeconds:F1} s"));
        foreach (var row in result.Rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Estimator,-18} {row.Outcome,-11} truth {row.Truth,10:G5} mean {row.MeanEstimate,10:G5} bias/sem {row.BiasInStandardErrors,6:F2} sd {row.StandardDeviation,10:G4} mean se {row.MeanStandardError,10:G4} coverage {row.Coverage:P1}"));
        }
    }
}
