using Controller.Learning.Nn;

namespace Controller.Learning.Algorithms;

/// <summary>
/// The hyperparameters <see cref="OnPolicyAlgorithm{THyperparameters}"/>'s shared loop reads; each algorithm's record
/// (<see cref="PpoHyperparameters"/>, <see cref="A2cHyperparameters"/>) documents its own defaults and their sources.
/// </summary>
public interface IOnPolicyHyperparameters
{
    /// <summary>Optimiser step size at the start of training.</summary>
    double LearningRate { get; }

    /// <summary>When set, the step size decays linearly to this at the end; null keeps it constant.</summary>
    double? FinalLearningRate { get; }

    /// <summary>Steps per environment per rollout (<c>n_steps</c>).</summary>
    int StepsPerRollout { get; }

    /// <summary>Discount.</summary>
    double Gamma { get; }

    /// <summary>GAE λ.</summary>
    double GaeLambda { get; }

    /// <summary>Standardise advantages before the policy loss.</summary>
    bool NormalizeAdvantage { get; }

    /// <summary>Weight of the entropy bonus.</summary>
    double EntropyCoefficient { get; }

    /// <summary>Weight of the value (and cost-value) loss.</summary>
    double ValueCoefficient { get; }

    /// <summary>Global gradient-norm clip.</summary>
    double MaxGradNorm { get; }

    /// <summary>Hidden layers of the policy and of each critic.</summary>
    IReadOnlyList<int> Hidden { get; }

    /// <summary>Hidden activation.</summary>
    Activation Activation { get; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field.</summary>
    void Validate();
}
