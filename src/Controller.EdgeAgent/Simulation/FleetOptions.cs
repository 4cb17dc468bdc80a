using Controller.Contracts;

namespace Controller.EdgeAgent.Simulation;

/// <summary>How a simulated fleet behaves.</summary>
public sealed record FleetOptions
{
    /// <summary>Number of simulated agents. Default 4.</summary>
    public int Agents { get; init; } = 4;

    /// <summary>How long agents keep issuing requests (wall time). Default 30 s.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Wall-time pause between one agent's requests. Default 20 ms, so a demo is busy but not a load test.</summary>
    public TimeSpan RequestInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>A heartbeat is sent before every n-th request. Default 5.</summary>
    public int HeartbeatEvery { get; init; } = 5;

    /// <summary>How long an agent waits for a decision before applying its fallback. Default 10 s.</summary>
    public TimeSpan DecisionTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Device energy each agent may spend per window, J. Default 1,500.</summary>
    public double EnergyBudgetJoulesPerWindow { get; init; } = 1_500;

    /// <summary>Length of an energy window in simulated time. Default 10 min.</summary>
    public TimeSpan EnergyWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Device classes assigned round-robin to agents. Default: a mix of Jetsons and phones.</summary>
    public IReadOnlyList<string> DeviceClasses { get; init; } = ["jetson-tx2", "iphone-15-pro", "jetson-orin-nx", "raspberry-pi-5"];

    /// <summary>Networks assigned round-robin (offset from device classes). Default Wi-Fi, 5G, LTE, wired.</summary>
    public IReadOnlyList<NetworkType> Networks { get; init; } = [NetworkType.WiFi, NetworkType.FiveG, NetworkType.Lte, NetworkType.Wired, NetworkType.PoorCell];

    /// <summary>Seed of all simulated randomness. Default 0.</summary>
    public int Seed { get; init; }

    public void Validate()
    {
        if (Agents is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(Agents), Agents, "agents must be between 1 and 10,000");
        }

        if (Duration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Duration), Duration, "duration must be positive");
        }

        if (RequestInterval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RequestInterval), RequestInterval, "request interval must not be negative");
        }

        if (HeartbeatEvery < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(HeartbeatEvery), HeartbeatEvery, "heartbeat-every must be at least 1");
        }

        if (DeviceClasses.Count == 0 || Networks.Count == 0)
        {
            throw new ArgumentException("at least one device class and one network are needed", nameof(DeviceClasses));
        }
    }
}
