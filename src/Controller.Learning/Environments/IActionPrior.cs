namespace Controller.Learning.Environments;

/// <summary>
/// An environment that offers a state-dependent log-prior over actions (e.g. a planner's preferences) for a categorical
/// policy to start from: the policy's probabilities become <c>softmax(prior(s) + network(s))</c>, so the network learns a
/// correction to the prior rather than the whole policy (<see cref="Algorithms.TrainingSetup.StateLogPrior"/>). A policy
/// trained this way must be served with the same prior added to its logits.
/// </summary>
public interface IActionPrior
{
    /// <summary>Writes the log-prior of every action in the pending state; masked entries are ignored, allowed ones must be finite.</summary>
    /// <param name="logPrior">Length <see cref="EnvironmentSpec.ActionCount"/>.</param>
    void WriteLogPrior(Span<float> logPrior);
}
