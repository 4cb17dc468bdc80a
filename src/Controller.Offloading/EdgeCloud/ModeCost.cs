using Controller.Offloading.Placement;

namespace Controller.Offloading.EdgeCloud;

/// <summary>Expected resource use of serving one request in one mode (quality is the quality model's business).</summary>
/// <param name="LatencyMs">Time to the last token, ms.</param>
/// <param name="TimeToFirstTokenMs">Time to the first token, ms.</param>
/// <param name="DeviceEnergyJoules">Device energy: compute, waiting, radio and radio tail, J.</param>
/// <param name="CloudCostUsd">Cloud spend, US$.</param>
/// <param name="BytesUp">Bytes the device sends (fractional in expectation).</param>
/// <param name="BytesDown">Bytes the device receives (fractional in expectation).</param>
public readonly record struct ModeCost(double LatencyMs, double TimeToFirstTokenMs, double DeviceEnergyJoules,
    double CloudCostUsd, double BytesUp, double BytesDown)
{
    /// <summary>This cost with an expected quality, as the estimate a policy reports.</summary>
    public RequestEstimate ToEstimate(double expectedQuality) => new(LatencyMs, TimeToFirstTokenMs, DeviceEnergyJoules,
        CloudCostUsd, (long)Math.Round(BytesUp), (long)Math.Round(BytesDown), expectedQuality);
}
