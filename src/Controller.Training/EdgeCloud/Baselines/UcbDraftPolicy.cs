using Controller.Contracts;
using Controller.Training.EdgeCloud.Environments;
using Controller.Offloading.EdgeCloud.Problem;

namespace Controller.Training.EdgeCloud.Baselines;

/// <summary>
/// BanditSpec-style UCB1 over draft lengths k ∈ 1..K: each arm's reward is the request's decoding throughput,
/// tokens per second, divided by the largest throughput seen so far (so rewards lie in [0, 1]); the arm
/// maximising mean + √(2 ln n / n_k) among k ≤ the memory cap is played, untried arms first (shortest first).
/// Statistics persist over the device's windows. Every present modality is uploaded.
/// </summary>
public sealed class UcbDraftPolicy : RulePolicy
{
    private readonly double[] _sums;
    private readonly int[] _counts;
    private double _maxRate;
    private int _total;

    public UcbDraftPolicy(int maxDraftLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDraftLength, 1);
        _sums = new double[maxDraftLength + 1];
        _counts = new int[maxDraftLength + 1];
    }

    public override string Name => "UCB over k (BanditSpec-like)";

    protected override int DraftLength(EdgeCloudDecision decision)
    {
        var cap = Math.Min(decision.DraftLengthCap, _counts.Length - 1);
        var best = 1;
        var bestScore = double.NegativeInfinity;
        for (var k = 1; k <= cap; k++)
        {
            if (_counts[k] == 0)
            {
                return k;
            }

            var score = (_sums[k] / _counts[k]) + Math.Sqrt(2 * Math.Log(Math.Max(_total, 1)) / _counts[k]);
            if (score > bestScore)
            {
                bestScore = score;
                best = k;
            }
        }

        return best;
    }

    public override void Observe(EdgeCloudEnvironment environment, in EdgeCloudStepOutcome outcome)
    {
        if (outcome.Location != Location.Speculative || outcome.DraftLength < 1 || outcome.DraftLength >= _counts.Length)
        {
            return;
        }

        var rate = outcome.Tokens * 1_000 / outcome.LatencyMs;
        if (rate > _maxRate)
        {
            // Rescale past sums so every arm's mean stays a share of the best rate seen.
            for (var k = 1; k < _sums.Length; k++)
            {
                _sums[k] *= _maxRate / rate;
            }

            _maxRate = rate;
        }

        _sums[outcome.DraftLength] += rate / _maxRate;
        _counts[outcome.DraftLength]++;
        _total++;
    }
}
