using Controller.Contracts;
using Controller.Offloading.EdgeCloud.Problem;

namespace Controller.Training.EdgeCloud.Environments;

/// <summary>
/// How the edge–cloud environment is set up: which devices and links it simulates, the per-window
/// budgets, the latency SLO, the workload's pace and the action space. Defaults in each property's
/// doc comment; <see cref="Validated"/> names the first bad setting.
/// </summary>
public sealed record EdgeCloudEnvironmentOptions
{
    /// <summary>Device classes an episode draws from (uniformly). Default: the two battery phones, iphone-15-pro and android-midrange.</summary>
    public IReadOnlyList<string> Devices { get; init; } = ["iphone-15-pro", "android-midrange"];

    /// <summary>Network types an episode draws from (uniformly). Default: Wi-Fi, 5G, LTE and poor cell ("mixed").</summary>
    public IReadOnlyList<NetworkType> Networks { get; init; } = [NetworkType.WiFi, NetworkType.FiveG, NetworkType.Lte, NetworkType.PoorCell];

    /// <summary>Device energy budget per window, joules. Default 2,000 J.</summary>
    public double EnergyBudgetJoules { get; init; } = 2_000;

    /// <summary>Cloud spend budget per window, US$. Default $0.10.</summary>
    public double SpendBudgetUsd { get; init; } = 0.10;

    /// <summary>Latency SLO per request (time to the last token), ms. Default 20,000 ms.</summary>
    public double LatencySloMs { get; init; } = 20_000;

    /// <summary>
    /// SLO misses per window allowed (the third constraint's budget). Default 8: the smallest allowance that the
    /// min-expected-latency rule meets in ≥ 99% of windows on generated traces (seeds 100–109, disjoint from the
    /// shipped evaluation traces), so that the budget is feasible but binding; with the earlier 2, every method —
    /// the min-latency rule included — was over in about half of the windows (docs/edge-cloud.md).
    /// </summary>
    public double SloMissesPerWindow { get; init; } = 8;

    /// <summary>Length of one budget window (one episode), seconds of device time. Default 600 s.</summary>
    public double WindowSeconds { get; init; } = 600;

    /// <summary>Mean user think time between the end of one answer and the next request (exponential), seconds. Default 10 s.</summary>
    public double MeanThinkSeconds { get; init; } = 10;

    /// <summary>K, the longest draft length an action may ask for. Default 8.</summary>
    public int MaxDraftLength { get; init; } = 8;

    /// <summary>
    /// True masks every action whose expected energy or spend, plus a reserve for the rest of the window,
    /// would overrun a window budget (the cheapest action stays allowed). Default true.
    /// </summary>
    public bool MaskOverBudget { get; init; } = true;

    /// <summary>True lets the SoC heat and throttle (a thermal model); false keeps nominal speed. Default true.</summary>
    public bool Thermal { get; init; } = true;

    /// <summary>Multiplier on the step reward q·L/latency (tokens/s) before the learner sees it. Default 0.02.</summary>
    public double RewardScale { get; init; } = 0.02;

    /// <summary>The window budgets the observation, the mask and the costs are measured against.</summary>
    public WindowBudgets Budgets => new(EnergyBudgetJoules, SpendBudgetUsd, WindowSeconds, LatencySloMs, SloMissesPerWindow, MeanThinkSeconds);

    /// <summary>Checks every setting and returns this; the exception names the first bad one.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public EdgeCloudEnvironmentOptions Validated()
    {
        if (Devices is null || Devices.Count == 0)
        {
            throw new ArgumentException("Devices: at least one device class is needed.", nameof(Devices));
        }

        foreach (var device in Devices)
        {
            _ = Controller.Offloading.Devices.DeviceProfiles.Get(device);
        }

        if (Networks is null || Networks.Count == 0)
        {
            throw new ArgumentException("Networks: at least one network type is needed.", nameof(Networks));
        }

        if (Networks.Any(n => n == NetworkType.Disconnected || !Enum.IsDefined(n)))
        {
            throw new ArgumentException("Networks: every entry must be wired, wifi, 5g, lte or poor-cell.", nameof(Networks));
        }

        Positive(EnergyBudgetJoules, nameof(EnergyBudgetJoules), "J");
        Positive(SpendBudgetUsd, nameof(SpendBudgetUsd), "US$");
        Positive(LatencySloMs, nameof(LatencySloMs), "ms");
        Positive(SloMissesPerWindow, nameof(SloMissesPerWindow), "misses");
        Positive(WindowSeconds, nameof(WindowSeconds), "s");
        Positive(MeanThinkSeconds, nameof(MeanThinkSeconds), "s");
        Positive(RewardScale, nameof(RewardScale), "");
        if (MaxDraftLength < 1 || MaxDraftLength > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDraftLength), MaxDraftLength, "MaxDraftLength (K) must lie in 1..16.");
        }

        return this;
    }

    private static void Positive(double value, string name, string unit)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number > 0 {unit}".TrimEnd() + ".");
        }
    }
}
