namespace Controller.Offloading.EdgeCloud;

/// <summary>
/// A two-state (good/bad) Markov channel for one network type, stepped once per request. The first
/// call draws the state from the chain's stationary distribution; each later call switches state with
/// the profile's probabilities, then draws uplink, downlink and RTT uniformly from the state's ranges
/// and the link's availability from its outage probability. Stateful: one instance per simulated device,
/// not shared between threads.
/// </summary>
public sealed class ChannelModel
{
    private bool? _good;

    public ChannelModel(NetworkProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
    }

    public NetworkProfile Profile { get; }

    /// <summary>True when the chain is in its good state; null before the first <see cref="Next"/>.</summary>
    public bool? IsGood => _good;

    /// <summary>Advances the chain one request and draws the link for it.</summary>
    public ChannelState Next(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _good = _good switch
        {
            null => random.NextDouble() < Profile.StationaryGoodProbability,
            true => random.NextDouble() >= Profile.GoodToBadProbability,
            false => random.NextDouble() < Profile.BadToGoodProbability,
        };
        var ranges = _good.Value ? Profile.Good : Profile.Bad;
        if (random.NextDouble() < ranges.OutageProbability)
        {
            return ChannelState.Down;
        }

        return new ChannelState(Draw(ranges.UplinkMbps, random), Draw(ranges.DownlinkMbps, random), Draw(ranges.RttMs, random), IsUp: true);
    }

    private static double Draw(Interval range, Random random) => range.Min + ((range.Max - range.Min) * random.NextDouble());
}
