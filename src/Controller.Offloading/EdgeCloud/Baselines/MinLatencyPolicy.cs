using Controller.Offloading.EdgeCloud.Environments;

namespace Controller.Offloading.EdgeCloud.Baselines;

/// <summary>
/// The allowed action with the lowest expected latency (quality ignored): a yardstick for how many SLO misses are
/// avoidable at all under the budgets, not a contender.
/// </summary>
public sealed class MinLatencyPolicy : IEdgeCloudPolicy
{
    public string Name => "Min expected latency";

    public void BeginWindow(EdgeCloudEnvironment environment)
    {
    }

    public int ChooseAction(EdgeCloudEnvironment environment, ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var decision = environment.Decision;
        var best = -1;
        var bestLatency = double.PositiveInfinity;
        for (var a = 0; a < mask.Length; a++)
        {
            if (mask[a] && decision.ExpectedLatencyMs(a) < bestLatency)
            {
                bestLatency = decision.ExpectedLatencyMs(a);
                best = a;
            }
        }

        return best >= 0 ? best : environment.Fallback;
    }

    public void Observe(EdgeCloudEnvironment environment, in EdgeCloudStepOutcome outcome)
    {
    }
}
