namespace Controller.Offloading.Placement;

/// <summary>The expected cost and quality of serving one request with one composite action.</summary>
/// <param name="LatencyMs">Expected time to the last token, ms.</param>
/// <param name="TimeToFirstTokenMs">Expected time to the first token, ms.</param>
/// <param name="DeviceEnergyJoules">Expected device energy (compute, waiting and radio incl. tail), J.</param>
/// <param name="CloudCostUsd">Expected cloud spend, US$.</param>
/// <param name="BytesUp">Expected bytes sent by the device.</param>
/// <param name="BytesDown">Expected bytes received by the device.</param>
/// <param name="ExpectedQuality">Expected answer quality on M4A1's score scale (≈ 1 is reference quality).</param>
public sealed record RequestEstimate(double LatencyMs, double TimeToFirstTokenMs, double DeviceEnergyJoules,
    double CloudCostUsd, long BytesUp, long BytesDown, double ExpectedQuality);
