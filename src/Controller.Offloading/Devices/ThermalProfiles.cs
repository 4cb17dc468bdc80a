using System.Collections.Frozen;

namespace Controller.Offloading.Devices;

/// <summary>
/// Thermal behaviour per device class in <see cref="DeviceProfiles"/>. The calibration target is the
/// reference's "local throughput can halve within minutes of sustained decoding"
/// (<c>reference/speculative-decoding.md</c>, parameter ranges): passively cooled phones reach a 0.5
/// floor in about 4–6 minutes (τ 2–2.5 min, as a phone's skin-temperature limit bites long before the
/// die's); a bare Raspberry Pi 5 follows its firmware, which starts throttling at 80 °C and throttles
/// harder at 85 °C (Raspberry Pi documentation), in about 4–6 minutes; a Jetson Nano on its passive
/// heatsink throttles after ≈ 9 minutes; fan-cooled boards (TX2, Orin NX devkits) and a laptop settle
/// at or just above their threshold and lose at most ≈ 15 %. Temperatures are an SoC proxy and are
/// assumptions until agents report measured throttling; the model ignores that throttled clocks draw
/// less power (so it slightly overstates the heating past the threshold).
/// </summary>
public static class ThermalProfiles
{
    public static ThermalProfile RaspberryPi5 { get; } = new("raspberry-pi-5",
        AmbientC: 50, BusySteadyStateC: 90, TimeConstantSeconds: 180, ThrottleStartC: 80, ThrottleFullC: 85, SpeedFloor: 0.6);

    public static ThermalProfile JetsonNano { get; } = new("jetson-nano",
        AmbientC: 40, BusySteadyStateC: 100, TimeConstantSeconds: 300, ThrottleStartC: 90, ThrottleFullC: 97, SpeedFloor: 0.6);

    public static ThermalProfile JetsonTx2 { get; } = new("jetson-tx2",
        AmbientC: 40, BusySteadyStateC: 85, TimeConstantSeconds: 300, ThrottleStartC: 80, ThrottleFullC: 95, SpeedFloor: 0.75);

    public static ThermalProfile JetsonOrinNx { get; } = new("jetson-orin-nx",
        AmbientC: 40, BusySteadyStateC: 80, TimeConstantSeconds: 240, ThrottleStartC: 85, ThrottleFullC: 95, SpeedFloor: 0.8);

    public static ThermalProfile IPhone15Pro { get; } = new("iphone-15-pro",
        AmbientC: 35, BusySteadyStateC: 100, TimeConstantSeconds: 120, ThrottleStartC: 70, ThrottleFullC: 90, SpeedFloor: 0.5);

    public static ThermalProfile AndroidMidrange { get; } = new("android-midrange",
        AmbientC: 35, BusySteadyStateC: 95, TimeConstantSeconds: 150, ThrottleStartC: 70, ThrottleFullC: 88, SpeedFloor: 0.5);

    public static ThermalProfile AndroidBudget { get; } = new("android-budget",
        AmbientC: 35, BusySteadyStateC: 95, TimeConstantSeconds: 120, ThrottleStartC: 65, ThrottleFullC: 85, SpeedFloor: 0.5);

    public static ThermalProfile LaptopGpu { get; } = new("laptop-gpu",
        AmbientC: 45, BusySteadyStateC: 87, TimeConstantSeconds: 240, ThrottleStartC: 80, ThrottleFullC: 90, SpeedFloor: 0.8);

    /// <summary>One profile per <see cref="DeviceProfiles.All"/> entry, in the same order.</summary>
    public static IReadOnlyList<ThermalProfile> All { get; } =
        [RaspberryPi5, JetsonNano, JetsonTx2, JetsonOrinNx, IPhone15Pro, AndroidMidrange, AndroidBudget, LaptopGpu];

    private static readonly FrozenDictionary<string, ThermalProfile> ByName =
        All.ToFrozenDictionary(p => p.DeviceClass, StringComparer.OrdinalIgnoreCase);

    /// <summary>The thermal profile of <paramref name="deviceClass"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown class; the message lists the known ones.</exception>
    public static ThermalProfile Get(string deviceClass) =>
        deviceClass is not null && ByName.TryGetValue(deviceClass, out var profile)
            ? profile
            : throw new ArgumentException(
                $"No thermal profile for device class '{deviceClass}'. Known classes: {string.Join(", ", All.Select(p => p.DeviceClass))}.", nameof(deviceClass));
}
