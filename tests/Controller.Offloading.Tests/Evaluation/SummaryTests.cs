using Controller.Offloading.Evaluation;

namespace Controller.Offloading.Tests.Evaluation;

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
    public void MeanAndDeviation_ThreeValues_SampleStandardDeviation()
    {
        var summary = MeanAndDeviation.Of([1.0, 2.0, 3.0]);

        Assert.Equal(2.0, summary.Mean);
        Assert.Equal(1.0, summary.StandardDeviation, 12);
        Assert.Equal(0.0, MeanAndDeviation.Of([5.0]).StandardDeviation);
    }

    private static DialogueResult Dialogue(int id, double latency, double usage) => new(id, 1, 0.2, latency, usage, 0.5, 1.5, [0, 1, 2]);
}
