using Controller.Learning.Nn;

namespace Controller.Learning.Optim;

/// <summary>
/// Adam exactly as <c>torch.optim.Adam</c> (no weight decay, no amsgrad): <c>m = β₁m + (1−β₁)g</c>,
/// <c>v = β₂v + (1−β₂)g²</c>, <c>θ −= (lr/(1−β₁ᵗ))·m / (√v/√(1−β₂ᵗ) + ε)</c>.
/// </summary>
public sealed class Adam : IOptimizer
{
    private readonly float[][] _m;
    private readonly float[][] _v;
    private long _step;

    public Adam(IReadOnlyList<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        OptimizerChecks.Validate(parameters, learningRate, epsilon);
        if (beta1 is < 0 or >= 1 || beta2 is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), $"Adam betas must lie in [0, 1); got {beta1}, {beta2}.");
        }

        Parameters = parameters;
        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        _m = parameters.Select(p => new float[p.Length]).ToArray();
        _v = parameters.Select(p => new float[p.Length]).ToArray();
    }

    public IReadOnlyList<Parameter> Parameters { get; }

    public double LearningRate { get; set; }

    public double Beta1 { get; }

    public double Beta2 { get; }

    public double Epsilon { get; }

    public void Step()
    {
        _step++;
        var b1 = (float)Beta1;
        var b2 = (float)Beta2;
        var biasCorrection1 = 1.0 - Math.Pow(Beta1, _step);
        var biasCorrection2Sqrt = (float)Math.Sqrt(1.0 - Math.Pow(Beta2, _step));
        var stepSize = (float)(LearningRate / biasCorrection1);
        var eps = (float)Epsilon;
        for (var p = 0; p < Parameters.Count; p++)
        {
            var value = Parameters[p].Value;
            var grad = Parameters[p].Grad;
            var m = _m[p];
            var v = _v[p];
            for (var i = 0; i < value.Length; i++)
            {
                var g = grad[i];
                m[i] = (b1 * m[i]) + ((1f - b1) * g);
                v[i] = (b2 * v[i]) + ((1f - b2) * g * g);
                var denominator = (MathF.Sqrt(v[i]) / biasCorrection2Sqrt) + eps;
                value[i] -= stepSize * m[i] / denominator;
            }
        }
    }

    public void ZeroGrad() => OptimizerChecks.ZeroGrad(Parameters);
}
