using Controller.Learning.Nn;

namespace Controller.Learning.Optim;

internal static class OptimizerChecks
{
    public static void Validate(IReadOnlyList<Parameter> parameters, double learningRate, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0)
        {
            throw new ArgumentException("An optimiser needs at least one parameter.", nameof(parameters));
        }

        if (!(learningRate > 0) || double.IsInfinity(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), $"Learning rate must be positive and finite; got {learningRate}.");
        }

        if (!(epsilon >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), $"Epsilon must be non-negative; got {epsilon}.");
        }
    }

    public static void ZeroGrad(IReadOnlyList<Parameter> parameters)
    {
        foreach (var p in parameters)
        {
            p.ZeroGrad();
        }
    }
}
