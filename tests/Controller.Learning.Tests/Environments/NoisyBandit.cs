using Controller.Learning.Environments;

namespace Controller.Learning.Tests.Environments;

/// <summary>
/// One-step episodes: a context drawn with given probabilities and observed one-hot; the reward of an action is its
/// table mean plus Gaussian noise. As an <see cref="IActionPrior"/> it offers <see cref="PriorSharpness"/> × a model table,
/// which may be the true means or deliberately wrong ones.
/// </summary>
internal sealed class NoisyBandit : IEnvironment, IActionPrior
{
    private readonly double[] _contextProbabilities;
    private readonly float[,] _means;
    private readonly float[,] _model;
    private readonly double _noise;
    private Random _random = new(0);
    private int _context;
    private int _steps;

    /// <param name="contextProbabilities">How often each context comes up (sums to 1).</param>
    /// <param name="means">[context, action] mean rewards.</param>
    /// <param name="noise">Standard deviation of the reward noise.</param>
    /// <param name="model">[context, action] table the prior is made of; the true means when null.</param>
    public NoisyBandit(double[] contextProbabilities, float[,] means, double noise, float[,]? model = null)
    {
        _contextProbabilities = contextProbabilities;
        _means = means;
        _model = model ?? means;
        _noise = noise;
        Spec = new EnvironmentSpec(means.GetLength(0), means.GetLength(1), []);
    }

    public EnvironmentSpec Spec { get; }

    /// <summary>Steps per episode (a new context is drawn at every step); 1 by default.</summary>
    public int StepsPerEpisode { get; init; } = 1;

    /// <summary>β of the log-prior β·model(context, a).</summary>
    public double PriorSharpness { get; init; } = 1;

    public void Reset(int? seed, Span<float> observation, Span<bool> actionMask)
    {
        if (seed is { } s)
        {
            _random = new Random(s);
        }

        _steps = 0;
        DrawContext(observation, actionMask);
    }

    /// <summary>Puts the bandit in <paramref name="context"/> (for reading the model or prior of a given context).</summary>
    public void ResetTo(int context, Span<float> observation, Span<bool> actionMask)
    {
        _context = context;
        observation.Clear();
        observation[_context] = 1f;
        actionMask.Fill(true);
    }

    public StepResult Step(int action, Span<float> observation, Span<bool> actionMask, Span<float> costs)
    {
        // Box–Muller: one standard normal draw per step.
        var normal = Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
        var reward = (float)(_means[_context, action] + (_noise * normal));
        _steps++;
        var done = _steps >= StepsPerEpisode;
        if (!done)
        {
            DrawContext(observation, actionMask);
        }

        return new StepResult(reward, Terminated: done, Truncated: false);
    }

    public void WriteLogPrior(Span<float> logPrior)
    {
        for (var a = 0; a < logPrior.Length; a++)
        {
            logPrior[a] = (float)(PriorSharpness * _model[_context, a]);
        }
    }

    private void DrawContext(Span<float> observation, Span<bool> actionMask)
    {
        var u = _random.NextDouble();
        _context = 0;
        while (_context < _contextProbabilities.Length - 1 && u >= _contextProbabilities[_context])
        {
            u -= _contextProbabilities[_context];
            _context++;
        }

        observation.Clear();
        observation[_context] = 1f;
        actionMask.Fill(true);
    }
}
