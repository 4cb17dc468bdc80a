namespace Controller.Offloading.EdgeCloud;

/// <summary>The link as it is for one request.</summary>
/// <param name="UplinkMbps">Uplink throughput, Mbit/s.</param>
/// <param name="DownlinkMbps">Downlink throughput, Mbit/s.</param>
/// <param name="RttMs">Round-trip time to the cloud, ms.</param>
/// <param name="IsUp">False when the cloud is unreachable; cloud and speculative placements are then infeasible.</param>
public readonly record struct ChannelState(double UplinkMbps, double DownlinkMbps, double RttMs, bool IsUp)
{
    /// <summary>An unreachable link.</summary>
    public static ChannelState Down => new(0, 0, 0, false);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first field that is not usable.</summary>
    /// <remarks>A down link may carry zeros; an up link needs positive rates.</remarks>
    public void Validate(string parameterName)
    {
        RequireFinite(UplinkMbps, nameof(UplinkMbps), parameterName);
        RequireFinite(DownlinkMbps, nameof(DownlinkMbps), parameterName);
        RequireFinite(RttMs, nameof(RttMs), parameterName);
        if (IsUp && (UplinkMbps <= 0 || DownlinkMbps <= 0))
        {
            throw new ArgumentException(
                $"{parameterName}: an up link needs UplinkMbps and DownlinkMbps > 0, got {UplinkMbps} and {DownlinkMbps}.", parameterName);
        }
    }

    private static void RequireFinite(double value, string field, string parameterName)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentException($"{parameterName}.{field} must be a finite number ≥ 0, got {value}.", parameterName);
        }
    }
}
