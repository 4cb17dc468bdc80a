using Controller.Learning.Nn;

namespace Controller.Learning.Algorithms;

/// <summary>
/// DQN with an optional double-DQN target. Defaults are Stable-Baselines3 2.x's <c>DQN</c> defaults, which TMO used
/// unchanged (shared/reference/tmo.md), except where a field names another source.
/// </summary>
/// <param name="LearningRate">Adam step size. 1e-4: SB3 default, TMO setting.</param>
/// <param name="BufferSize">Replay capacity in transitions. 1,000,000: SB3 default (storage is sized to min(this, total steps)).</param>
/// <param name="LearningStarts">Steps of pure collection before updates. 100: SB3 default, TMO setting.</param>
/// <param name="BatchSize">Transitions per gradient step. 32: SB3 default, TMO setting.</param>
/// <param name="Tau">Target update coefficient; 1 copies. 1.0: SB3 default.</param>
/// <param name="Gamma">Discount. 0.99: SB3 default, TMO setting.</param>
/// <param name="TrainFrequency">Environment steps between updates. 4: SB3 default, TMO setting.</param>
/// <param name="GradientSteps">Gradient steps per update. 1: SB3 default.</param>
/// <param name="TargetUpdateInterval">Environment steps between target updates. 10,000: SB3 default, TMO setting.</param>
/// <param name="ExplorationFraction">Share of training over which ε decays. 0.1: SB3 default, TMO setting.</param>
/// <param name="ExplorationInitialEpsilon">ε at the start. 1.0: SB3 default, TMO setting.</param>
/// <param name="ExplorationFinalEpsilon">ε after the decay. 0.05: SB3 default, TMO setting.</param>
/// <param name="MaxGradNorm">Global gradient-norm clip. 10: SB3 default.</param>
/// <param name="DoubleDqn">Select the next action with the online network, evaluate it with the target (van Hasselt 2016). false: SB3 has no such option.</param>
/// <param name="MultiplierUpdateInterval">RC-DQN: environment steps between Lagrange updates. 500: this project's choice (DQN has no rollout to key it to).</param>
/// <param name="AdamEpsilon">Adam ε. 1e-8: PyTorch default, which SB3's DQN policy keeps.</param>
/// <param name="HiddenSizes">Hidden layers of the Q-network. [64, 64]: SB3 default, TMO setting.</param>
/// <param name="Activation">Hidden activation. ReLU: SB3 default for DQN.</param>
public sealed record DqnHyperparameters(
    double LearningRate = 1e-4,
    int BufferSize = 1_000_000,
    int LearningStarts = 100,
    int BatchSize = 32,
    double Tau = 1.0,
    double Gamma = 0.99,
    int TrainFrequency = 4,
    int GradientSteps = 1,
    int TargetUpdateInterval = 10_000,
    double ExplorationFraction = 0.1,
    double ExplorationInitialEpsilon = 1.0,
    double ExplorationFinalEpsilon = 0.05,
    double MaxGradNorm = 10.0,
    bool DoubleDqn = false,
    int MultiplierUpdateInterval = 500,
    double AdamEpsilon = 1e-8,
    IReadOnlyList<int>? HiddenSizes = null,
    Activation Activation = Activation.Relu)
{
    public IReadOnlyList<int> Hidden => HiddenSizes ?? [64, 64];

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        HyperparameterChecks.Positive(nameof(LearningRate), LearningRate);
        HyperparameterChecks.AtLeast(nameof(BufferSize), BufferSize, 1);
        HyperparameterChecks.AtLeast(nameof(LearningStarts), LearningStarts, 0);
        HyperparameterChecks.AtLeast(nameof(BatchSize), BatchSize, 1);
        HyperparameterChecks.Unit(nameof(Tau), Tau);
        HyperparameterChecks.Unit(nameof(Gamma), Gamma);
        HyperparameterChecks.AtLeast(nameof(TrainFrequency), TrainFrequency, 1);
        HyperparameterChecks.AtLeast(nameof(GradientSteps), GradientSteps, 1);
        HyperparameterChecks.AtLeast(nameof(TargetUpdateInterval), TargetUpdateInterval, 1);
        HyperparameterChecks.Unit(nameof(ExplorationFraction), ExplorationFraction);
        HyperparameterChecks.Unit(nameof(ExplorationInitialEpsilon), ExplorationInitialEpsilon);
        HyperparameterChecks.Unit(nameof(ExplorationFinalEpsilon), ExplorationFinalEpsilon);
        HyperparameterChecks.Positive(nameof(MaxGradNorm), MaxGradNorm);
        HyperparameterChecks.AtLeast(nameof(MultiplierUpdateInterval), MultiplierUpdateInterval, 1);
        HyperparameterChecks.Hidden(Hidden);
    }
}
