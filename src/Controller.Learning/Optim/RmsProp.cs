using Controller.Learning.Nn;

namespace Controller.Learning.Optim;

/// <summary>
/// RMSprop exactly as <c>torch.optim.RMSprop</c> (not centred, no momentum): <c>v = αv + (1−α)g²</c>,
/// <c>θ −= lr·g / (√v + ε)</c>. SB3's A2C uses α = 0.99, ε = 1e-5.
/// </summary>
public sealed class RmsProp : IOptimizer
{
    private readonly float[][] _v;

    public RmsProp(IReadOnlyList<Parameter> parameters, double learningRate, double alpha = 0.99, double epsilon = 1e-8)
    {
        OptimizerChecks.Validate(parameters, learningRate, epsilon);
        if (alpha is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), $"RMSprop alpha must lie in [0, 1); got {alpha}.");
        }

        Parameters = parameters;
        LearningRate = learningRate;
        Alpha = alpha;
        Epsilon = epsilon;
        _v = parameters.Select(p => new float[p.Length]).ToArray();
    }

    public IReadOnlyList<Parameter> Parameters { get; }

    public double LearningRate { get; set; }

    public double Alpha { get; }

    public double Epsilon { get; }

    public void Step()
    {
        var a = (float)Alpha;
        var lr = (float)LearningRate;
        var eps = (float)Epsilon;
        for (var p = 0; p < Parameters.Count; p++)
        {
            var value = Parameters[p].Value;
            var grad = Parameters[p].Grad;
            var v = _v[p];
            for (var i = 0; i < value.Length; i++)
            {
                var g = grad[i];
                v[i] = (a * v[i]) + ((1f - a) * g * g);
                value[i] -= lr * g / (MathF.Sqrt(v[i]) + eps);
            }
        }
    }

    public void ZeroGrad() => OptimizerChecks.ZeroGrad(Parameters);
}
