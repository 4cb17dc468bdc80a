using Controller.Learning.Algorithms;
using Controller.Learning.Buffers;

namespace Controller.Learning.Backends;

/// <summary>
/// One gradient step of PPO or A2C on a gathered minibatch: loss, gradients, clipping by global norm, optimiser step.
/// A backend may train its own copy of the weights; <see cref="CopyWeightsTo"/> brings them back into the managed
/// <see cref="ActorCritic"/> that collection and export read, once per rollout.
/// </summary>
public interface IActorCriticUpdater
{
    /// <summary>Step size of the next <see cref="Step"/>; the loop's schedule sets it per rollout.</summary>
    double LearningRate { get; set; }

    /// <summary>The algorithm's loss on <paramref name="batch"/> with multipliers <paramref name="lambdas"/>, then one step.</summary>
    ActorCriticLossStatistics Step(Minibatch batch, ReadOnlySpan<double> lambdas);

    /// <summary>Writes the trained weights into <paramref name="model"/> (nothing to do when it trains that model in place).</summary>
    void CopyWeightsTo(ActorCritic model);
}
