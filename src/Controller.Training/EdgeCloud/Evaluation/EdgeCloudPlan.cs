using Controller.Training.EdgeCloud.Environments;

namespace Controller.Training.EdgeCloud.Evaluation;

/// <summary>A simple plan the feasibility judge replays over a whole window, one rule for every request.</summary>
public enum EdgeCloudPlan
{
    /// <summary>The structurally allowed action of least expected device energy (ties: lowest index).</summary>
    LeastEnergy,

    /// <summary>The budget mask's fallback (<see cref="EdgeCloudEnvironment.Fallback"/>): least expected energy/spend share over the rest of the window.</summary>
    Fallback,

    /// <summary>The structurally allowed action of least expected latency (the <c>min-latency</c> rule without the budget mask).</summary>
    LeastLatency,
}

/// <summary>What one simple plan realised when it was replayed over one window.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="EnergyJoules">Realised device energy of the window, J.</param>
/// <param name="ExpectedEnergyJoules">Σ of the chosen actions' expected energy (the planner's model), J.</param>
/// <param name="SpendUsd">Realised cloud spend of the window, US$.</param>
/// <param name="Requests">Requests the window held under this plan.</param>
/// <param name="SloMisses">Requests over the latency SLO.</param>
/// <param name="LocalRequests">Requests that ran on the device (chosen local, or cloud/speculative on a down link).</param>
/// <param name="DownLinkRequests">Requests that arrived while the link was down.</param>
/// <param name="MeanSpeedFactor">Mean thermal speed factor at the requests' decision times (1 = cool).</param>
public sealed record EdgeCloudPlanTotals(
    EdgeCloudPlan Plan,
    double EnergyJoules,
    double ExpectedEnergyJoules,
    double SpendUsd,
    int Requests,
    int SloMisses,
    int LocalRequests,
    int DownLinkRequests,
    double MeanSpeedFactor);
