using Controller.Training.Reports;
using Controller.Training.Tmo.Evaluation;

namespace Controller.Training.Tests.Tmo.Evaluation;

public sealed class SummaryTests
{
    [Fact]
    public void SeedResultFrom_TwoOfFourOverLatency_ShareAndMeanExcess()
    {
        DialogueResult[] dialogues =
        [
            Dialogue(0, latency: 10, usage: 0.01),
            Dialogue(1, latency: 31, usage: 0.01),
            Dialogue(2, latency: 35, usage: 0.06),
            Dialogue(3, latency: 29, usage: 0.02),
        ];

        var result = SeedResult.From("m", 0, dialogues, latencyBudgetS: 30, usageBudgetUsd: 0.05);

        Assert.Equal(0.5, result.LatencyViolationShare);
        Assert.Equal(3.0, result.LatencyExcessS, 12);
        Assert.Equal(0.25, result.UsageViolationShare);
        Assert.Equal(0.01, result.UsageExcessUsd, 12);
        Assert.Equal(26.25, result.LatencyS, 12);
    }

    [Fact]
    public void MethodSummary_ViolationsInOneSeedOnly_ExcessPooledNotDilutedByCleanSeeds()
    {
        // Seed 0: one dialogue of four over by 4 s; seed 1: two of four over by 1 s and 3 s; seed 2: none.
        SeedResult[] seeds =
        [
            SeedResult.From("m", 0, [Dialogue(0, 34, 0.01), Dialogue(1, 10, 0.01), Dialogue(2, 10, 0.01), Dialogue(3, 10, 0.01)], 30, 0.05),
            SeedResult.From("m", 1, [Dialogue(0, 31, 0.01), Dialogue(1, 33, 0.01), Dialogue(2, 10, 0.01), Dialogue(3, 10, 0.01)], 30, 0.05),
            SeedResult.From("m", 2, [Dialogue(0, 10, 0.01), Dialogue(1, 10, 0.01), Dialogue(2, 10, 0.01), Dialogue(3, 10, 0.01)], 30, 0.05),
        ];

        var summary = MethodSummary.Of("m", seeds);

        // (4 + 1 + 3) / 3 violating dialogues; sd over the two violating seeds' means 4 and 2.
        Assert.Equal(8.0 / 3, summary.LatencyExcessS.Mean, 12);
        Assert.Equal(Math.Sqrt(2), summary.LatencyExcessS.StandardDeviation, 12);
        Assert.Equal(0.25, summary.LatencyViolationShare.Mean, 12);
        Assert.Equal(new MeanAndDeviation(0, 0), summary.UsageExcessUsd);
    }

    [Fact]
    public void SeedResultFrom_TotalOffByRoundingOnly_NotOverBudget()
    {
        // 0.1 + 0.2 = 0.30000000000000004: summed turn by turn it exceeds 0.3 in the last bit only.
        var result = SeedResult.From("m", 0, [Dialogue(0, latency: 1, usage: 0.1 + 0.2)], latencyBudgetS: 30, usageBudgetUsd: 0.3);

        Assert.Equal(0, result.UsageViolations);
        Assert.Equal(0.0, result.UsageViolationShare);
    }

    [Fact]
    public void MeanAndDeviation_ThreeValues_SampleStandardDeviation()
    {
        var summary = MeanAndDeviation.Of([1.0, 2.0, 3.0]);

        Assert.Equal(2.0, summary.Mean);
        Assert.Equal(1.0, summary.StandardDeviation, 12);
        Assert.Equal(0.0, MeanAndDeviation.Of([5.0]).StandardDeviation);
    }

    private static DialogueResult Dialogue(int id, double latency, double usage) => new(id, 1, 0.2, latency, usage, 0.5, 1.5, [0, 1, 2]);
}
