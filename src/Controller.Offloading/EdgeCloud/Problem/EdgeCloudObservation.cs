using Controller.Contracts;

namespace Controller.Offloading.EdgeCloud.Problem;

/// <summary>
/// The observation vector, every feature scaled to about [0, 1]: the network type, the channel estimate
/// (log-rates, RTT, up/down), the cloud's load, the device's draft time, local speed and energy per token and
/// thermal factor, the α estimate, the task, the request's sizes, uplink bits per draft token and modality slots, the memory cap, the
/// window's energy, spend and time left, and planning features from the expected-cost table (the analytic k*
/// with every present modality, the expected rate, energy and spend of local, cloud and speculative at k*, and the log-ratios
/// of local's rate to the better of cloud and speculative-at-k* (both with every present modality) and of speculative's to cloud's).
/// </summary>
public static class EdgeCloudObservation
{
    private static readonly NetworkType[] NetworkOrder = [NetworkType.Wired, NetworkType.WiFi, NetworkType.FiveG, NetworkType.Lte, NetworkType.PoorCell];

    /// <summary>Feature names, in vector order.</summary>
    public static IReadOnlyList<string> Names { get; } = BuildNames();

    /// <summary>Length of the vector.</summary>
    public static int Size => Names.Count;

    /// <summary>Writes the features of <paramref name="decision"/> under <paramref name="budgets"/>; training and serving both call this.</summary>
    public static void Write(EdgeCloudDecision decision, WindowBudgets budgets, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(budgets);
        if (destination.Length < Size)
        {
            throw new ArgumentException($"Observation needs {Size} floats, got {destination.Length}.", nameof(destination));
        }

        var i = 0;
        foreach (var type in NetworkOrder)
        {
            destination[i++] = decision.Network.Type == type ? 1 : 0;
        }

        var channel = decision.Channel;
        destination[i++] = channel.IsUp ? 1 : 0;
        destination[i++] = (float)(Math.Log10(1 + channel.UplinkMbps) / 3);
        destination[i++] = (float)(Math.Log10(1 + channel.DownlinkMbps) / 3);
        destination[i++] = (float)(channel.RttMs / 300);
        destination[i++] = (float)(decision.Model.Cloud.StepMs / 100);
        var device = decision.Device;
        destination[i++] = (float)(device.DraftMsPerToken / 100);
        destination[i++] = (float)(device.LocalDecodeTokensPerSecond / 60);
        destination[i++] = (float)(device.LocalActivePowerWatts / device.LocalDecodeTokensPerSecond);
        destination[i++] = (float)decision.SpeedFactor;
        var request = decision.Request;
        destination[i++] = (float)request.AlphaEstimate;
        // Indexed, not foreach: an interface enumerator would allocate on every decision served.
        var tasks = EdgeCloudProblem.Tasks;
        for (var t = 0; t < tasks.Count; t++)
        {
            destination[i++] = request.Task == tasks[t] ? 1 : 0;
        }

        destination[i++] = request.PromptTokens / 1_000f;
        destination[i++] = request.OutputTokens / 600f;
        destination[i++] = (float)(Math.Log10(Math.Max(1, request.DraftTokenBits)) / 7);
        for (var slot = 0; slot < EdgeCloudProblem.ModalitySlots; slot++)
        {
            var m = slot < request.Modalities.Count ? request.Modalities[slot] : default;
            destination[i++] = m.Present ? 1 : 0;
            destination[i++] = m.SizeBytes / 1_000_000f;
            destination[i++] = (float)m.Relevance;
        }

        var k = decision.Space.MaxDraftLength;
        destination[i++] = (float)decision.DraftLengthCap / k;
        destination[i++] = (float)decision.EnergyLeftFraction;
        destination[i++] = (float)decision.SpendLeftFraction;
        destination[i++] = (float)decision.TimeLeftFraction;

        // Planning features: the analytic rule's k* with every present modality, and what local, cloud and
        // speculative at k* are expected to yield and cost (energy and spend as shares of the window budget).
        var kStar = decision.ThroughputOptimalDraftLength(decision.PresentMask);
        var cloud = decision.CloudAllPresent;
        var speculative = kStar > 0 ? decision.SpeculativeAllPresent(kStar) : 0;
        destination[i++] = (float)kStar / k;
        destination[i++] = Rate(decision, 0);
        destination[i++] = decision.IsStructurallyAllowed(cloud) ? Rate(decision, cloud) : 0;
        destination[i++] = kStar > 0 ? Rate(decision, speculative) : 0;
        destination[i++] = (float)(decision.ExpectedEnergyJoules(0) / budgets.EnergyBudgetJoules);
        destination[i++] = decision.IsStructurallyAllowed(cloud) ? (float)(decision.ExpectedEnergyJoules(cloud) / budgets.EnergyBudgetJoules) : 0;
        destination[i++] = kStar > 0 ? (float)(decision.ExpectedEnergyJoules(speculative) / budgets.EnergyBudgetJoules) : 0;
        destination[i++] = decision.IsStructurallyAllowed(cloud) ? (float)(decision.ExpectedSpendUsd(cloud) / budgets.SpendBudgetUsd) : 0;
        destination[i++] = kStar > 0 ? (float)(decision.ExpectedSpendUsd(speculative) / budgets.SpendBudgetUsd) : 0;

        // Margins as log-ratios of expected rates: where local or speculation wins, it wins by a few tens of percent, which
        // the rate features above show only as differences of hundredths; a log-ratio makes that a one-feature threshold.
        var remote = Math.Max(decision.IsStructurallyAllowed(cloud) ? decision.ExpectedRate(cloud) : 0, kStar > 0 ? decision.ExpectedRate(speculative) : 0);
        destination[i++] = remote > 0 ? LogRatio(decision.ExpectedRate(0), remote) : 1;
        destination[i++] = kStar > 0 && decision.IsStructurallyAllowed(cloud) ? LogRatio(decision.ExpectedRate(speculative), decision.ExpectedRate(cloud)) : -1;
    }

    /// <summary>ln(a / b), clipped to [−1, 1] (a factor of e either way is decisive); 0 when both are 0 (no NaN reaches the network).</summary>
    private static float LogRatio(double a, double b) => a > 0 && b > 0 ? (float)Math.Clamp(Math.Log(a / b), -1, 1) : a > 0 ? 1 : b > 0 ? -1 : 0;

    private static float Rate(EdgeCloudDecision decision, int action) => (float)(decision.ExpectedRate(action) / 100);

    private static List<string> BuildNames()
    {
        var names = new List<string>();
        names.AddRange(NetworkOrder.Select(n => $"network/{n.ToString().ToLowerInvariant()}"));
        names.AddRange(["link/up", "link/uplink_log10_mbps", "link/downlink_log10_mbps", "link/rtt_300ms", "cloud/step_100ms",
            "device/draft_100ms_per_token", "device/local_60tps", "device/local_j_per_token", "device/speed_factor", "request/alpha_estimate"]);
        names.AddRange(EdgeCloudProblem.Tasks.Select(t => $"task/{t.ToLowerInvariant().Replace(' ', '_')}"));
        names.AddRange(["request/prompt_1000", "request/output_600", "request/draft_bits_log10_7"]);
        for (var slot = 0; slot < EdgeCloudProblem.ModalitySlots; slot++)
        {
            names.AddRange([$"slot{slot}/present", $"slot{slot}/mb", $"slot{slot}/relevance"]);
        }

        names.AddRange(["request/draft_cap_k", "window/energy_left", "window/spend_left", "window/time_left",
            "plan/k_star_k", "plan/local_rate_100", "plan/cloud_rate_100", "plan/spec_rate_100",
            "plan/local_energy_budget", "plan/cloud_energy_budget", "plan/spec_energy_budget",
            "plan/cloud_spend_budget", "plan/spec_spend_budget", "plan/local_vs_best_remote_log", "plan/spec_vs_cloud_log"]);
        return names;
    }
}
