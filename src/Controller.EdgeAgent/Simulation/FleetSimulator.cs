using Controller.EdgeAgent.Clients;
using Controller.Offloading.Devices;
using Controller.Offloading.EdgeCloud;

namespace Controller.EdgeAgent.Simulation;

/// <summary>Runs a fleet of <see cref="SimulatedAgent"/>s against one controller for a fixed wall time.</summary>
public static class FleetSimulator
{
    /// <param name="controllerFor">The client agent <c>i</c> uses (all may share one).</param>
    /// <param name="stats">Where agents record; read it while the run is in progress for live progress.</param>
    public static async Task<FleetSummary> RunAsync(
        FleetOptions options,
        Func<int, IControllerClient> controllerFor,
        FleetStats stats,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        options.Validate();
        var profiles = options.DeviceClasses.Select(DeviceProfiles.Get).ToArray();
        var agents = new List<SimulatedAgent>(options.Agents);
        for (var i = 0; i < options.Agents; i++)
        {
            // Each agent has its own generator so runs are reproducible whatever the thread interleaving.
            var random = new Random(unchecked((options.Seed * 1_000_003) + i));
            var deviceId = $"sim-{i:D3}";
            var network = options.Networks[(i + (i / options.DeviceClasses.Count)) % options.Networks.Count];
            var device = new SimulatedDevice(deviceId, profiles[i % profiles.Length], network, options.EnergyBudgetJoulesPerWindow, options.EnergyWindow, random);
            var executor = new EdgeCloudSimulator(NetworkProfiles.Get(network));
            agents.Add(new SimulatedAgent(device, new WorkloadGenerator(deviceId, random), controllerFor(i), executor, options, stats, clock, random));
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(options.Duration);
        await Task.WhenAll(agents.Select(a => Task.Run(() => a.RunAsync(stop.Token), CancellationToken.None)));
        return stats.Summarise();
    }
}
