using Controller.Contracts;

namespace Controller.Offloading.EdgeCloud;

/// <summary>
/// Link profiles per <see cref="NetworkType"/>. Throughput and RTT ranges are the reference's
/// (<c>reference/speculative-decoding.md</c>): the good state takes the upper part of each range, the bad
/// state the lower part. Radio powers: LTE and Wi-Fi from Huang et al. (MobiSys 2012, Tables 3–4: LTE α_u = 0.438,
/// α_d = 0.052 W per Mbit/s, β = 1.288 W, tail 11.576 s at 1.060 W, promotion 0.260 s at 1.211 W; Wi-Fi
/// α_u = 0.283, α_d = 0.137, β = 0.133 W, tail 0.238 s at 0.119 W, promotion 0.079 s at 0.124 W).
/// 5G is low-band NSA (the profile's 5–30 Mbit/s uplink is low/mid-band, not mmWave): Narayanan et al. (SIGCOMM 2021,
/// §5 power and RRC measurements on a Galaxy S20 Ultra) find low-band 5G about as power-efficient as 4G and its
/// NSA radio keeping the LTE anchor's RRC timers, so 5G takes LTE's measured coefficients rather than a guessed
/// multiple (see docs/edge-cloud.md for the figures read from that paper, which are approximations). Wired links
/// are free for the device. Markov switching probabilities are assumptions: bad spells are short on Wi-Fi and long
/// on a poor cell.
/// </summary>
public static class NetworkProfiles
{
    private const double LteUplinkJoulesPerMegabit = 0.438;
    private const double LteDownlinkJoulesPerMegabit = 0.052;
    private const double LteBaseWatts = 1.288;
    private const double LteTailSeconds = 11.576;
    private const double LteTailWatts = 1.060;
    private const double LtePromotionSeconds = 0.2601;
    private const double LtePromotionWatts = 1.2107;

    public static NetworkProfile Wired { get; } = new(NetworkType.Wired,
        Good: new(new(100, 1000), new(100, 1000), new(2, 10), 0),
        Bad: new(new(20, 100), new(20, 100), new(10, 30), 0),
        GoodToBadProbability: 0.02, BadToGoodProbability: 0.5,
        RadioBaseWatts: 0, UplinkJoulesPerMegabit: 0, DownlinkJoulesPerMegabit: 0, TailSeconds: 0, TailWatts: 0);

    public static NetworkProfile WiFi { get; } = new(NetworkType.WiFi,
        Good: new(new(60, 200), new(150, 500), new(10, 20), 0),
        Bad: new(new(20, 60), new(50, 150), new(20, 30), 0.01),
        GoodToBadProbability: 0.05, BadToGoodProbability: 0.3,
        RadioBaseWatts: 0.133, UplinkJoulesPerMegabit: 0.283, DownlinkJoulesPerMegabit: 0.137, TailSeconds: 0.2381, TailWatts: 0.1193)
    {
        PromotionSeconds = 0.0791,
        PromotionWatts = 0.1244,
    };

    public static NetworkProfile FiveG { get; } = new(NetworkType.FiveG,
        Good: new(new(15, 30), new(200, 300), new(25, 35), 0),
        Bad: new(new(5, 15), new(100, 200), new(35, 50), 0.01),
        GoodToBadProbability: 0.1, BadToGoodProbability: 0.3,
        RadioBaseWatts: LteBaseWatts, UplinkJoulesPerMegabit: LteUplinkJoulesPerMegabit,
        DownlinkJoulesPerMegabit: LteDownlinkJoulesPerMegabit, TailSeconds: LteTailSeconds, TailWatts: LteTailWatts)
    {
        PromotionSeconds = LtePromotionSeconds,
        PromotionWatts = LtePromotionWatts,
    };

    public static NetworkProfile Lte { get; } = new(NetworkType.Lte,
        Good: new(new(5, 10), new(25, 50), new(40, 60), 0),
        Bad: new(new(2, 5), new(10, 25), new(60, 80), 0.02),
        GoodToBadProbability: 0.1, BadToGoodProbability: 0.25,
        RadioBaseWatts: LteBaseWatts, UplinkJoulesPerMegabit: LteUplinkJoulesPerMegabit,
        DownlinkJoulesPerMegabit: LteDownlinkJoulesPerMegabit, TailSeconds: LteTailSeconds, TailWatts: LteTailWatts)
    {
        PromotionSeconds = LtePromotionSeconds,
        PromotionWatts = LtePromotionWatts,
    };

    public static NetworkProfile PoorCell { get; } = new(NetworkType.PoorCell,
        Good: new(new(1, 2), new(2, 10), new(100, 180), 0.02),
        Bad: new(new(0.2, 1), new(0.5, 2), new(180, 300), 0.1),
        GoodToBadProbability: 0.2, BadToGoodProbability: 0.2,
        RadioBaseWatts: LteBaseWatts, UplinkJoulesPerMegabit: LteUplinkJoulesPerMegabit,
        DownlinkJoulesPerMegabit: LteDownlinkJoulesPerMegabit, TailSeconds: LteTailSeconds, TailWatts: LteTailWatts)
    {
        PromotionSeconds = LtePromotionSeconds,
        PromotionWatts = LtePromotionWatts,
    };

    public static NetworkProfile Disconnected { get; } = new(NetworkType.Disconnected,
        Good: new(new(0, 0), new(0, 0), new(0, 0), 1),
        Bad: new(new(0, 0), new(0, 0), new(0, 0), 1),
        GoodToBadProbability: 0, BadToGoodProbability: 0,
        RadioBaseWatts: 0, UplinkJoulesPerMegabit: 0, DownlinkJoulesPerMegabit: 0, TailSeconds: 0, TailWatts: 0);

    /// <summary>Every profile, in <see cref="NetworkType"/> order.</summary>
    public static IReadOnlyList<NetworkProfile> All { get; } = [Wired, WiFi, FiveG, Lte, PoorCell, Disconnected];

    /// <summary>The profile of <paramref name="type"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="NetworkType"/>.</exception>
    public static NetworkProfile Get(NetworkType type) => type switch
    {
        NetworkType.Wired => Wired,
        NetworkType.WiFi => WiFi,
        NetworkType.FiveG => FiveG,
        NetworkType.Lte => Lte,
        NetworkType.PoorCell => PoorCell,
        NetworkType.Disconnected => Disconnected,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, $"Unknown network type {(int)type}; known: {string.Join(", ", Enum.GetNames<NetworkType>())}."),
    };
}
