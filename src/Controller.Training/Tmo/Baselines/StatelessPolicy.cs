using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Baselines;

/// <summary>Base of policies that neither prepare per dialogue nor learn from feedback.</summary>
public abstract class StatelessPolicy : ITmoPolicy
{
    public abstract string Name { get; }

    public virtual bool UsesBudgetMask => false;

    public virtual void BeginEpisode(TmoEnvironment environment)
    {
    }

    public abstract int ChooseAction(TmoEnvironment environment, ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask);

    public virtual void Observe(TmoEnvironment environment, in TmoStepOutcome outcome)
    {
    }

    /// <summary>Uniform choice among the cloud actions <paramref name="mask"/> allows; local when none is.</summary>
    protected static int UniformCloudAction(Random random, ReadOnlySpan<bool> mask)
    {
        var allowed = 0;
        for (var action = 1; action < mask.Length; action++)
        {
            allowed += mask[action] ? 1 : 0;
        }

        if (allowed == 0)
        {
            return ModalityActionSpace.Local;
        }

        var pick = random.Next(allowed);
        for (var action = 1; action < mask.Length; action++)
        {
            if (mask[action] && pick-- == 0)
            {
                return action;
            }
        }

        return ModalityActionSpace.Local;
    }
}
