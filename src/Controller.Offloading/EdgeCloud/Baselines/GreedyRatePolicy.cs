using Controller.Offloading.EdgeCloud.Environments;

namespace Controller.Offloading.EdgeCloud.Baselines;

/// <summary>
/// One-step planner over the whole composite space: the allowed action with the highest expected quality-weighted
/// tokens per second (from the expected-cost table with the α estimate). It sees budgets only through the mask.
/// A reference point, not one of the baselines.
/// </summary>
public sealed class GreedyRatePolicy : IEdgeCloudPolicy
{
    public string Name => "Greedy expected rate";

    public void BeginWindow(EdgeCloudEnvironment environment)
    {
    }

    public int ChooseAction(EdgeCloudEnvironment environment, ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var decision = environment.Decision;
        var best = -1;
        var bestRate = double.NegativeInfinity;
        for (var a = 0; a < mask.Length; a++)
        {
            if (mask[a] && decision.ExpectedRate(a) > bestRate)
            {
                bestRate = decision.ExpectedRate(a);
                best = a;
            }
        }

        return best >= 0 ? best : throw new InvalidOperationException("The mask allows no action.");
    }

    public void Observe(EdgeCloudEnvironment environment, in EdgeCloudStepOutcome outcome)
    {
    }
}
