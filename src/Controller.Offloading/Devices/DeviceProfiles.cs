using System.Collections.Frozen;

namespace Controller.Offloading.Devices;

/// <summary>
/// The catalogue of device classes the controller knows. Local model: Phi-3-mini class (3.8B, 4-bit);
/// draft: a ≈ 0.5B (Jetson, Pi, laptop) or ≈ 1B (phone) model of the cloud target's family. Speeds and
/// powers are assumptions inside the ranges of <c>reference/speculative-decoding.md</c> (t_d, J/token)
/// and public llama.cpp / MLC-LLM figures for these boards; the table and its sources are in
/// <c>docs/decision-model.md</c>. Replace them with measured agent telemetry as it arrives.
/// </summary>
public static class DeviceProfiles
{
    /// <summary>
    /// Per draft token of k: the draft distribution q kept for verification, 151,936-token vocabulary
    /// × 4 bytes (fp32) ≈ 0.61 MB; the draft KV cache growth (≈ 12 kB/token for a 0.5B GQA model) is
    /// within the rounding.
    /// </summary>
    private const double DraftMbPerToken = 151_936 * 4 / 1_000_000.0;

    public static DeviceProfile RaspberryPi5 { get; } = new("raspberry-pi-5",
        LocalDecodeTokensPerSecond: 3.0, LocalPrefillTokensPerSecond: 12, LocalActivePowerWatts: 10,
        DraftMsPerToken: 50, DraftJoulesPerToken: 0.40, WaitPowerWatts: 1.0, BatteryWattHours: null,
        MemoryMb: 8192, DraftModelMemoryMb: 400, DraftMemoryMbPerDraftToken: DraftMbPerToken)
    {
        DraftPrefillSpeedup = DeviceProfile.LocalToSmallDraftParameters,
    };

    public static DeviceProfile JetsonNano { get; } = new("jetson-nano",
        LocalDecodeTokensPerSecond: 2.5, LocalPrefillTokensPerSecond: 30, LocalActivePowerWatts: 10,
        DraftMsPerToken: 20, DraftJoulesPerToken: 0.14, WaitPowerWatts: 1.25, BatteryWattHours: null,
        MemoryMb: 4096, DraftModelMemoryMb: 400, DraftMemoryMbPerDraftToken: DraftMbPerToken)
    {
        DraftPrefillSpeedup = DeviceProfile.LocalToSmallDraftParameters,
    };

    public static DeviceProfile JetsonTx2 { get; } = new("jetson-tx2",
        LocalDecodeTokensPerSecond: 5.0, LocalPrefillTokensPerSecond: 80, LocalActivePowerWatts: 15,
        DraftMsPerToken: 12, DraftJoulesPerToken: 0.13, WaitPowerWatts: 2.0, BatteryWattHours: null,
        MemoryMb: 8192, DraftModelMemoryMb: 400, DraftMemoryMbPerDraftToken: DraftMbPerToken)
    {
        DraftPrefillSpeedup = DeviceProfile.LocalToSmallDraftParameters,
    };

    public static DeviceProfile JetsonOrinNx { get; } = new("jetson-orin-nx",
        LocalDecodeTokensPerSecond: 22, LocalPrefillTokensPerSecond: 600, LocalActivePowerWatts: 20,
        DraftMsPerToken: 5, DraftJoulesPerToken: 0.06, WaitPowerWatts: 3.0, BatteryWattHours: null,
        MemoryMb: 16384, DraftModelMemoryMb: 400, DraftMemoryMbPerDraftToken: DraftMbPerToken)
    {
        DraftPrefillSpeedup = DeviceProfile.LocalToSmallDraftParameters,
    };

    public static DeviceProfile IPhone15Pro { get; } = new("iphone-15-pro",
        LocalDecodeTokensPerSecond: 15, LocalPrefillTokensPerSecond: 150, LocalActivePowerWatts: 6,
        DraftMsPerToken: 25, DraftJoulesPerToken: 0.10, WaitPowerWatts: 0.4, BatteryWattHours: 12.7,
        MemoryMb: 8192, DraftModelMemoryMb: 800, DraftMemoryMbPerDraftToken: DraftMbPerToken);

    public static DeviceProfile AndroidMidrange { get; } = new("android-midrange",
        LocalDecodeTokensPerSecond: 6, LocalPrefillTokensPerSecond: 50, LocalActivePowerWatts: 3,
        DraftMsPerToken: 60, DraftJoulesPerToken: 0.24, WaitPowerWatts: 0.5, BatteryWattHours: 19.25,
        MemoryMb: 6144, DraftModelMemoryMb: 800, DraftMemoryMbPerDraftToken: DraftMbPerToken);

    /// <summary>
    /// A budget Android phone (≈ 4000 mAh × 3.85 V ≈ 15.4 Wh; 4 GB): the slow end of the reference's phone
    /// draft range (1–4B draft at 20–110 ms/token) and near its 0.1–0.5 J/token top; local Phi-3-mini
    /// class decoding barely fits in memory and runs at ≈ 3 tokens/s. Assumption inside those ranges.
    /// </summary>
    public static DeviceProfile AndroidBudget { get; } = new("android-budget",
        LocalDecodeTokensPerSecond: 3, LocalPrefillTokensPerSecond: 20, LocalActivePowerWatts: 3,
        DraftMsPerToken: 110, DraftJoulesPerToken: 0.40, WaitPowerWatts: 0.5, BatteryWattHours: 15.4,
        MemoryMb: 4096, DraftModelMemoryMb: 800, DraftMemoryMbPerDraftToken: DraftMbPerToken);

    public static DeviceProfile LaptopGpu { get; } = new("laptop-gpu",
        LocalDecodeTokensPerSecond: 60, LocalPrefillTokensPerSecond: 2500, LocalActivePowerWatts: 90,
        DraftMsPerToken: 4, DraftJoulesPerToken: 0.24, WaitPowerWatts: 8, BatteryWattHours: 80,
        MemoryMb: 8192, DraftModelMemoryMb: 400, DraftMemoryMbPerDraftToken: DraftMbPerToken)
    {
        DraftPrefillSpeedup = DeviceProfile.LocalToSmallDraftParameters,
    };

    /// <summary>Every known profile, in catalogue order.</summary>
    public static IReadOnlyList<DeviceProfile> All { get; } =
        [RaspberryPi5, JetsonNano, JetsonTx2, JetsonOrinNx, IPhone15Pro, AndroidMidrange, AndroidBudget, LaptopGpu];

    private static readonly FrozenDictionary<string, DeviceProfile> ByName =
        All.ToFrozenDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Known class names, in catalogue order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Name).ToArray();

    /// <summary>The profile of <paramref name="deviceClass"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The class is unknown; the message names it and lists the known ones.</exception>
    public static DeviceProfile Get(string deviceClass)
    {
        if (TryGet(deviceClass, out var profile))
        {
            return profile;
        }

        throw new ArgumentException(
            $"Unknown device class '{deviceClass}'. Known classes: {string.Join(", ", Names)}.", nameof(deviceClass));
    }

    /// <summary>Looks <paramref name="deviceClass"/> up without throwing; false for null, empty or unknown names.</summary>
    public static bool TryGet(string? deviceClass, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DeviceProfile? profile)
    {
        if (deviceClass is null)
        {
            profile = null;
            return false;
        }

        return ByName.TryGetValue(deviceClass, out profile);
    }
}
