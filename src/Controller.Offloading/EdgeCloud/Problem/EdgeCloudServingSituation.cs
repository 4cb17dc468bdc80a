using Controller.Contracts;
using Controller.Offloading.Devices;
using Controller.Offloading.Placement;

namespace Controller.Offloading.EdgeCloud.Problem;

/// <summary>
/// Builds, from a live <see cref="PlacementContext"/> (the request, the device's latest heartbeat, the budgets left), the
/// same <see cref="EdgeCloudDecision"/>, observation and mask the training environment builds, with the same encoder
/// (<see cref="EdgeCloudObservation"/>) and mask (<see cref="EdgeCloudMask"/>). What the contracts do not carry is derived,
/// each rule documented in docs/decision-model.md §9:
/// thermal speed factor = the device class's governor curve at the heartbeat's temperature (<see cref="ThermalProfile.SpeedAt"/>);
/// cloud load = nominal (the controller has no load signal from its cloud yet);
/// window time left = half the trained window (the expected time left at a uniformly random moment of a window);
/// energy left = the budgets' device energy (heartbeat less energy committed since), at most one window's budget;
/// spend left = the dialogue's remaining spend, at most one window's budget;
/// α estimate = the heartbeat's, else the task prior; draft tokens are greedy 32-bit ids (the request does not say it samples).
/// </summary>
public static class EdgeCloudServingSituation
{
    /// <summary>
    /// The decision for <paramref name="context"/>, or null with the reason the problem cannot describe it (no heartbeat
    /// yet, an unknown device class, more modalities than the problem's slots).
    /// </summary>
    /// <exception cref="ArgumentException">A field of the context is out of range; the message names it.</exception>
    public static EdgeCloudDecision? Create(PlacementContext context, EdgeCloudServingProblem problem, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        // Same validation as the baseline's: bad input is refused with the field named, whichever policy serves.
        _ = PlacementInputs.Resolve(context, problem.MaxDraftLength, PlacementDefaults.Conservative, AcceptanceModel.Default);
        var request = context.Request;
        if (context.Device is not { } heartbeat)
        {
            reason = "no heartbeat from this device yet";
            return null;
        }

        if (!DeviceProfiles.TryGet(heartbeat.DeviceClass, out var device))
        {
            reason = $"device class '{heartbeat.DeviceClass}' is not known";
            return null;
        }

        if (request.Modalities.Count > EdgeCloudProblem.ModalitySlots)
        {
            reason = $"{request.Modalities.Count} modalities offered; the problem has {EdgeCloudProblem.ModalitySlots} slots";
            return null;
        }

        var slots = new ModalitySlot[EdgeCloudProblem.ModalitySlots];
        for (var i = 0; i < request.Modalities.Count; i++)
        {
            var offer = request.Modalities[i];
            slots[i] = new ModalitySlot(true, offer.SizeBytes, offer.RelevanceScore ?? PlacementDefaults.Conservative.UnknownRelevance);
        }

        var alpha = heartbeat.DraftAcceptanceEstimate ?? AcceptanceModel.Default.Prior(request.TaskCategory);
        var budgets = problem.Budgets;
        var situation = new EdgeCloudRequest(request.TaskCategory, request.PromptTokens, request.ExpectedOutputTokens, slots, alpha, alpha,
            heartbeat.FreeMemoryMb, budgets.MeanThinkSeconds);
        var up = heartbeat.Network != NetworkType.Disconnected && heartbeat.UplinkMbps > 0 && heartbeat.DownlinkMbps > 0;
        var channel = up ? new ChannelState(heartbeat.UplinkMbps, heartbeat.DownlinkMbps, heartbeat.RttMs, true) : ChannelState.Down;
        var speed = ThermalProfiles.Get(device.Name).SpeedAt(heartbeat.TemperatureCelsius);
        reason = null;
        return EdgeCloudDecision.Create(device, speed, NetworkProfiles.Get(heartbeat.Network), channel, cloudFactor: 1, situation, problem.MaxDraftLength,
            budgets.EnergyLeftFraction(Math.Min(context.Budgets.EnergyRemainingJoules, budgets.EnergyBudgetJoules)),
            budgets.SpendLeftFraction(Math.Min(context.Budgets.CloudSpendRemainingUsd, budgets.SpendBudgetUsd)),
            budgets.TimeLeftFraction(budgets.WindowSeconds / 2));
    }

    /// <summary>Writes the observation and mask of <paramref name="decision"/>; returns the mask's fallback action.</summary>
    public static int Write(EdgeCloudDecision decision, EdgeCloudServingProblem problem, Span<float> observation, Span<bool> mask)
    {
        ArgumentNullException.ThrowIfNull(problem);
        EdgeCloudObservation.Write(decision, problem.Budgets, observation);
        return EdgeCloudMask.Fill(decision, problem.Budgets, problem.MaskOverBudget, mask);
    }
}
