using Controller.Learning.Algorithms;
using Controller.Learning.Backends;
using Controller.Learning.Buffers;
using global::TorchSharp;
using global::TorchSharp.Modules;
using static global::TorchSharp.torch;

namespace Controller.Learning.TorchSharp;

/// <summary>
/// PPO's and A2C's update in libtorch: the policy, value and cost-value networks as <c>nn.Sequential</c> copies of the
/// managed ones, the loss written as PyTorch/SB3 write it (autograd supplies the gradients), <c>clip_grad_norm_</c>,
/// and <c>torch.optim.Adam</c> (PPO) or <c>RMSprop</c> (A2C). Collection and export keep using the managed
/// <see cref="ActorCritic"/>, which <see cref="CopyWeightsTo"/> refreshes once per rollout.
/// </summary>
internal sealed class TorchActorCriticUpdater : IActorCriticUpdater
{
    // Masked logits: finite, so 0·logit stays 0 in the entropy and its gradient (−∞ would give NaN); exp underflows to 0.
    private const float MaskedLogit = -1e9f;

    private readonly bool _ppo;
    private readonly double _clipRange;
    private readonly double _entropyCoefficient;
    private readonly double _valueCoefficient;
    private readonly bool _normalizeAdvantage;
    private readonly double _maxGradNorm;
    private readonly TorchMlp _policy;
    private readonly TorchMlp _value;
    private readonly TorchMlp? _costValue;
    private readonly Parameter[] _parameters;
    private readonly optim.Optimizer _optimizer;
    private double _learningRate;

    /// <summary>PPO: the clipped loss and SB3's Adam.</summary>
    public TorchActorCriticUpdater(ActorCritic model, PpoHyperparameters hp)
        : this(model, ppo: true, hp.ClipRange, hp.EntropyCoefficient, hp.ValueCoefficient, hp.NormalizeAdvantage, hp.MaxGradNorm, hp.LearningRate,
            parameters => TorchOptimizers.Adam(parameters, hp.LearningRate, hp.AdamEpsilon))
    {
    }

    /// <summary>A2C: the policy-gradient loss and SB3's RMSprop.</summary>
    public TorchActorCriticUpdater(ActorCritic model, A2cHyperparameters hp)
        : this(model, ppo: false, clipRange: 0, hp.EntropyCoefficient, hp.ValueCoefficient, hp.NormalizeAdvantage, hp.MaxGradNorm, hp.LearningRate,
            parameters => TorchOptimizers.RmsProp(parameters, hp.LearningRate, hp.RmsPropAlpha, hp.RmsPropEpsilon))
    {
    }

    private TorchActorCriticUpdater(
        ActorCritic model, bool ppo, double clipRange, double entropyCoefficient, double valueCoefficient, bool normalizeAdvantage, double maxGradNorm,
        double learningRate, Func<Parameter[], optim.Optimizer> createOptimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        _ppo = ppo;
        _clipRange = clipRange;
        _entropyCoefficient = entropyCoefficient;
        _valueCoefficient = valueCoefficient;
        _normalizeAdvantage = normalizeAdvantage;
        _maxGradNorm = maxGradNorm;
        _policy = new TorchMlp(model.Policy);
        _value = new TorchMlp(model.Value);
        _costValue = model.CostValue is { } cost ? new TorchMlp(cost) : null;
        _parameters = _policy.Parameters.Concat(_value.Parameters).Concat(_costValue?.Parameters ?? []).ToArray();
        _learningRate = learningRate;
        _optimizer = createOptimizer(_parameters);
    }

    public double LearningRate
    {
        get => _learningRate;
        set
        {
            _learningRate = value;
            foreach (var group in _optimizer.ParamGroups)
            {
                group.LearningRate = value;
            }
        }
    }

    /// <summary>(managed name, torch parameter) of every network, in <see cref="ActorCritic.Parameters"/>' order; tests read gradients here.</summary>
    public IEnumerable<(string Name, Parameter Parameter)> NamedParameters =>
        _policy.NamedParameters.Concat(_value.NamedParameters).Concat(_costValue?.NamedParameters ?? []);

    public ActorCriticLossStatistics Step(Minibatch batch, ReadOnlySpan<double> lambdas)
    {
        using var scope = NewDisposeScope();
        var statistics = ComputeLossAndGradients(batch, lambdas);
        nn.utils.clip_grad_norm_(_parameters, _maxGradNorm);
        _optimizer.step();
        return statistics;
    }

    /// <summary>Zeroes the gradients, then evaluates the loss on <paramref name="batch"/> and back-propagates it.</summary>
    public ActorCriticLossStatistics ComputeLossAndGradients(Minibatch batch, ReadOnlySpan<double> lambdas)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var (n, o, a, c) = (batch.Size, batch.ObservationSize, batch.ActionCount, batch.ConstraintCount);
        if (lambdas.Length != c)
        {
            throw new ArgumentException($"{lambdas.Length} multipliers for {c} constraints.", nameof(lambdas));
        }

        using var scope = NewDisposeScope();
        _optimizer.zero_grad();
        var capacity = batch.Actions.Length;
        var observations = tensor(batch.Observations, [capacity, o]).narrow(0, 0, n);
        var masks = tensor(batch.Masks, [capacity, a]).narrow(0, 0, n);
        var actions = tensor(batch.Actions.Select(x => (long)x).ToArray(), [capacity]).narrow(0, 0, n);

        // Policy: masked log-softmax over the logits (plus the state log-prior when the rollout carries one).
        var logits = _policy.Forward(observations);
        if (batch.LogPriors is { } priors)
        {
            logits = logits + tensor(priors, [capacity, a]).narrow(0, 0, n);
        }

        var logProbs = logits.masked_fill(masks.logical_not(), MaskedLogit).log_softmax(1);
        var actionLogProbs = logProbs.gather(1, actions.unsqueeze(1)).squeeze(1);
        var entropy = -where(masks, logProbs.exp() * logProbs, zeros_like(logProbs)).sum(1);

        // Lagrangian advantage (A − Σ λ_k A^c_k) / (1 + Σ λ_k), standardised with the unbiased std as SB3.
        var advantages = tensor(batch.Advantages, [capacity]).narrow(0, 0, n);
        var lambdaSum = 0.0;
        if (c > 0)
        {
            var lambdaValues = new float[c];
            for (var k = 0; k < c; k++)
            {
                lambdaValues[k] = (float)lambdas[k];
            }

            var lambdaTensor = tensor(lambdaValues, [c]);
            var costAdvantages = tensor(batch.CostAdvantages, [capacity, c]).narrow(0, 0, n);
            advantages = advantages - (costAdvantages * lambdaTensor).sum(1);
            foreach (var l in lambdas)
            {
                lambdaSum += l;
            }
        }

        advantages = advantages / (1 + lambdaSum);
        if (_normalizeAdvantage && n > 1)
        {
            advantages = (advantages - advantages.mean()) / (advantages.std() + 1e-8);
        }

        Tensor policyLoss;
        double approxKl = 0, clipFraction = 0;
        if (_ppo)
        {
            var oldLogProbs = tensor(batch.OldLogProbabilities, [capacity]).narrow(0, 0, n);
            var logRatio = actionLogProbs - oldLogProbs;
            var ratio = logRatio.exp();
            policyLoss = -minimum(advantages * ratio, advantages * ratio.clamp(1 - _clipRange, 1 + _clipRange)).mean();
            using (no_grad())
            {
                approxKl = ((ratio - 1) - logRatio).mean().item<float>();
                clipFraction = (ratio - 1).abs().gt(_clipRange).to_type(ScalarType.Float32).mean().item<float>();
            }
        }
        else
        {
            policyLoss = -(advantages * actionLogProbs).mean();
        }

        var entropyLoss = -entropy.mean();

        // Critics: MSE to the returns, and the sum over constraints of each cost critic's MSE.
        var valueLoss = nn.functional.mse_loss(_value.Forward(observations).squeeze(1), tensor(batch.Returns, [capacity]).narrow(0, 0, n));
        var costValueLoss = zeros(1).squeeze();
        if (_costValue is not null)
        {
            var costReturns = tensor(batch.CostReturns, [capacity, c]).narrow(0, 0, n);
            costValueLoss = (_costValue.Forward(observations) - costReturns).square().mean(dimensions: [0L]).sum();
        }

        var loss = policyLoss + (_entropyCoefficient * entropyLoss) + (_valueCoefficient * (valueLoss + costValueLoss));
        loss.backward();
        return new ActorCriticLossStatistics(
            policyLoss.item<float>(), valueLoss.item<float>(), costValueLoss.item<float>(), entropyLoss.item<float>(), loss.item<float>(), approxKl, clipFraction);
    }

    public void CopyWeightsTo(ActorCritic model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _policy.CopyTo(model.Policy);
        _value.CopyTo(model.Value);
        if (_costValue is not null && model.CostValue is not null)
        {
            _costValue.CopyTo(model.CostValue);
        }
    }
}
