using System.Numerics.Tensors;
using Controller.Learning.Buffers;
using Controller.Learning.Constraints;
using Controller.Learning.Distributions;
using Controller.Learning.Environments;
using Controller.Learning.Policies;

namespace Controller.Learning.Algorithms;

/// <summary>
/// Fills a <see cref="RolloutBuffer"/> by running the current policy in the vectorised environment (SB3's
/// <c>collect_rollouts</c>), shared by PPO and A2C. Truncated episodes bootstrap: <c>γ·V(terminal)</c> is added to the
/// last reward, and <c>γ·V^c(terminal)</c> to the last cost.
/// </summary>
internal sealed class OnPolicyCollector
{
    private readonly VectorizedEnvironment _env;
    private readonly ActorCritic _model;
    private readonly ObservationSpec _observation;
    private readonly LagrangeMultipliers _multipliers;
    private readonly Random _random;
    private readonly double _gamma;
    private readonly float[] _normalized;
    private readonly int[] _actions;
    private readonly float[] _logProbs;
    private readonly float[] _logits;

    public OnPolicyCollector(VectorizedEnvironment env, ActorCritic model, ObservationSpec observation, LagrangeMultipliers multipliers, Random random, double gamma, int seed)
    {
        _env = env;
        _model = model;
        _observation = observation;
        _multipliers = multipliers;
        _random = random;
        _gamma = gamma;
        _normalized = new float[env.Count * env.Spec.ObservationSize];
        _actions = new int[env.Count];
        _logProbs = new float[env.Spec.ActionCount];
        _logits = new float[env.Spec.ActionCount];
        LastValues = new float[env.Count];
        LastCostValues = Enumerable.Range(0, multipliers.Count).Select(_ => new float[env.Count]).ToArray();
        env.Reset(seed);
    }

    /// <summary>V of the observation after the rollout's last step, per environment.</summary>
    public float[] LastValues { get; }

    /// <summary>V^c of the observation after the last step, per constraint and environment.</summary>
    public float[][] LastCostValues { get; }

    /// <summary>Episodes finished during the last <see cref="Collect"/>.</summary>
    public List<EpisodeStatistics> Finished { get; } = [];

    public void Collect(RolloutBuffer buffer)
    {
        Finished.Clear();
        var n = _env.Count;
        var o = _env.Spec.ObservationSize;
        var a = _env.Spec.ActionCount;
        var c = _multipliers.Count;
        for (var t = 0; t < buffer.Steps; t++)
        {
            NormalizeCurrent();
            var logits = _model.Policy.Forward(_normalized, n);
            for (var e = 0; e < n; e++)
            {
                var i = (t * n) + e;
                var mask = _env.Masks.AsSpan(e * a, a);
                var row = logits.Slice(e * a, a);
                if (buffer.LogPriors is { } priors)
                {
                    var prior = (_env.LogPriors ?? throw new InvalidOperationException("The rollout expects log-priors; the environments have none.")).AsSpan(e * a, a);
                    prior.CopyTo(priors.AsSpan(i * a, a));
                    TensorPrimitives.Add(row, prior, _logits);
                    row = _logits;
                }

                MaskedCategorical.LogProbabilities(row, mask, _logProbs);
                var action = MaskedCategorical.Sample(_logProbs, mask, _random.NextDouble());
                _actions[e] = action;
                buffer.Actions[i] = action;
                buffer.LogProbabilities[i] = _logProbs[action];
                mask.CopyTo(buffer.Masks.AsSpan(i * a, a));
            }

            _normalized.CopyTo(buffer.Observations.AsSpan(t * n * o, n * o));
            _model.Value.Forward(_normalized, n).CopyTo(buffer.Values.AsSpan(t * n, n));
            if (_model.CostValue is { } costCritic)
            {
                var costValues = costCritic.Forward(_normalized, n);
                for (var e = 0; e < n; e++)
                {
                    for (var k = 0; k < c; k++)
                    {
                        buffer.CostValues[k][(t * n) + e] = costValues[(e * c) + k];
                    }
                }
            }

            _env.Step(_actions, Finished);
            for (var e = 0; e < n; e++)
            {
                var i = (t * n) + e;
                buffer.Rewards[i] = _env.Rewards[e];
                buffer.Dones[i] = _env.Terminated[e] || _env.Truncated[e];
                for (var k = 0; k < c; k++)
                {
                    buffer.Costs[k][i] = _env.Costs[(e * _env.Spec.CostCount) + _multipliers.CostIndices[k]];
                }

                if (_env.Truncated[e] && !_env.Terminated[e])
                {
                    Bootstrap(buffer, e, i);
                }
            }
        }

        NormalizeCurrent();
        _model.Value.Forward(_normalized, n).CopyTo(LastValues);
        if (_model.CostValue is { } critic)
        {
            var costValues = critic.Forward(_normalized, n);
            for (var e = 0; e < n; e++)
            {
                for (var k = 0; k < c; k++)
                {
                    LastCostValues[k][e] = costValues[(e * c) + k];
                }
            }
        }
    }

    private void Bootstrap(RolloutBuffer buffer, int env, int row)
    {
        var o = _env.Spec.ObservationSize;
        Span<float> terminal = stackalloc float[o];
        _observation.Normalize(_env.TerminalObservations.AsSpan(env * o, o), terminal);
        Span<float> scratch = stackalloc float[_model.Value.ScratchSize];
        Span<float> value = stackalloc float[1];
        _model.Value.Infer(terminal, value, scratch);
        buffer.Rewards[row] += (float)(_gamma * value[0]);
        if (_model.CostValue is { } critic)
        {
            Span<float> costScratch = stackalloc float[critic.ScratchSize];
            Span<float> costValues = stackalloc float[critic.OutputSize];
            critic.Infer(terminal, costValues, costScratch);
            for (var k = 0; k < costValues.Length; k++)
            {
                buffer.Costs[k][row] += (float)(_gamma * costValues[k]);
            }
        }
    }

    private void NormalizeCurrent()
    {
        var o = _env.Spec.ObservationSize;
        for (var e = 0; e < _env.Count; e++)
        {
            _observation.Normalize(_env.Observations.AsSpan(e * o, o), _normalized.AsSpan(e * o, o));
        }
    }
}
