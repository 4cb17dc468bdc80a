using Controller.Contracts;
using Controller.Training.EdgeCloud.Environments;
using Controller.Offloading.EdgeCloud.Problem;

namespace Controller.Training.EdgeCloud.Evaluation;

/// <summary>
/// The gain from choosing k, measured on a method's own speculative requests alone: for each request where the method
/// chose speculation (not as a budget-mask fallback), the expected quality-weighted rate of its chosen (subset, k)
/// against the same subset at (a) every fixed k (k capped at the request's memory cap, as the fixed-k rules do), the
/// best single k over all these requests then standing for "the fixed best k", and (b) the throughput-optimal k* of
/// <see cref="EdgeCloudDecision.ThroughputOptimalDraftLength"/>. Counterfactual, so expected rates from the request's
/// own cost model (with the α estimate the policy saw), not realised ones. Gains are ratios of sums minus 1; 0 when the
/// method never speculated.
/// </summary>
public sealed class SpeculativeDraftGain
{
    private readonly double[] _fixedK;
    private double _chosen;
    private double _planner;

    public SpeculativeDraftGain(int maxDraftLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDraftLength, 1);
        _fixedK = new double[maxDraftLength + 1];
    }

    /// <summary>Speculative requests counted so far.</summary>
    public int Requests { get; private set; }

    /// <summary>Counts <paramref name="action"/> if it is speculative, before the environment steps on <paramref name="decision"/>.</summary>
    public void Add(EdgeCloudDecision decision, int action)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var space = decision.Space;
        var chosen = space.Decode(action);
        if (chosen.Location != Location.Speculative || decision.DraftLengthCap < 1)
        {
            return;
        }

        var rank = space.RankOf(chosen.ModalityMask);
        _chosen += decision.ExpectedRate(action);
        for (var k = 1; k < _fixedK.Length; k++)
        {
            _fixedK[k] += decision.ExpectedRate(space.SpeculativeIndex(rank, Math.Min(k, decision.DraftLengthCap)));
        }

        _planner += decision.ExpectedRate(space.SpeculativeIndex(rank, decision.ThroughputOptimalDraftLength(chosen.ModalityMask)));
        Requests++;
    }

    /// <summary>The fixed k with the highest summed expected rate over the counted requests (1 when none were counted).</summary>
    public int BestFixedDraftLength
    {
        get
        {
            var best = 1;
            for (var k = 2; k < _fixedK.Length; k++)
            {
                best = _fixedK[k] > _fixedK[best] ? k : best;
            }

            return best;
        }
    }

    /// <summary>Σ rate(chosen k) / Σ rate(fixed best k) − 1.</summary>
    public double GainOverFixedBest => Requests == 0 ? 0 : (_chosen / _fixedK[BestFixedDraftLength]) - 1;

    /// <summary>Σ rate(chosen k) / Σ rate(k*) − 1.</summary>
    public double GainOverPlanner => Requests == 0 ? 0 : (_chosen / _planner) - 1;
}
