using Controller.Learning.Algorithms;
using Controller.Learning.Nn;

namespace Controller.Learning.Backends;

/// <summary>
/// Where a learner's update math runs: the loss, its gradients and the optimiser step. Everything else — collection,
/// multipliers, GAE, replay, metrics, the exported policy and its bundle — is the shared loop's, so both backends train
/// the same algorithm and a policy from either is served by the same decision path. <see cref="ManagedBackend"/> is the
/// managed core; the TorchSharp backend lives in <c>Controller.Learning.TorchSharp</c> (libtorch is a 600 MB download,
/// so nothing that does not train with it references it).
/// </summary>
public interface ITrainingBackend
{
    /// <summary>Command-line name: <c>managed</c> or <c>torchsharp</c>.</summary>
    string Name { get; }

    /// <summary>An updater that owns <paramref name="model"/>'s training copy and trains it with PPO's clipped loss and Adam.</summary>
    IActorCriticUpdater CreatePpoUpdater(ActorCritic model, PpoHyperparameters hyperparameters);

    /// <summary>An updater that trains <paramref name="model"/> with A2C's loss and RMSprop.</summary>
    IActorCriticUpdater CreateA2cUpdater(ActorCritic model, A2cHyperparameters hyperparameters);

    /// <summary>An updater that trains <paramref name="qNetwork"/> with the Huber TD loss and Adam.</summary>
    IQNetworkUpdater CreateDqnUpdater(Mlp qNetwork, DqnHyperparameters hyperparameters);
}
