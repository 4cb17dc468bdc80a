namespace Controller.Learning.Algorithms;

internal static class HyperparameterChecks
{
    /// <summary>The checks every on-policy record shares; each record then checks its own fields.</summary>
    public static void OnPolicy(IOnPolicyHyperparameters hp)
    {
        Positive(nameof(hp.LearningRate), hp.LearningRate);
        AtLeast(nameof(hp.StepsPerRollout), hp.StepsPerRollout, 1);
        Unit(nameof(hp.Gamma), hp.Gamma);
        Unit(nameof(hp.GaeLambda), hp.GaeLambda);
        NonNegative(nameof(hp.EntropyCoefficient), hp.EntropyCoefficient);
        NonNegative(nameof(hp.ValueCoefficient), hp.ValueCoefficient);
        Positive(nameof(hp.MaxGradNorm), hp.MaxGradNorm);
        Hidden(hp.Hidden);
    }

    public static void Positive(string name, double value)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentException($"Hyperparameter {name} must be positive and finite; got {value}.", name);
        }
    }

    public static void NonNegative(string name, double value)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentException($"Hyperparameter {name} must be non-negative and finite; got {value}.", name);
        }
    }

    public static void Unit(string name, double value)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentException($"Hyperparameter {name} must lie in [0, 1]; got {value}.", name);
        }
    }

    public static void AtLeast(string name, int value, int minimum)
    {
        if (value < minimum)
        {
            throw new ArgumentException($"Hyperparameter {name} must be at least {minimum}; got {value}.", name);
        }
    }

    public static void Hidden(IReadOnlyList<int> hidden)
    {
        if (hidden.Any(h => h < 1))
        {
            throw new ArgumentException($"Hyperparameter HiddenSizes must be positive; got [{string.Join(", ", hidden)}].", "HiddenSizes");
        }
    }
}
