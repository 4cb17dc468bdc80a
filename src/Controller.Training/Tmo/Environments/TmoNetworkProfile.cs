namespace Controller.Training.Tmo.Environments;

/// <summary>
/// Latency and price of one cloud call by the number of uploaded images k. The four measured
/// networks of TMO cover k = 0..3; <c>linear</c> is TMO's synthetic model (0.5 + 1.5k s,
/// 0.0005 + 0.004k $), which covers any k.
/// </summary>
public sealed class TmoNetworkProfile
{
    /// <summary>Price of a cloud call by image count k = 0..3, US dollars, the same on every measured network (TMO table).</summary>
    public static IReadOnlyList<double> MeasuredUsageUsd { get; } = [0.00049, 0.00500, 0.00945, 0.01368];

    private readonly IReadOnlyList<double>? _latencyS;
    private readonly IReadOnlyList<double>? _usageUsd;

    private TmoNetworkProfile(string name, IReadOnlyList<double>? latencyS, IReadOnlyList<double>? usageUsd)
    {
        Name = name;
        _latencyS = latencyS;
        _usageUsd = usageUsd;
    }

    /// <summary>Name used on the command line: <c>wired</c>, <c>wifi</c>, <c>5g</c>, <c>4g</c>, <c>linear</c>.</summary>
    public string Name { get; }

    /// <summary>Largest image count the profile covers.</summary>
    public int MaxImages => _latencyS is null ? int.MaxValue : _latencyS.Count - 1;

    /// <summary>Latency of a cloud call with <paramref name="images"/> images, seconds.</summary>
    public double CloudLatencyS(int images) => _latencyS is null ? 0.5 + 1.5 * images : _latencyS[CheckImages(images)];

    /// <summary>Price of a cloud call with <paramref name="images"/> images, US dollars.</summary>
    public double CloudUsageUsd(int images) => _usageUsd is null ? 0.0005 + 0.004 * images : _usageUsd[CheckImages(images)];

    /// <summary>TMO's default network.</summary>
    public static TmoNetworkProfile Default => Get("wired");

    /// <summary>Every network: the four measured ones and the synthetic linear model.</summary>
    public static IReadOnlyList<TmoNetworkProfile> All { get; } =
    [
        new("wired", [6.46030, 4.76134, 6.24569, 6.98211], MeasuredUsageUsd),
        new("wifi", [0.5, 1.898, 2.016, 2.238], MeasuredUsageUsd),
        new("5g", [0.5, 6.037, 6.412, 7.118], MeasuredUsageUsd),
        new("4g", [0.5, 16.603, 17.636, 19.573], MeasuredUsageUsd),
        new("linear", null, null),
    ];

    /// <summary>The network called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such network; the message lists the known names.</exception>
    public static TmoNetworkProfile Get(string name) =>
        All.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown network '{name}'; known networks: {string.Join(", ", All.Select(n => n.Name))}", nameof(name));

    private int CheckImages(int images)
    {
        if (images < 0 || images > MaxImages)
        {
            throw new ArgumentOutOfRangeException(nameof(images), images, $"network '{Name}' covers 0..{MaxImages} images; use 'linear' for more modalities");
        }

        return images;
    }
}
