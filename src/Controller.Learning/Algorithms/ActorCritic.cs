using System.Numerics.Tensors;
using Controller.Learning.Buffers;
using Controller.Learning.Distributions;
using Controller.Learning.Nn;

namespace Controller.Learning.Algorithms;

/// <summary>
/// Separate policy (<c>pi</c>), value (<c>vf</c>) and, for constrained training, cost-value (<c>cost_vf</c>, one output
/// per constraint) networks over the same observation, as SB3's <c>MlpPolicy</c> with separate actor and critic
/// networks plus OmniSafe-style cost critics. <see cref="Evaluate"/> and <see cref="Backward"/> are the batched
/// training path; the per-sample loss coefficients come from each algorithm.
/// </summary>
public sealed class ActorCritic
{
    private float[] _logitGrad = [];
    private float[] _valueGrad = [];
    private float[] _costValueGrad = [];
    private float[] _priorLogits = [];

    private ActorCritic(Mlp policy, Mlp value, Mlp? costValue)
    {
        Policy = policy;
        Value = value;
        CostValue = costValue;
        Parameters = policy.Parameters.Concat(value.Parameters).Concat(costValue?.Parameters ?? []).ToArray();
    }

    public Mlp Policy { get; }

    public Mlp Value { get; }

    /// <summary>Cost critic with one output per constraint; null when training is unconstrained.</summary>
    public Mlp? CostValue { get; }

    public IReadOnlyList<Parameter> Parameters { get; }

    public int ObservationSize => Policy.InputSize;

    public int ActionCount => Policy.OutputSize;

    public int ConstraintCount => CostValue?.OutputSize ?? 0;

    /// <summary>Log-probabilities of every action, <c>[batch, ActionCount]</c>, from the last <see cref="Evaluate"/>.</summary>
    public float[] LogProbabilities { get; private set; } = [];

    /// <summary>Log-probability of the given action per sample, from the last <see cref="Evaluate"/>.</summary>
    public float[] ActionLogProbabilities { get; private set; } = [];

    /// <summary>Policy entropy per sample (nats), from the last <see cref="Evaluate"/>.</summary>
    public float[] Entropies { get; private set; } = [];

    /// <summary>Value estimate per sample, from the last <see cref="Evaluate"/>.</summary>
    public float[] Values { get; private set; } = [];

    /// <summary>Cost-value estimates, <c>[batch, ConstraintCount]</c>, from the last <see cref="Evaluate"/>.</summary>
    public float[] CostValues { get; private set; } = [];

    private bool[] MasksOfLastBatch { get; set; } = [];

    private int[] ActionsOfLastBatch { get; set; } = [];

    private int BatchOfLast { get; set; }

    /// <summary>Builds the networks SB3-style: orthogonal init, gain √2 hidden, 0.01 on the action head, 1 on value heads.</summary>
    public static ActorCritic Create(int observationSize, int actionCount, int constraintCount, IReadOnlyList<int> hidden, Activation activation, Random random)
    {
        var policy = Mlp.Create("pi", observationSize, hidden, actionCount, activation, WeightInit.PolicyHead, random);
        var value = Mlp.Create("vf", observationSize, hidden, 1, activation, WeightInit.ValueHead, random);
        var costValue = constraintCount > 0
            ? Mlp.Create("cost_vf", observationSize, hidden, constraintCount, activation, WeightInit.ValueHead, random)
            : null;
        return new ActorCritic(policy, value, costValue);
    }

    /// <summary>The forward pass (<see cref="Evaluate(ReadOnlySpan{float}, ReadOnlySpan{bool}, ReadOnlySpan{int}, int, ReadOnlySpan{float})"/>) over a gathered minibatch, with its log-priors when it has them.</summary>
    internal void EvaluateBatch(Minibatch batch)
    {
        var n = batch.Size;
        Evaluate(batch.Observations.AsSpan(0, n * batch.ObservationSize), batch.Masks.AsSpan(0, n * batch.ActionCount), batch.Actions.AsSpan(0, n), n,
            batch.LogPriors is { } priors ? priors.AsSpan(0, n * batch.ActionCount) : default);
    }

    /// <summary>
    /// Forward pass of all networks over a batch: fills <see cref="LogProbabilities"/>, <see cref="ActionLogProbabilities"/>,
    /// <see cref="Entropies"/>, <see cref="Values"/> and <see cref="CostValues"/>. <paramref name="logPriors"/>, when not empty,
    /// is added to the policy's logits first (<c>[batch, ActionCount]</c>; see <see cref="TrainingSetup.StateLogPrior"/>).
    /// </summary>
    public void Evaluate(ReadOnlySpan<float> observations, ReadOnlySpan<bool> masks, ReadOnlySpan<int> actions, int batchSize,
        ReadOnlySpan<float> logPriors = default)
    {
        EnsureCapacity(batchSize);
        var a = ActionCount;
        if (!logPriors.IsEmpty && logPriors.Length < batchSize * a)
        {
            throw new ArgumentException($"Log-priors hold {logPriors.Length} values; a batch of {batchSize} × {a} actions needs {batchSize * a}.", nameof(logPriors));
        }

        var logits = Policy.Forward(observations, batchSize);
        for (var b = 0; b < batchSize; b++)
        {
            var mask = masks.Slice(b * a, a);
            var logProbs = LogProbabilities.AsSpan(b * a, a);
            var row = logits.Slice(b * a, a);
            if (!logPriors.IsEmpty)
            {
                // The prior is a constant offset, so ∂log π/∂logits is unchanged and Backward needs no change.
                TensorPrimitives.Add(row, logPriors.Slice(b * a, a), _priorLogits);
                row = _priorLogits;
            }

            MaskedCategorical.LogProbabilities(row, mask, logProbs);
            var action = actions[b];
            if (!mask[action])
            {
                throw new ArgumentException($"Sample {b}: action {action} is masked out.", nameof(actions));
            }

            ActionLogProbabilities[b] = logProbs[action];
            Entropies[b] = MaskedCategorical.Entropy(logProbs, mask);
        }

        Value.Forward(observations, batchSize).CopyTo(Values);
        if (CostValue is not null)
        {
            CostValue.Forward(observations, batchSize).CopyTo(CostValues);
        }

        masks[..(batchSize * a)].CopyTo(MasksOfLastBatch);
        actions[..batchSize].CopyTo(ActionsOfLastBatch);
        BatchOfLast = batchSize;
    }

    /// <summary>
    /// Back-propagates a loss given its derivatives per sample: <c>∂L/∂log π(a_b)</c>, <c>∂L/∂H_b</c>, <c>∂L/∂V_b</c> and
    /// <c>∂L/∂V^c_{b,k}</c> (empty when there is no cost critic). Accumulates into <see cref="Parameters"/>' gradients.
    /// </summary>
    public void Backward(ReadOnlySpan<float> logProbGrad, ReadOnlySpan<float> entropyGrad, ReadOnlySpan<float> valueGrad, ReadOnlySpan<float> costValueGrad)
    {
        var batch = BatchOfLast;
        var a = ActionCount;
        var logitGrad = _logitGrad.AsSpan(0, batch * a);
        logitGrad.Clear();
        for (var b = 0; b < batch; b++)
        {
            var logProbs = LogProbabilities.AsSpan(b * a, a);
            var mask = MasksOfLastBatch.AsSpan(b * a, a);
            var row = logitGrad.Slice(b * a, a);
            MaskedCategorical.AccumulateLogProbGradient(logProbs, mask, ActionsOfLastBatch[b], logProbGrad[b], row);
            if (entropyGrad[b] != 0f)
            {
                MaskedCategorical.AccumulateEntropyGradient(logProbs, mask, entropyGrad[b], row);
            }
        }

        Policy.Backward(logitGrad);
        valueGrad[..batch].CopyTo(_valueGrad);
        Value.Backward(_valueGrad.AsSpan(0, batch));
        if (CostValue is not null)
        {
            costValueGrad[..(batch * ConstraintCount)].CopyTo(_costValueGrad);
            CostValue.Backward(_costValueGrad.AsSpan(0, batch * ConstraintCount));
        }
    }

    public void ZeroGrad()
    {
        foreach (var p in Parameters)
        {
            p.ZeroGrad();
        }
    }

    private void EnsureCapacity(int batch)
    {
        if (Values.Length >= batch)
        {
            return;
        }

        LogProbabilities = new float[batch * ActionCount];
        ActionLogProbabilities = new float[batch];
        Entropies = new float[batch];
        Values = new float[batch];
        CostValues = new float[batch * ConstraintCount];
        MasksOfLastBatch = new bool[batch * ActionCount];
        ActionsOfLastBatch = new int[batch];
        _logitGrad = new float[batch * ActionCount];
        _valueGrad = new float[batch];
        _costValueGrad = new float[batch * ConstraintCount];
        _priorLogits = new float[ActionCount];
    }
}
