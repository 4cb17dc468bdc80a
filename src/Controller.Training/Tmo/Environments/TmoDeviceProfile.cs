namespace Controller.Training.Tmo.Environments;

/// <summary>
/// An edge device running the local LLM, with TMO's analytic latency and cost: one call takes
/// FLOPs / (GFLOPS · 1e9) seconds at <see cref="MaxPowerW"/>, and energy is priced at
/// <see cref="UsdPerJoule"/>.
/// </summary>
/// <param name="Name">Name used on the command line, e.g. <c>jetson-tx2</c>.</param>
/// <param name="DisplayName">Name as the TMO paper gives it.</param>
/// <param name="Gflops">Sustained compute, GFLOP/s.</param>
/// <param name="MaxPowerW">Power draw while computing, watts.</param>
public sealed record TmoDeviceProfile(string Name, string DisplayName, double Gflops, double MaxPowerW)
{
    /// <summary>Parameters of the local model (Phi-3-mini class), TMO setting.</summary>
    public const double LocalModelParameters = 3.8e9;

    /// <summary>TMO's base context length L_base, tokens.</summary>
    public const double BaseContextTokens = 1024;

    /// <summary>TMO's total context length L_total, tokens.</summary>
    public const double TotalContextTokens = 2048;

    /// <summary>Electricity price TMO uses, US dollars per joule.</summary>
    public const double UsdPerJoule = 4.633e-8;

    /// <summary>FLOPs of one local call: 2·N / L_base · L_total = 1.52e10.</summary>
    public static double LocalCallFlops => 2 * LocalModelParameters / BaseContextTokens * TotalContextTokens;

    /// <summary>Latency of one local call, seconds.</summary>
    public double LocalLatencyS => LocalCallFlops / (Gflops * 1e9);

    /// <summary>Energy of one local call, joules.</summary>
    public double LocalEnergyJ => MaxPowerW * LocalLatencyS;

    /// <summary>Cost of one local call, US dollars.</summary>
    public double LocalUsageUsd => LocalEnergyJ * UsdPerJoule;

    /// <summary>TMO's default device.</summary>
    public static TmoDeviceProfile Default => Get("jetson-tx2");

    /// <summary>Every device of TMO's table.</summary>
    public static IReadOnlyList<TmoDeviceProfile> All { get; } =
    [
        new("raspberry-pi-4b", "Raspberry Pi 4B", 13.5, 8),
        new("raspberry-pi-5", "Raspberry Pi 5", 31.4, 12),
        new("jetson-nano", "Jetson Nano", 472, 10),
        new("jetson-tx2", "Jetson TX2", 1330, 15),
        new("jetson-xavier-nx", "Jetson Xavier NX", 21000, 20),
        new("jetson-orin-nx", "Jetson Orin NX", 100000, 25),
        new("jetson-agx-orin", "Jetson AGX Orin", 275000, 60),
        new("iphone-15-pro", "iPhone 15 Pro", 35000, 15),
    ];

    /// <summary>The device called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such device; the message lists the known names.</exception>
    public static TmoDeviceProfile Get(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown device '{name}'; known devices: {string.Join(", ", All.Select(d => d.Name))}", nameof(name));
}
