using System.Globalization;
using System.Text;
using Controller.Contracts;
using Controller.Offloading.Devices;
using Controller.Offloading.EdgeCloud;
using Controller.Training.EdgeCloud.Environments;
using Controller.Offloading.EdgeCloud.Problem;

namespace Controller.Training.EdgeCloud.Evaluation;

/// <summary>One sanity check's inputs and answers.</summary>
/// <param name="Name">What is checked.</param>
/// <param name="Observed">The policy's answers along the varied factor.</param>
/// <param name="Passed">True when the answers move the way the reference says.</param>
public sealed record SanityCheckResult(string Name, string Observed, bool Passed);

/// <summary>
/// The reference's sanity checks asked of a trained policy on constructed requests: a text-only Message Editing
/// request of 150 tokens from an iPhone on LTE (RTT 60 ms, 8/30 Mb/s, α 0.8, idle-ish cloud), one factor varied at
/// a time. A draft length is the policy's choice when only speculative actions are allowed (what it would draft if
/// it speculates); a placement is its choice with the full structural mask. The evaluation writes them per learned
/// bundle (<c>sanity.md</c>); the tests ask them of the committed seed-0 bundle.
/// </summary>
public static class EdgeCloudSanityChecks
{
    /// <summary>Runs every check on <paramref name="policy"/>.</summary>
    public static IReadOnlyList<SanityCheckResult> Run(EdgeCloudLearnedPolicy policy, EdgeCloudEnvironmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        int K(EdgeCloudDecision d) => DraftLength(policy, d, options);
        Location Where(EdgeCloudDecision d) => d.Space.Decode(Act(policy, d, options, speculativeOnly: false)).Location;

        var rtt = new[] { 20.0, 100, 200, 300 }.Select(r => K(Scenario(options, rtt: r))).ToList();
        var alpha = new[] { 0.5, 0.7, 0.9 }.Select(a => K(Scenario(options, alpha: a))).ToList();
        var speed = new[] { 1.0, 0.6, 0.3 }.Select(s => K(Scenario(options, speed: s))).ToList();
        var bits = UplinkBitsPerDraftToken.Select(b => K(Scenario(options, draftTokenBits: b))).ToList();
        var slowIdle = Where(SlowDraftIdleCloud(options));
        var fastLoaded = Where(FastDraftLoadedCloud(options));
        var poorBusy = Where(PoorLinkBusyCloud(options));
        return
        [
            new("k grows with RTT (20, 100, 200, 300 ms)", string.Join(", ", rtt), rtt[^1] > rtt[0]),
            new("k grows with α (0.5, 0.7, 0.9)", string.Join(", ", alpha), alpha[^1] > alpha[0]),
            new("k shrinks with draft time (25, 42, 83 ms/token)", string.Join(", ", speed), speed[^1] < speed[0]),
            new("k shrinks with uplink bits per draft token (32 b ids, 3 kb top-64, 512 kb dense)", string.Join(", ", bits), bits[^1] < bits[0]),
            new("plain cloud when the draft is slow and the cloud idle", slowIdle.ToString(), slowIdle == Location.Cloud),
            new("speculative when the draft is fast and the cloud loaded", fastLoaded.ToString(), fastLoaded == Location.Speculative),
            new("local on a poor link with a busy cloud", poorBusy.ToString(), poorBusy == Location.Local),
        ];
    }

    /// <summary>A Markdown table of each bundle's results, and the pass count per check.</summary>
    public static string Markdown(IReadOnlyList<(string Bundle, IReadOnlyList<SanityCheckResult> Results)> bundles)
    {
        ArgumentNullException.ThrowIfNull(bundles);
        var builder = new StringBuilder();
        if (bundles.Count == 0)
        {
            return builder.ToString();
        }

        var checks = bundles[0].Results.Select(r => r.Name).ToList();
        builder.AppendLine("| Bundle | " + string.Join(" | ", checks) + " |");
        builder.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---|", checks.Count)));
        foreach (var (bundle, results) in bundles)
        {
            builder.AppendLine($"| {bundle} | " + string.Join(" | ", results.Select(r => (r.Passed ? "✓ " : "✗ ") + r.Observed)) + " |");
        }

        builder.AppendLine("| **passed** | " + string.Join(" | ", checks.Select((_, i) =>
            string.Create(CultureInfo.InvariantCulture, $"{bundles.Count(b => b.Results[i].Passed)}/{bundles.Count}"))) + " |");
        return builder.ToString();
    }

    /// <summary>
    /// Uplink bits per draft token the bits check varies: 32-bit ids (greedy), the workload's sampled requests (top-64
    /// probabilities with their ids), and a dense fp16 distribution over a 32k vocabulary (the reference's 0.5–2 Mbit case).
    /// </summary>
    public static IReadOnlyList<double> UplinkBitsPerDraftToken { get; } = [32, EdgeCloudWorkload.SampledDraftTokenBits, 32_000 * 16];

    /// <summary>The base scenario with one factor varied.</summary>
    public static EdgeCloudDecision Scenario(EdgeCloudEnvironmentOptions options, double rtt = 60, double alpha = 0.8, double speed = 1, double cloudFactor = 1,
        DeviceProfile? device = null, NetworkProfile? network = null, double uplink = 8, double downlink = 30, string task = "Message Editing",
        double draftTokenBits = 32)
    {
        ArgumentNullException.ThrowIfNull(options);
        var profile = device ?? DeviceProfiles.IPhone15Pro;
        var request = new EdgeCloudRequest(task, 100, 150, [default, default, default], alpha, alpha, profile.DraftModelMemoryMb + 1_000, 10, draftTokenBits);
        return EdgeCloudDecision.Create(profile, speed, network ?? NetworkProfiles.Lte, new ChannelState(uplink, downlink, rtt, true), cloudFactor,
            request, options.MaxDraftLength, energyLeftFraction: 0.8, spendLeftFraction: 0.8, timeLeftFraction: 0.5);
    }

    /// <summary>Android (60 ms/token draft) on good 5G with an idle cloud (×0.6).</summary>
    public static EdgeCloudDecision SlowDraftIdleCloud(EdgeCloudEnvironmentOptions options) =>
        Scenario(options, device: DeviceProfiles.AndroidMidrange, cloudFactor: 0.6, network: NetworkProfiles.FiveG, uplink: 20, downlink: 250, rtt: 30, task: "Assistive System", alpha: 0.7);

    /// <summary>iPhone (25 ms/token) on good 5G, α 0.9, with a loaded cloud (×3.3, t_step 100 ms).</summary>
    public static EdgeCloudDecision FastDraftLoadedCloud(EdgeCloudEnvironmentOptions options) =>
        Scenario(options, cloudFactor: 3.3, network: NetworkProfiles.FiveG, uplink: 20, downlink: 250, rtt: 30, alpha: 0.9);

    /// <summary>iPhone on a poor cell (0.3/1 Mb/s, RTT 280 ms) with a busy cloud (×3.3).</summary>
    public static EdgeCloudDecision PoorLinkBusyCloud(EdgeCloudEnvironmentOptions options) =>
        Scenario(options, network: NetworkProfiles.PoorCell, uplink: 0.3, downlink: 1, rtt: 280, cloudFactor: 3.3, task: "Assistive System", alpha: 0.7);

    /// <summary>The policy's (absolute) action; with <paramref name="speculativeOnly"/> only speculative actions are allowed.</summary>
    public static int Act(EdgeCloudLearnedPolicy policy, EdgeCloudDecision decision, EdgeCloudEnvironmentOptions options, bool speculativeOnly)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(decision);
        var observation = new float[EdgeCloudObservation.Size];
        EdgeCloudObservation.Write(decision, options.Budgets, observation);
        var mask = new bool[decision.Space.Count];
        for (var a = 0; a < mask.Length; a++)
        {
            mask[a] = decision.IsStructurallyAllowed(a) && (!speculativeOnly || a >= decision.Space.FirstSpeculativeIndex);
        }

        return policy.Act(decision, observation, mask);
    }

    /// <summary>The draft length the policy picks when it must speculate.</summary>
    public static int DraftLength(EdgeCloudLearnedPolicy policy, EdgeCloudDecision decision, EdgeCloudEnvironmentOptions options) =>
        decision.Space.Decode(Act(policy, decision, options, speculativeOnly: true)).DraftLength;
}
