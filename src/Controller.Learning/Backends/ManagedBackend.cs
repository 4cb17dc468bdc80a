using Controller.Learning.Algorithms;
using Controller.Learning.Nn;
using Controller.Learning.Optim;

namespace Controller.Learning.Backends;

/// <summary>The managed core: hand-written backward passes and optimisers on <c>System.Numerics.Tensors</c>, in place.</summary>
public sealed class ManagedBackend : ITrainingBackend
{
    public static ManagedBackend Instance { get; } = new();

    public string Name => LearnerCatalog.ManagedBackendName;

    public IActorCriticUpdater CreatePpoUpdater(ActorCritic model, PpoHyperparameters hyperparameters)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(hyperparameters);
        var optimizer = new Adam(model.Parameters, hyperparameters.LearningRate, epsilon: hyperparameters.AdamEpsilon);
        return new ManagedActorCriticUpdater(model, optimizer, hyperparameters.MaxGradNorm,
            (batch, lambdas, scratch) => Ppo.ComputeLossAndGradients(model, hyperparameters, batch, lambdas, scratch[0], scratch[1], scratch[2], scratch[3], scratch[4]));
    }

    public IActorCriticUpdater CreateA2cUpdater(ActorCritic model, A2cHyperparameters hyperparameters)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(hyperparameters);
        var optimizer = new RmsProp(model.Parameters, hyperparameters.LearningRate, hyperparameters.RmsPropAlpha, hyperparameters.RmsPropEpsilon);
        return new ManagedActorCriticUpdater(model, optimizer, hyperparameters.MaxGradNorm,
            (batch, lambdas, scratch) => A2c.ComputeLossAndGradients(model, hyperparameters, batch, lambdas, scratch[0], scratch[1], scratch[2], scratch[3], scratch[4]));
    }

    public IQNetworkUpdater CreateDqnUpdater(Mlp qNetwork, DqnHyperparameters hyperparameters)
    {
        ArgumentNullException.ThrowIfNull(qNetwork);
        ArgumentNullException.ThrowIfNull(hyperparameters);
        return new ManagedQNetworkUpdater(qNetwork, new Adam(qNetwork.Parameters, hyperparameters.LearningRate, epsilon: hyperparameters.AdamEpsilon), hyperparameters.MaxGradNorm);
    }
}
