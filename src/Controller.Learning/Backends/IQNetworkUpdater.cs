using Controller.Learning.Nn;

namespace Controller.Learning.Backends;

/// <summary>
/// One DQN gradient step: Huber loss of <c>Q(s, a)</c> for the taken actions against TD targets the loop computed,
/// clipping by global norm, optimiser step. <see cref="CopyWeightsTo"/> brings a backend's weights back into the managed
/// Q-network that acts, targets and export read; DQN calls it after every step.
/// </summary>
public interface IQNetworkUpdater
{
    /// <summary>Step size of the next <see cref="Step"/>.</summary>
    double LearningRate { get; set; }

    /// <summary>Huber(Q(s_b, a_b), target_b) averaged over the batch, then one step; returns the loss.</summary>
    /// <param name="observations">Normalised observations, <c>[batch, ObservationSize]</c>.</param>
    double Step(ReadOnlySpan<float> observations, ReadOnlySpan<int> actions, ReadOnlySpan<float> targets, int batchSize);

    /// <summary>Writes the trained weights into <paramref name="network"/> (nothing to do when it trains it in place).</summary>
    void CopyWeightsTo(Mlp network);
}
