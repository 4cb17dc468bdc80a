using Controller.Contracts;
using Controller.Offloading.EdgeCloud;
using Controller.Training.EdgeCloud.Environments;
using Controller.Offloading.EdgeCloud.Problem;

namespace Controller.Training.EdgeCloud.Evaluation;

/// <summary>
/// Per-window feasibility: could any simple plan have kept this window within its budgets? The windows a method
/// plays continue one device timeline (heat, channel, the position in the request sequence), so a window's start
/// state depends on that method's earlier choices. The judge therefore works from <b>the method's own start
/// state</b>: it rebuilds it exactly by replaying, on a fresh copy of the device (same seed), the actions the method
/// took in the device's earlier windows — the environment is deterministic given the seed and the actions — and
/// then plays the window once per <see cref="EdgeCloudPlan"/> with the budget mask off (so every plan may overrun).
/// Window 0 starts from the same state for every method, so its judgement is shared; later windows may differ
/// between methods by a few requests, seconds of channel trace and degrees of heat.
/// <para>
/// A window is <b>energy-feasible</b> when some plan's realised energy is within the energy budget,
/// <b>SLO-feasible</b> when some plan misses the SLO at most the allowed number of times, always spend-feasible (all
/// local spends $0), and <b>jointly feasible</b> when one plan meets all three at once. The method's own window counts
/// as a fourth witness (<see cref="EdgeCloudWindowFeasibility.WithWitness"/>): a window the method kept within budget
/// is feasible. The outcome noise follows the replay's own random stream, which starts where the method's did (common
/// random numbers at the window start).
/// </para>
/// <para>
/// This is a <b>heuristic, not a lower bound</b>. "Feasible" is sound for that realisation: a plan did it (a witness).
/// "Infeasible" only says that none of three simple plans did: a cleverer policy might still fit, e.g. by mixing
/// actions, by timing requests around link outages, or because a different noise draw would have let it (the plans
/// are judged on one realised draw). A sound bound on the expected energy of every policy is harder than it looks:
/// fewer, slower answers mean fewer requests in the window, and the channel and the heat a request meets depend on
/// when it runs. <see cref="EnergyLowerBound"/> is such a bound, for the expected energy only; it is reported beside
/// the heuristic (a window whose bound exceeds the budget is out of reach of every policy in expectation).
/// </para>
/// </summary>
public static class EdgeCloudFeasibility
{
    /// <summary>The plans a window is judged with, in order.</summary>
    public static IReadOnlyList<EdgeCloudPlan> Plans { get; } = [EdgeCloudPlan.LeastEnergy, EdgeCloudPlan.Fallback, EdgeCloudPlan.LeastLatency];

    /// <summary>
    /// Judges window <c>earlierWindows.Count</c> of the device with seed <paramref name="deviceSeed"/>, reached by the
    /// recorded actions <paramref name="earlierWindows"/> (one list per earlier window, in order).
    /// </summary>
    /// <param name="unmasked">An environment with the evaluation's world and options but <see cref="EdgeCloudEnvironmentOptions.MaskOverBudget"/> off; it is reset and reused.</param>
    /// <param name="deviceSeed">The device's seed (the first window's <see cref="EdgeCloudEnvironment.Reset"/> seed).</param>
    /// <param name="earlierWindows">The method's actions in each earlier window of this device.</param>
    /// <exception cref="ArgumentException">The environment masks over-budget actions.</exception>
    /// <exception cref="InvalidOperationException">The replay of the earlier windows diverged from the recorded ones.</exception>
    public static EdgeCloudWindowFeasibility JudgeWindow(EdgeCloudEnvironment unmasked, int deviceSeed, IReadOnlyList<IReadOnlyList<int>> earlierWindows)
    {
        ArgumentNullException.ThrowIfNull(unmasked);
        ArgumentNullException.ThrowIfNull(earlierWindows);
        if (unmasked.Options.MaskOverBudget)
        {
            throw new ArgumentException("the feasibility judge needs an environment without the budget mask", nameof(unmasked));
        }

        var plans = new List<EdgeCloudPlanTotals>(Plans.Count);
        foreach (var plan in Plans)
        {
            ReplayEarlierWindows(unmasked, deviceSeed, earlierWindows);
            plans.Add(Play(unmasked, earlierWindows.Count == 0 ? deviceSeed : null, plan));
        }

        ReplayEarlierWindows(unmasked, deviceSeed, earlierWindows);
        var bound = EnergyLowerBound(unmasked, earlierWindows.Count == 0 ? deviceSeed : null);
        return EdgeCloudWindowFeasibility.Judge(plans, unmasked.Options, bound);
    }

    /// <summary>Plays one window with <paramref name="plan"/> from the environment's current state (<paramref name="seed"/> as in <see cref="EdgeCloudEnvironment.Reset"/>).</summary>
    public static EdgeCloudPlanTotals Play(EdgeCloudEnvironment environment, int? seed, EdgeCloudPlan plan)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var spec = environment.Spec;
        var observation = new float[spec.ObservationSize];
        var mask = new bool[spec.ActionCount];
        var costs = new float[spec.CostCount];
        environment.Reset(seed, observation, mask);
        double expected = 0;
        double speed = 0;
        int local = 0;
        int down = 0;
        var done = false;
        while (!done)
        {
            var decision = environment.Decision;
            var action = Choose(environment, mask, plan);
            expected += decision.ExpectedEnergyJoules(action);
            speed += decision.SpeedFactor;
            down += decision.Channel.IsUp ? 0 : 1;
            done = environment.Step(action, observation, mask, costs).Done;
            local += environment.LastOutcome.Location == Location.Local ? 1 : 0;
        }

        var n = environment.WindowRequests;
        return new EdgeCloudPlanTotals(plan, environment.WindowEnergyJoules, expected, environment.WindowSpendUsd, n, environment.WindowSloMisses,
            local, down, speed / n);
    }

    /// <summary>The action <paramref name="plan"/> takes for the pending request among those <paramref name="mask"/> allows.</summary>
    public static int Choose(EdgeCloudEnvironment environment, ReadOnlySpan<bool> mask, EdgeCloudPlan plan)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (plan == EdgeCloudPlan.Fallback)
        {
            return environment.Fallback;
        }

        var decision = environment.Decision;
        var best = environment.Fallback;
        var bestValue = double.PositiveInfinity;
        for (var a = 0; a < mask.Length; a++)
        {
            var value = plan == EdgeCloudPlan.LeastEnergy ? decision.ExpectedEnergyJoules(a) : decision.ExpectedLatencyMs(a);
            if (mask[a] && value < bestValue)
            {
                bestValue = value;
                best = a;
            }
        }

        return best;
    }

    /// <summary>
    /// A lower bound on the expected device energy of the window that starts now (<paramref name="seed"/> as in
    /// <see cref="EdgeCloudEnvironment.Reset"/>), valid for every policy that decides from the past (not the future):
    /// <code>
    /// LB = max over λ ∈ [0, 1] of  (1 − λ)·p·T + min over 1 ≤ n ≤ m of Σ_{i ≤ n} (λ·e_i + (1 − λ)·(c_i − p·θ_i))
    /// </code>
    /// with T the window length, θ_i the think time after request i, m the first n with Σ_{i ≤ n} θ_i ≥ T (no window
    /// holds more requests), p a lower bound on the device's power while a request runs, e_i a lower bound on the
    /// expected energy of request i and c_i one on its expected energy beyond p × its latency, both over every action
    /// and every state the policy could have led to. Why it holds: the requests (sizes, think times, the cloud's load)
    /// do not depend on the policy; only how many fall into the window (N) does, and whether request i does is known
    /// before it is served. So E[Σ_{i≤N} X_i] ≥ E[Σ_{i≤N} e_i], and E[Σ_{i≤N} X_i] ≥ E[Σ_{i≤N} c_i] + p·E[Σ_{i≤N} Λ_i]
    /// with Σ_{i≤N} Λ_i ≥ T − Σ_{i≤N} θ_i (answers and think times fill at least the window); every convex
    /// combination of the two holds, and N lies in 1..m. Slower answers thus cost p per second, fewer requests save
    /// their e_i or c_i: the bound prices exactly the trade the policy could make.
    /// <para>
    /// States: every cost is taken at nominal speed (heat only slows the device, never lowers energy) and with the best
    /// link the trace offers anywhere in [start, start + T) taken per component (highest up- and downlink rate, lowest
    /// RTT, up), since energy falls with faster links; the request's true α (the simulator's) and the cloud load its
    /// index draws. e_i = least expected energy over the structurally allowed actions, a speculative action credited
    /// one whole round's energy (the model charges L / E[N(k)] full rounds, the simulator's last round drafts only the
    /// missing tokens). c_i = least over: local (P_local − p)·latency; cloud energy − p·latency (radio bytes and tail);
    /// speculative the radio tail only (for cloud and speculative, the certain tail: over the think time θ_i, since the
    /// next transfer cannot start earlier; no promotion) (each of its other parts draws at least p). p = min(local power, wait + radio
    /// base power, min(wait power, draft J/token ÷ slowest ms/token) + radio base). The outcome noise is mean-one and
    /// enters transfer times as 1/rate, so it raises expected energy, never lowers it.
    /// </para>
    /// </summary>
    public static double EnergyLowerBound(EdgeCloudEnvironment environment, int? seed)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var options = environment.Options;
        var spec = environment.Spec;
        var observation = new float[spec.ObservationSize];
        var mask = new bool[spec.ActionCount];
        var costs = new float[spec.CostCount];
        environment.Reset(seed, observation, mask);
        var start = environment.TimeSeconds;
        var window = options.WindowSeconds;
        var device = environment.Device;
        var network = environment.Network;
        var best = BestChannel(environment, start, window);
        var power = PowerFloor(device, network);
        var least = new List<double>();
        var beyond = new List<double>();
        var think = new List<double>();
        var thinkTotal = 0.0;
        while (thinkTotal < window)
        {
            var decision = environment.Decision;
            var (energy, fixedPart) = LeastExpectedEnergy(decision, best, options.MaxDraftLength, power);
            least.Add(energy);
            beyond.Add(fixedPart);
            think.Add(decision.Request.ThinkSeconds);
            thinkTotal += decision.Request.ThinkSeconds;
            // Only the request sequence matters from here: step on (any action) to draw the next request, into the next window if need be.
            if (environment.Step(Choose(environment, mask, EdgeCloudPlan.LeastEnergy), observation, mask, costs).Done)
            {
                environment.Reset(null, observation, mask);
            }
        }

        return BestBound(least, beyond, think, power, window);
    }

    /// <summary>
    /// max over λ (a grid of 201 values, each a valid bound) of (1 − λ)·p·T + min over n of Σ_{i≤n} (λ·e_i + (1 − λ)·(c_i − p·θ_i)),
    /// floored at 0 (see <see cref="EnergyLowerBound"/>). The lists run over the requests that could fall into the window.
    /// </summary>
    /// <param name="leastEnergy">e_i, J.</param>
    /// <param name="fixedEnergy">c_i, J.</param>
    /// <param name="thinkSeconds">θ_i, s.</param>
    /// <param name="powerWatts">p, W.</param>
    /// <param name="windowSeconds">T, s.</param>
    /// <exception cref="ArgumentException">The lists differ in length or are empty, or a value is negative or not finite.</exception>
    public static double BestBound(IReadOnlyList<double> leastEnergy, IReadOnlyList<double> fixedEnergy, IReadOnlyList<double> thinkSeconds, double powerWatts, double windowSeconds)
    {
        ArgumentNullException.ThrowIfNull(leastEnergy);
        ArgumentNullException.ThrowIfNull(fixedEnergy);
        ArgumentNullException.ThrowIfNull(thinkSeconds);
        if (leastEnergy.Count == 0 || leastEnergy.Count != thinkSeconds.Count || leastEnergy.Count != fixedEnergy.Count)
        {
            throw new ArgumentException($"need one energy, fixed energy and think time per request and at least one request; got {leastEnergy.Count}, {fixedEnergy.Count} and {thinkSeconds.Count}", nameof(leastEnergy));
        }

        if (leastEnergy.Concat(fixedEnergy).Concat(thinkSeconds).Append(powerWatts).Append(windowSeconds).Any(v => !double.IsFinite(v) || v < 0))
        {
            throw new ArgumentException("energies, think times, power and window length must be finite numbers ≥ 0", nameof(leastEnergy));
        }

        var bound = 0.0;
        for (var step = 0; step <= 200; step++)
        {
            var lambda = step / 200.0;
            var prefix = 0.0;
            var least = double.PositiveInfinity;
            for (var i = 0; i < leastEnergy.Count; i++)
            {
                prefix += (lambda * leastEnergy[i]) + ((1 - lambda) * (fixedEnergy[i] - (powerWatts * thinkSeconds[i])));
                least = Math.Min(least, prefix);
            }

            bound = Math.Max(bound, ((1 - lambda) * powerWatts * windowSeconds) + least);
        }

        return bound;
    }

    /// <summary>The device's least power while a request runs, W (see <see cref="EnergyLowerBound"/>).</summary>
    public static double PowerFloor(Controller.Offloading.Devices.DeviceProfile device, NetworkProfile network)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(network);
        var floor = Controller.Offloading.Devices.ThermalProfiles.All.FirstOrDefault(t => string.Equals(t.DeviceClass, device.Name, StringComparison.OrdinalIgnoreCase))?.SpeedFloor ?? 0.1;
        var draftWatts = device.DraftJoulesPerToken / (device.DraftMsPerToken / floor / 1_000);
        return Math.Min(device.LocalActivePowerWatts, Math.Min(device.WaitPowerWatts, draftWatts) + network.RadioBaseWatts);
    }

    private static ChannelState BestChannel(EdgeCloudEnvironment environment, double start, double window)
    {
        double up = 0, down = 0, rtt = double.PositiveInfinity;
        for (var t = 0.0; t < window; t += 0.1)
        {
            var state = environment.ChannelAt(start + t);
            if (state.IsUp)
            {
                up = Math.Max(up, state.UplinkMbps);
                down = Math.Max(down, state.DownlinkMbps);
                rtt = Math.Min(rtt, state.RttMs);
            }
        }

        return up > 0 && down > 0 && double.IsFinite(rtt) ? new ChannelState(up, down, rtt, IsUp: true) : ChannelState.Down;
    }

    private static (double Least, double Fixed) LeastExpectedEnergy(EdgeCloudDecision actual, ChannelState best, int maxDraftLength, double power)
    {
        var request = actual.Request with { AlphaEstimate = actual.Request.TextAlpha };
        // actual.Model already carries this request's cloud load, so the factor passed here is 1.
        var priced = EdgeCloudDecision.Create(actual.NominalDevice, 1, actual.Network, best, 1, request, maxDraftLength, 1, 1, 1, actual.Model);
        var round = priced.Round;
        var least = double.PositiveInfinity;
        var fixedPart = double.PositiveInfinity;
        for (var a = 0; a < priced.Space.Count; a++)
        {
            if (!priced.IsStructurallyAllowed(a))
            {
                continue;
            }

            var composite = priced.Space.Decode(a);
            var energy = priced.ExpectedEnergyJoules(a);
            var latencyMs = priced.ExpectedLatencyMs(a);
            var certainTail = 0.0;
            if (composite.Location != Location.Local)
            {
                // The model expects a tail and promotion; certain is only the tail over the think time (the next transfer
                // cannot start before the next request), and no promotion (the radio may still be in its tail).
                var model = priced.Model;
                certainTail = actual.Network.TailJoulesOver(request.ThinkSeconds);
                energy = Math.Max(0, energy - model.ExpectedRadioStateJoules(actual.Network, actual.NominalDevice.WaitPowerWatts) + certainTail);
                latencyMs -= model.ExpectedPromotionMs(actual.Network);
            }

            if (composite.Location == Location.Speculative)
            {
                // The model charges L / E[N(k)] full rounds; the simulator's last round drafts only what is missing. Credit one whole round.
                least = Math.Min(least, Math.Max(0, energy - (round is null ? 0 : priced.RoundEnergy.EnergyJoules(round, composite.DraftLength))));
                fixedPart = Math.Min(fixedPart, certainTail);
            }
            else
            {
                least = Math.Min(least, energy);
                fixedPart = Math.Min(fixedPart, Math.Max(0, energy - (power * latencyMs / 1_000)));
            }
        }

        return (least, fixedPart);
    }

    /// <summary>True when the window is over its energy budget.</summary>
    public static bool OverEnergy(EdgeCloudWindowResult window, EdgeCloudEnvironmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(options);
        return window.EnergyJoules > options.EnergyBudgetJoules;
    }

    /// <summary>True when the window is over its energy, spend or SLO budget.</summary>
    public static bool OverAny(EdgeCloudWindowResult window, EdgeCloudEnvironmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(options);
        return window.EnergyJoules > options.EnergyBudgetJoules || window.SpendUsd > options.SpendBudgetUsd || window.SloMisses > options.SloMissesPerWindow;
    }

    /// <summary>
    /// The feasibility-aware shares of <paramref name="windows"/>. A window without a judgement counts as feasible, so
    /// without judgements the "feasible windows" shares equal the plain ones.
    /// </summary>
    public static EdgeCloudFeasibilityShares Shares(IReadOnlyList<EdgeCloudWindowResult> windows, EdgeCloudEnvironmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(options);
        if (windows.Count == 0)
        {
            return new EdgeCloudFeasibilityShares(0, 0, 0, 0, 0, 0);
        }

        var feasible = windows.Where(w => w.Feasibility?.JointlyFeasible != false).ToList();
        var energyFeasible = windows.Where(w => w.Feasibility?.EnergyFeasible != false).ToList();
        var n = (double)windows.Count;
        return new EdgeCloudFeasibilityShares(
            (windows.Count - feasible.Count) / n,
            (windows.Count - energyFeasible.Count) / n,
            feasible.Count,
            energyFeasible.Count,
            feasible.Count == 0 ? 0 : feasible.Count(w => OverAny(w, options)) / (double)feasible.Count,
            energyFeasible.Count == 0 ? 0 : energyFeasible.Count(w => OverEnergy(w, options)) / (double)energyFeasible.Count);
    }

    private static void ReplayEarlierWindows(EdgeCloudEnvironment environment, int deviceSeed, IReadOnlyList<IReadOnlyList<int>> earlierWindows)
    {
        var spec = environment.Spec;
        var observation = new float[spec.ObservationSize];
        var mask = new bool[spec.ActionCount];
        var costs = new float[spec.CostCount];
        for (var w = 0; w < earlierWindows.Count; w++)
        {
            environment.Reset(w == 0 ? deviceSeed : null, observation, mask);
            var actions = earlierWindows[w];
            if (actions.Count == 0)
            {
                throw new InvalidOperationException($"window {w} of device seed {deviceSeed} has no recorded actions");
            }

            for (var i = 0; i < actions.Count; i++)
            {
                var done = environment.Step(actions[i], observation, mask, costs).Done;
                if (done != (i == actions.Count - 1))
                {
                    throw new InvalidOperationException($"replaying window {w} of device seed {deviceSeed} diverged at request {i} of {actions.Count}");
                }
            }
        }
    }
}
