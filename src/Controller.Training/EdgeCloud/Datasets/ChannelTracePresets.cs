using System.Collections.Frozen;
using Controller.Contracts;
using Controller.Offloading.EdgeCloud;

namespace Controller.Training.EdgeCloud.Datasets;

/// <summary>
/// Generator configs for the shipped traces: 30 min at 1 s. Rate and RTT ranges are the reference's
/// "Parameter ranges for simulation" (<c>reference/speculative-decoding.md</c>): Wi-Fi up 20–200 Mb/s,
/// down 50–500, RTT 10–30 ms; 5G up 5–30 (median ≈ 15), down 100–300, RTT 25–50; LTE up 2–10, down 10–50,
/// RTT 40–80; poor cell up 0.2–2, RTT 100–300. The reference gives no poor-cell downlink: 0.5–10 Mb/s is
/// <see cref="NetworkProfiles.PoorCell"/>'s. Medians other than 5G's, bandwidths, correlations and
/// outage rates are assumptions, chosen as follows. Bandwidth B is an effective channel width typical
/// of the technology (Wi-Fi 40/80 MHz, 5G FR1 uplink share 10 MHz and 40 MHz down, LTE 5/10 MHz, a
/// poor cell 1.4/3 MHz), so the SNRs the ranges imply stay in a realistic −10…+23 dB. SNR correlation
/// per 1 s step 0.9–0.97 (shadowing coherence of tens of seconds, longer on a stationary poor cell);
/// RTT jitter correlation 0.7 (queues drain in a few seconds). Outages: rare and short on Wi-Fi,
/// ≈ 1–2 % on 5G/LTE, ≈ 9 % on a poor cell, in line with <see cref="NetworkProfiles"/>' outage probabilities.
/// </summary>
public static class ChannelTracePresets
{
    /// <summary>30 minutes: long enough for several outages on every network, small enough to ship (&lt; 100 kB).</summary>
    public const double DefaultDurationSeconds = 1800;

    public const double DefaultStepSeconds = 1;

    public static ChannelTraceGeneratorConfig WiFi { get; } = new("wifi", NetworkType.WiFi, Seed: 101,
        DefaultDurationSeconds, DefaultStepSeconds,
        Uplink: LinkRateConfig.FromRange(bandwidthMhz: 40, minMbps: 20, medianMbps: 80, maxMbps: 200, correlation: 0.9),
        Downlink: LinkRateConfig.FromRange(bandwidthMhz: 80, minMbps: 50, medianMbps: 200, maxMbps: 500, correlation: 0.9),
        Rtt: RttConfig.FromRange(minMs: 10, medianMs: 18, maxMs: 30, correlation: 0.7),
        Outage: new(MeanUpSeconds: 600, MeanDownSeconds: 2));

    public static ChannelTraceGeneratorConfig FiveG { get; } = new("5g", NetworkType.FiveG, Seed: 102,
        DefaultDurationSeconds, DefaultStepSeconds,
        Uplink: LinkRateConfig.FromRange(bandwidthMhz: 10, minMbps: 5, medianMbps: 15, maxMbps: 30, correlation: 0.95),
        Downlink: LinkRateConfig.FromRange(bandwidthMhz: 40, minMbps: 100, medianMbps: 180, maxMbps: 300, correlation: 0.95),
        Rtt: RttConfig.FromRange(minMs: 25, medianMs: 35, maxMs: 50, correlation: 0.7),
        Outage: new(MeanUpSeconds: 300, MeanDownSeconds: 3));

    public static ChannelTraceGeneratorConfig Lte { get; } = new("lte", NetworkType.Lte, Seed: 103,
        DefaultDurationSeconds, DefaultStepSeconds,
        Uplink: LinkRateConfig.FromRange(bandwidthMhz: 5, minMbps: 2, medianMbps: 5, maxMbps: 10, correlation: 0.95),
        Downlink: LinkRateConfig.FromRange(bandwidthMhz: 10, minMbps: 10, medianMbps: 25, maxMbps: 50, correlation: 0.95),
        Rtt: RttConfig.FromRange(minMs: 40, medianMs: 55, maxMs: 80, correlation: 0.7),
        Outage: new(MeanUpSeconds: 240, MeanDownSeconds: 4));

    public static ChannelTraceGeneratorConfig PoorCell { get; } = new("poor-cell", NetworkType.PoorCell, Seed: 104,
        DefaultDurationSeconds, DefaultStepSeconds,
        Uplink: LinkRateConfig.FromRange(bandwidthMhz: 1.4, minMbps: 0.2, medianMbps: 0.8, maxMbps: 2, correlation: 0.97),
        Downlink: LinkRateConfig.FromRange(bandwidthMhz: 3, minMbps: 0.5, medianMbps: 3, maxMbps: 10, correlation: 0.97),
        Rtt: RttConfig.FromRange(minMs: 100, medianMs: 170, maxMs: 300, correlation: 0.7),
        Outage: new(MeanUpSeconds: 60, MeanDownSeconds: 6));

    /// <summary>Every preset, fastest network first.</summary>
    public static IReadOnlyList<ChannelTraceGeneratorConfig> All { get; } = [WiFi, FiveG, Lte, PoorCell];

    /// <summary>Preset names (also the shipped file names).</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Name).ToArray();

    private static readonly FrozenDictionary<string, ChannelTraceGeneratorConfig> ByName =
        All.ToFrozenDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The preset for <paramref name="network"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No trace preset for it (wired links and a disconnected device have none).</exception>
    public static ChannelTraceGeneratorConfig For(NetworkType network) =>
        All.FirstOrDefault(p => p.Network == network)
        ?? throw new ArgumentOutOfRangeException(nameof(network), network,
            $"No trace preset for {network}; presets exist for {string.Join(", ", All.Select(p => p.Network))}.");

    /// <summary>The preset called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static ChannelTraceGeneratorConfig Get(string name) =>
        name is not null && ByName.TryGetValue(name, out var preset)
            ? preset
            : throw new ArgumentException($"Unknown trace preset '{name}'. Known presets: {string.Join(", ", Names)}.", nameof(name));
}
