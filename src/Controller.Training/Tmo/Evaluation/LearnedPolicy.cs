using Controller.Learning.Policies;
using Controller.Training.Tmo.Baselines;
using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Evaluation;

/// <summary>A trained policy bundle behind the baselines' interface; acts greedily (most probable allowed action).</summary>
public sealed class LearnedPolicy : ITmoPolicy
{
    private readonly Policy _policy;
    private readonly float[] _observation;

    /// <param name="name">Name in the tables.</param>
    /// <param name="bundle">The loaded bundle.</param>
    /// <param name="settings">How it was trained (its <c>tmo.json</c>).</param>
    /// <param name="observationSize">Observation size of the evaluation environment, to check the bundle fits.</param>
    public LearnedPolicy(string name, PolicyBundle bundle, TmoPolicySettings settings, int observationSize)
    {
        Name = name;
        _policy = bundle.Policy;
        Settings = settings;
        var expected = observationSize + BudgetFeatures.Count;
        if (_policy.Observation.Size != expected)
        {
            throw new InvalidDataException($"policy '{name}' takes {_policy.Observation.Size} observation features but this environment gives {expected}; was it trained on another dataset or observation mode?");
        }

        _observation = new float[expected];
    }

    public string Name { get; }

    public TmoPolicySettings Settings { get; }

    public bool UsesBudgetMask => Settings.MaskOverBudget;

    public void BeginEpisode(TmoEnvironment environment)
    {
    }

    public int ChooseAction(TmoEnvironment environment, ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask)
    {
        observation.CopyTo(_observation);
        BudgetFeatures.Write(environment, _observation.AsSpan(observation.Length));
        return _policy.Act(_observation, mask).Action;
    }

    public void Observe(TmoEnvironment environment, in TmoStepOutcome outcome)
    {
    }
}
