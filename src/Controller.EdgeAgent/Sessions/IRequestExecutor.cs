using Controller.Contracts;
using Controller.Offloading.EdgeCloud;
using Controller.Offloading.Placement;

namespace Controller.EdgeAgent.Sessions;

/// <summary>
/// Runs a request where the agent settled on: the local model, the cloud, or speculative decoding. The fleet
/// simulator's executor uses the edge–cloud cost model; an agent daemon's runs real models.
/// </summary>
public interface IRequestExecutor
{
    /// <summary>Executes <paramref name="choice"/> for <paramref name="request"/> and measures what happened.</summary>
    RequestOutcomeSample Execute(RequestPlacement request, PlacementChoice choice);
}
