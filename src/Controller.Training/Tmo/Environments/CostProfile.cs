namespace Controller.Training.Tmo.Environments;

/// <summary>
/// Latency and price of every action for one device and network, and their min–max normalisation
/// over the profile vector [local, cloud k=0, …, cloud k=M] as TMO defines L̄ and Ū.
/// </summary>
public sealed class CostProfile
{
    private readonly double[] _latencyByKind;
    private readonly double[] _usageByKind;
    private readonly double _latencyMin, _latencyRange, _usageMin, _usageRange;

    /// <summary>Builds the profile of <paramref name="space"/>'s actions on <paramref name="device"/> and <paramref name="network"/>.</summary>
    /// <exception cref="ArgumentException">The network does not cover as many images as the space has modalities.</exception>
    public CostProfile(ModalityActionSpace space, TmoDeviceProfile device, TmoNetworkProfile network)
    {
        if (space.ModalityCount > network.MaxImages)
        {
            throw new ArgumentException($"network '{network.Name}' covers at most {network.MaxImages} images but the dataset has {space.ModalityCount} modalities; use --network linear", nameof(network));
        }

        Space = space;
        Device = device;
        Network = network;
        var kinds = space.ModalityCount + 2;
        _latencyByKind = new double[kinds];
        _usageByKind = new double[kinds];
        _latencyByKind[0] = device.LocalLatencyS;
        _usageByKind[0] = device.LocalUsageUsd;
        for (var k = 0; k <= space.ModalityCount; k++)
        {
            _latencyByKind[k + 1] = network.CloudLatencyS(k);
            _usageByKind[k + 1] = network.CloudUsageUsd(k);
        }

        (_latencyMin, _latencyRange) = MinAndRange(_latencyByKind);
        (_usageMin, _usageRange) = MinAndRange(_usageByKind);
    }

    public ModalityActionSpace Space { get; }

    public TmoDeviceProfile Device { get; }

    public TmoNetworkProfile Network { get; }

    /// <summary>Cost kind of an action: 0 local, 1 + k for a cloud call with k images.</summary>
    public int KindOf(int action) => Space.IsCloud(action) ? 1 + Space.ImageCount(action) : 0;

    /// <summary>Latency of <paramref name="action"/>, seconds.</summary>
    public double LatencyS(int action) => _latencyByKind[KindOf(action)];

    /// <summary>Price of <paramref name="action"/>, US dollars.</summary>
    public double UsageUsd(int action) => _usageByKind[KindOf(action)];

    /// <summary>L̄: latency min–max normalised over [local, cloud k=0..M], in [0, 1].</summary>
    public double NormalisedLatency(int action) => Normalise(LatencyS(action), _latencyMin, _latencyRange);

    /// <summary>Ū: price min–max normalised over [local, cloud k=0..M], in [0, 1].</summary>
    public double NormalisedUsage(int action) => Normalise(UsageUsd(action), _usageMin, _usageRange);

    /// <summary>Cheapest latency of any action (the one the budget mask reserves per remaining turn), seconds.</summary>
    public double MinLatencyS => _latencyMin;

    /// <summary>Cheapest price of any action, US dollars.</summary>
    public double MinUsageUsd => _usageMin;

    private static double Normalise(double value, double min, double range) => range > 0 ? (value - min) / range : 0.0;

    private static (double Min, double Range) MinAndRange(double[] values) => (values.Min(), values.Max() - values.Min());
}
