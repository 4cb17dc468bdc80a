using Controller.Contracts;
using Controller.Offloading.Devices;
using Controller.Offloading.EdgeCloud;

namespace Controller.EdgeAgent.Simulation;

/// <summary>
/// The physical state of one simulated edge device: its profile, its link (a two-state Markov channel
/// per network type), battery, the energy it may still spend in the current budget window, memory,
/// load and temperature. Time here is simulated time, advanced by what the device does.
/// </summary>
public sealed class SimulatedDevice
{
    private readonly ChannelModel _channel;
    private readonly double _windowBudgetJoules;
    private readonly double _windowSeconds;
    private double _windowStartSeconds;
    private double _batteryJoules;
    private double _temperature = 40;

    public SimulatedDevice(string deviceId, DeviceProfile profile, NetworkType network, double energyBudgetJoulesPerWindow, TimeSpan window, Random random)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        ArgumentOutOfRangeException.ThrowIfNegative(energyBudgetJoulesPerWindow);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        DeviceId = deviceId;
        Profile = profile;
        Network = network;
        _channel = new ChannelModel(NetworkProfiles.Get(network));
        _windowBudgetJoules = energyBudgetJoulesPerWindow;
        _windowSeconds = window.TotalSeconds;
        _batteryJoules = (profile.BatteryWattHours ?? 0) * 3_600 * (0.5 + (0.5 * random.NextDouble()));
        Channel = _channel.Next(random);
        FreeMemoryMb = profile.MemoryMb * (0.3 + (0.4 * random.NextDouble()));
    }

    public string DeviceId { get; }

    public DeviceProfile Profile { get; }

    public NetworkType Network { get; }

    public ChannelState Channel { get; private set; }

    public double SimulatedSeconds { get; private set; }

    public double EnergySpentInWindowJoules { get; private set; }

    public double EnergyRemainingJoules => Math.Max(0, _windowBudgetJoules - EnergySpentInWindowJoules);

    public double FreeMemoryMb { get; private set; }

    public AcceptanceEstimator Acceptance { get; } = new();

    /// <summary>Moves the link and memory pressure on by one step of their Markov processes.</summary>
    public void Advance(Random random)
    {
        Channel = _channel.Next(random);
        FreeMemoryMb = Math.Clamp(FreeMemoryMb + (Profile.MemoryMb * 0.05 * ((2 * random.NextDouble()) - 1)), Profile.MemoryMb * 0.1, Profile.MemoryMb * 0.9);
    }

    /// <summary>Accounts a request that took <paramref name="seconds"/> and drew <paramref name="joules"/> on the device.</summary>
    public void Spend(double seconds, double joules, bool ranLocally)
    {
        SimulatedSeconds += seconds;
        if (SimulatedSeconds - _windowStartSeconds >= _windowSeconds)
        {
            _windowStartSeconds = SimulatedSeconds;
            EnergySpentInWindowJoules = 0;
        }

        EnergySpentInWindowJoules += joules;
        if (Profile.BatteryWattHours is { } wh)
        {
            // Simulated devices recharge when empty, so a long demo does not end with a dead fleet.
            _batteryJoules = _batteryJoules - joules <= 0 ? wh * 3_600 : _batteryJoules - joules;
        }

        // Sustained local decoding heats the device; idle or offloaded time cools it.
        _temperature = ranLocally ? Math.Min(90, _temperature + (seconds * 0.5)) : Math.Max(35, _temperature - (seconds * 0.2));
    }

    public HeartbeatReported Heartbeat(DateTimeOffset now, Random random) => new()
    {
        SchemaVersion = SchemaVersions.Current,
        HeartbeatId = Guid.NewGuid(),
        DeviceId = DeviceId,
        DeviceClass = Profile.Name,
        SentAt = now,
        BatteryPercent = Profile.BatteryWattHours is { } wh ? Math.Clamp(100 * _batteryJoules / (wh * 3_600), 0, 100) : 100,
        EnergyBudgetRemainingJoules = EnergyRemainingJoules,
        FreeMemoryMb = FreeMemoryMb,
        CpuLoad = Math.Round(0.1 + (0.5 * random.NextDouble()), 3),
        GpuLoad = Math.Round(0.05 + (0.4 * random.NextDouble()), 3),
        TemperatureCelsius = Math.Round(_temperature, 1),
        Network = Channel.IsUp ? Network : NetworkType.Disconnected,
        UplinkMbps = Channel.UplinkMbps,
        DownlinkMbps = Channel.DownlinkMbps,
        RttMs = Channel.RttMs,
        DraftAcceptanceEstimate = Acceptance.Estimate,
    };
}
