using Controller.Learning.Nn;

namespace Controller.Learning.Algorithms;

/// <summary>
/// PPO (clipped surrogate, GAE). Defaults are Stable-Baselines3 2.x's <c>PPO</c> defaults, which TMO used unchanged
/// (shared/reference/tmo.md, "Training and evaluation protocol").
/// </summary>
/// <param name="LearningRate">Adam step size. 3e-4: SB3 default, TMO setting.</param>
/// <param name="FinalLearningRate">When set, the rate decays linearly to this at the end; null keeps it constant (SB3 default).</param>
/// <param name="StepsPerRollout">Steps per environment per rollout (<c>n_steps</c>). 2048: SB3 default, TMO setting.</param>
/// <param name="MinibatchSize">Samples per gradient step (<c>batch_size</c>). 64: SB3 default, TMO setting.</param>
/// <param name="Epochs">Passes over each rollout (<c>n_epochs</c>). 10: SB3 default, TMO setting.</param>
/// <param name="Gamma">Discount. 0.99: SB3 default, TMO setting.</param>
/// <param name="GaeLambda">GAE λ. 0.95: SB3 default, TMO setting.</param>
/// <param name="ClipRange">Ratio clip ε. 0.2: SB3 default, TMO setting.</param>
/// <param name="NormalizeAdvantage">Standardise advantages per minibatch (unbiased std, +1e-8). true: SB3 default.</param>
/// <param name="EntropyCoefficient">Weight of the entropy bonus. 0.0: SB3 default.</param>
/// <param name="ValueCoefficient">Weight of the value (and cost-value) loss. 0.5: SB3 default, TMO setting.</param>
/// <param name="MaxGradNorm">Global gradient-norm clip. 0.5: SB3 default, TMO setting.</param>
/// <param name="AdamEpsilon">Adam ε. 1e-5: SB3's <c>ActorCriticPolicy</c> sets it when the optimiser is Adam.</param>
/// <param name="HiddenSizes">Hidden layers of the policy and of each critic (separate networks). [64, 64]: SB3 default, TMO setting.</param>
/// <param name="Activation">Hidden activation. Tanh: SB3 default for actor-critic policies.</param>
public sealed record PpoHyperparameters(
    double LearningRate = 3e-4,
    double? FinalLearningRate = null,
    int StepsPerRollout = 2048,
    int MinibatchSize = 64,
    int Epochs = 10,
    double Gamma = 0.99,
    double GaeLambda = 0.95,
    double ClipRange = 0.2,
    bool NormalizeAdvantage = true,
    double EntropyCoefficient = 0.0,
    double ValueCoefficient = 0.5,
    double MaxGradNorm = 0.5,
    double AdamEpsilon = 1e-5,
    IReadOnlyList<int>? HiddenSizes = null,
    Activation Activation = Activation.Tanh) : IOnPolicyHyperparameters
{
    /// <summary>Hidden sizes with the default applied.</summary>
    public IReadOnlyList<int> Hidden => HiddenSizes ?? [64, 64];

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        HyperparameterChecks.OnPolicy(this);
        HyperparameterChecks.AtLeast(nameof(MinibatchSize), MinibatchSize, 1);
        HyperparameterChecks.AtLeast(nameof(Epochs), Epochs, 1);
        HyperparameterChecks.Positive(nameof(ClipRange), ClipRange);
    }
}
