using Controller.Contracts;

namespace Controller.Offloading.Placement;

/// <summary>Everything a placement policy decides from.</summary>
/// <param name="Request">The request to place.</param>
/// <param name="Device">
/// The device's latest heartbeat; null for a device not heard from yet. Policies then plan conservatively:
/// see <see cref="PlacementInputs"/> (the fallback device class on an LTE link's nominal channel, and no
/// speculative decoding because the draft's memory and acceptance are unknown).
/// </param>
/// <param name="Budgets">Remaining latency, spend and energy budgets.</param>
public sealed record PlacementContext(RequestPlacement Request, HeartbeatReported? Device, BudgetState Budgets);
