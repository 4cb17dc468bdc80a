using Controller.Learning.Environments;

namespace Controller.Benchmarks.Learning;

/// <summary>Random observations and masks of TMO's shape (25 features, 9 actions), for sizing learners in benchmarks.</summary>
internal sealed class SyntheticEnvironment(int observationSize, int actionCount) : IEnvironment
{
    private Random _random = new(0);

    public EnvironmentSpec Spec { get; } = new(observationSize, actionCount, []);

    public void Reset(int? seed, Span<float> observation, Span<bool> actionMask)
    {
        if (seed is { } s)
        {
            _random = new Random(s);
        }

        Observe(observation, actionMask);
    }

    public StepResult Step(int action, Span<float> observation, Span<bool> actionMask, Span<float> costs)
    {
        Observe(observation, actionMask);
        return new StepResult((float)_random.NextDouble(), Terminated: _random.NextDouble() < 0.25, Truncated: false);
    }

    private void Observe(Span<float> observation, Span<bool> actionMask)
    {
        for (var i = 0; i < observation.Length; i++)
        {
            observation[i] = (float)((_random.NextDouble() * 2) - 1);
        }

        for (var a = 0; a < actionMask.Length; a++)
        {
            actionMask[a] = a == 0 || _random.NextDouble() < 0.8;
        }
    }
}
