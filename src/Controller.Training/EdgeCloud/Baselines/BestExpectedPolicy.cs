using Controller.Training.EdgeCloud.Environments;
using Controller.Offloading.EdgeCloud.Problem;

namespace Controller.Training.EdgeCloud.Baselines;

/// <summary>
/// A one-step rule over the whole composite space: the allowed action that scores best on the expected-cost table
/// (computed with the α estimate); it sees budgets only through the mask. Ties go to the lower index.
/// </summary>
public sealed class BestExpectedPolicy : IEdgeCloudPolicy
{
    private readonly Func<EdgeCloudDecision, int, double> _score;

    private BestExpectedPolicy(string name, Func<EdgeCloudDecision, int, double> score)
    {
        Name = name;
        _score = score;
    }

    public string Name { get; }

    /// <summary>Highest expected quality-weighted tokens per second: a reference point, not one of the baselines.</summary>
    public static BestExpectedPolicy GreedyRate() => new("Greedy expected rate", (d, a) => d.ExpectedRate(a));

    /// <summary>Lowest expected latency (quality ignored): a yardstick for how many SLO misses are avoidable at all under the budgets.</summary>
    public static BestExpectedPolicy MinLatency() => new("Min expected latency", (d, a) => -d.ExpectedLatencyMs(a));

    public void BeginWindow(EdgeCloudEnvironment environment)
    {
    }

    public int ChooseAction(EdgeCloudEnvironment environment, ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var decision = environment.Decision;
        var best = -1;
        var bestScore = double.NegativeInfinity;
        for (var a = 0; a < mask.Length; a++)
        {
            if (mask[a] && _score(decision, a) is var score && score > bestScore)
            {
                bestScore = score;
                best = a;
            }
        }

        // The mask always keeps the fallback allowed; an empty mask would be the environment's bug.
        return best >= 0 ? best : environment.Fallback;
    }

    public void Observe(EdgeCloudEnvironment environment, in EdgeCloudStepOutcome outcome)
    {
    }
}
