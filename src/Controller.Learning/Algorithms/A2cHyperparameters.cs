using Controller.Learning.Nn;

namespace Controller.Learning.Algorithms;

/// <summary>
/// A2C (synchronous advantage actor-critic). Defaults are Stable-Baselines3 2.x's <c>A2C</c> defaults, which TMO used
/// unchanged (shared/reference/tmo.md).
/// </summary>
/// <param name="LearningRate">RMSprop step size. 7e-4: SB3 default, TMO setting.</param>
/// <param name="FinalLearningRate">When set, linear decay to this; null keeps it constant (SB3 default).</param>
/// <param name="StepsPerRollout">Steps per environment per update (<c>n_steps</c>). 5: SB3 default, TMO setting.</param>
/// <param name="Gamma">Discount. 0.99: SB3 default, TMO setting.</param>
/// <param name="GaeLambda">GAE λ; 1.0 is the plain n-step return. 1.0: SB3 default, TMO setting.</param>
/// <param name="NormalizeAdvantage">Standardise advantages per update. false: SB3 default.</param>
/// <param name="EntropyCoefficient">Weight of the entropy bonus. 0.0: SB3 default.</param>
/// <param name="ValueCoefficient">Weight of the value (and cost-value) loss. 0.5: SB3 default.</param>
/// <param name="MaxGradNorm">Global gradient-norm clip. 0.5: SB3 default.</param>
/// <param name="RmsPropAlpha">RMSprop smoothing α. 0.99: SB3 default, TMO setting.</param>
/// <param name="RmsPropEpsilon">RMSprop ε. 1e-5: SB3 default (<c>rms_prop_eps</c>), TMO setting.</param>
/// <param name="HiddenSizes">Hidden layers of policy and critics. [64, 64]: SB3 default, TMO setting.</param>
/// <param name="Activation">Hidden activation. Tanh: SB3 default.</param>
public sealed record A2cHyperparameters(
    double LearningRate = 7e-4,
    double? FinalLearningRate = null,
    int StepsPerRollout = 5,
    double Gamma = 0.99,
    double GaeLambda = 1.0,
    bool NormalizeAdvantage = false,
    double EntropyCoefficient = 0.0,
    double ValueCoefficient = 0.5,
    double MaxGradNorm = 0.5,
    double RmsPropAlpha = 0.99,
    double RmsPropEpsilon = 1e-5,
    IReadOnlyList<int>? HiddenSizes = null,
    Activation Activation = Activation.Tanh) : IOnPolicyHyperparameters
{
    public IReadOnlyList<int> Hidden => HiddenSizes ?? [64, 64];

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        // RMSprop's own settings are checked by RmsProp itself.
        HyperparameterChecks.OnPolicy(this);
    }
}
