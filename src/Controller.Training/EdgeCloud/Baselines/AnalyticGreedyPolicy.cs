using Controller.Offloading.EdgeCloud;
using Controller.Training.EdgeCloud.Environments;

namespace Controller.Training.EdgeCloud.Baselines;

/// <summary>
/// The analytic k* rule with a one-step choice of location and modalities, so that the learner is also compared
/// with the analytic rule on equal footing: for every modality subset, speculative decoding is priced only at that
/// subset's k* = argmax_k E[N(k)] / (T(k) + λ·E(k)) (α lowered for the subset's images, capped by memory, λ paced
/// as in <see cref="AnalyticDraftPolicy"/>); among local, cloud with any subset and those speculative actions the
/// allowed one with the highest expected quality-weighted tokens per second is taken. Budgets enter through λ and
/// the mask.
/// </summary>
public sealed class AnalyticGreedyPolicy : IEdgeCloudPolicy
{
    private readonly AnalyticDraftPolicy _pacer = new();

    public string Name => "Analytic k* + greedy placement";

    /// <summary>Current energy price λ, ms per J.</summary>
    public double EnergyPriceMsPerJoule => _pacer.EnergyPriceMsPerJoule;

    public void BeginWindow(EdgeCloudEnvironment environment)
    {
    }

    public int ChooseAction(EdgeCloudEnvironment environment, ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _pacer.Pace(environment);
        var decision = environment.Decision;
        var space = decision.Space;
        Span<int> candidates = stackalloc int[1 + (2 * space.SubsetCount)];
        var count = 0;
        candidates[count++] = 0;
        var round = decision.Round;
        for (var rank = 0; rank < space.SubsetCount; rank++)
        {
            candidates[count++] = space.CloudIndex(rank);
            if (round is not null && decision.DraftLengthCap >= 1)
            {
                var k = DraftLengthPlanner.BestDraftLength(decision.AlphaEstimate(space.SubsetAt(rank)), round, decision.RoundEnergy,
                    _pacer.EnergyPriceMsPerJoule, decision.DraftLengthCap);
                candidates[count++] = space.SpeculativeIndex(rank, k);
            }
        }

        var best = -1;
        var bestRate = double.NegativeInfinity;
        foreach (var action in candidates[..count])
        {
            if (mask[action] && decision.ExpectedRate(action) > bestRate)
            {
                bestRate = decision.ExpectedRate(action);
                best = action;
            }
        }

        return best >= 0 ? best : environment.Fallback;
    }

    public void Observe(EdgeCloudEnvironment environment, in EdgeCloudStepOutcome outcome) => _pacer.Observe(environment, outcome);
}
