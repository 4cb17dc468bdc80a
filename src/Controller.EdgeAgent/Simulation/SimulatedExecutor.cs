using Controller.Contracts;
using Controller.EdgeAgent.Sessions;
using Controller.Offloading.EdgeCloud;
using Controller.Offloading.Placement;

namespace Controller.EdgeAgent.Simulation;

/// <summary>
/// Executes a request on a simulated device with the edge–cloud cost model, and charges the device for it: battery,
/// heat, and the draft-acceptance estimate its heartbeats report.
/// </summary>
internal sealed class SimulatedExecutor(SimulatedDevice device, EdgeCloudSimulator simulator, Random random) : IRequestExecutor
{
    public RequestOutcomeSample Execute(RequestPlacement request, PlacementChoice choice)
    {
        var sample = simulator.Simulate(choice, request, device.Profile, device.Channel, random);
        device.Spend(sample.TotalLatencyMs / 1_000, sample.DeviceEnergyJoules, sample.ExecutedLocation == Location.Local);
        device.Acceptance.Observe(sample.ExecutedDraftLength, sample.DraftTokensProposed, sample.DraftTokensAccepted);
        return sample;
    }
}
