using Controller.Training.OffPolicy;

namespace Controller.Training.Tests.OffPolicy;

/// <summary>Small hand-made logs for the estimator tests.</summary>
internal static class Logs
{
    /// <summary>A record of a two-action, context-free log with one cost per service cost name.</summary>
    public static LoggedDecision Record(int action, double propensity, double reward, double energy = 1, double usd = 0.001, double latency = 100) =>
        new([], [true, true], action, propensity, reward, [energy, usd, latency], "logging", "1");

    /// <summary>
    /// Four records, two actions: (a, μ, y) = (0, 0.5, 1), (1, 0.5, 2), (1, 0.25, 4), (0, 0.75, 0). Under the target
    /// π = (0.25, 0.75) the weights are 0.5, 1.5, 3 and 1/3.
    /// </summary>
    public static LoggedDecision[] HandWorked() =>
    [
        Record(0, 0.5, 1.0, energy: 2),
        Record(1, 0.5, 2.0, energy: 4),
        Record(1, 0.25, 4.0, energy: 6),
        Record(0, 0.75, 0.0, energy: 8),
    ];

    public static ITargetPolicy QuarterThreeQuarters { get; } = new FixedTarget("quarter-three-quarters", [0.25, 0.75]);

    /// <summary>A target with the same distribution in every situation.</summary>
    public sealed class FixedTarget(string name, double[] probabilities) : ITargetPolicy
    {
        public string Name => name;

        public void ActionProbabilities(LoggedDecision decision, Span<double> output) => probabilities.CopyTo(output);
    }
}
