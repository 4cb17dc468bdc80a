namespace Controller.Offloading.Devices;

/// <summary>
/// How hot a device's SoC is and how much that slows local compute: long local runs (local decoding or
/// drafting) heat it and the governor throttles clocks; idle time (waiting on the cloud) cools it.
/// Stateful: one instance per simulated device.
/// </summary>
public interface IThermalModel
{
    /// <summary>Current compute speed as a fraction of nominal, in (0, 1]; multiply tokens/s by it (divide ms/token).</summary>
    double SpeedFactor { get; }

    /// <summary>Advances the model: <paramref name="busySeconds"/> of local compute then <paramref name="idleSeconds"/> of rest.</summary>
    void Advance(double busySeconds, double idleSeconds);

    /// <summary>Back to a cool device (start of an episode).</summary>
    void Reset();
}
