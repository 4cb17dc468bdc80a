namespace Controller.EdgeAgent.Probes;

/// <summary>The agent's smoothed view of its link; each field null until a sample of its kind was seen.</summary>
/// <param name="RttMs">Smoothed round-trip time, ms.</param>
/// <param name="RttVariationMs">Smoothed mean deviation of the round-trip time, ms.</param>
/// <param name="UplinkMbps">Smoothed uplink throughput, Mbit/s.</param>
/// <param name="DownlinkMbps">Smoothed downlink throughput, Mbit/s.</param>
/// <param name="Samples">Samples folded in so far, of every kind.</param>
public sealed record NetworkEstimate(double? RttMs, double? RttVariationMs, double? UplinkMbps, double? DownlinkMbps, long Samples);
