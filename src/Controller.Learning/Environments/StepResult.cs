namespace Controller.Learning.Environments;

/// <summary>Scalar outcome of one environment step; the observation, mask and cost vector are written to caller spans.</summary>
/// <param name="Reward">Reward of the step (before any constraint shaping).</param>
/// <param name="Terminated">The episode ended in the MDP's own sense (no bootstrapping past it).</param>
/// <param name="Truncated">The episode was cut short by a time limit (bootstrapping past it is correct).</param>
public readonly record struct StepResult(float Reward, bool Terminated, bool Truncated)
{
    public bool Done => Terminated || Truncated;
}
